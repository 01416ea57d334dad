// SQL of the data-management actions. Pure: text out, run by the caller inside its transaction.
import { lit } from '../db/adapter';

/** Remove one agency-year's report and the provenance of its figures (the registry entry stays:
 *  the agency is still expected to report, so the year shows as missing). */
export function deleteAgencyYearSql(agencyId: string, year: number): string[] {
  const where = `agency_id = ${lit(agencyId)} AND year = ${Math.trunc(year)}`;
  return [`DELETE FROM reports WHERE ${where}`, `DELETE FROM cell_sources WHERE ${where}`];
}

/** Empty every data table (the cell catalogue stays). */
export const CLEAR_SQL = ['DELETE FROM reports', 'DELETE FROM cell_sources', 'DELETE FROM agencies', 'DELETE FROM imports'];
