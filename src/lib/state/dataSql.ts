// SQL of the data-management actions. Pure: text out, run by the caller inside its transaction.
import { lit } from '../db/adapter';

/** Remove one agency-year's report, the provenance of its figures and its text (the registry entry stays:
 *  the agency is still expected to report, so the year shows as missing). */
export function deleteAgencyYearSql(agencyId: string, year: number, reportTables: readonly string[]): string[] {
  const where = `agency_id = ${lit(agencyId)} AND year = ${Math.trunc(year)}`;
  return [...reportTables.map((t) => `DELETE FROM ${t} WHERE ${where}`), ...['cell_sources', 'cell_faults', 'document_texts', 'narrative_statements'].map((t) => `DELETE FROM ${t} WHERE ${where}`)];
}
