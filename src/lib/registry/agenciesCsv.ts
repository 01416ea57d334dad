// The registry as the agencies CSV of the shared format (the file the import screen reads back:
// agency_id, name, level, parent_id, category, is_aggregate, aliases separated by ";"; and
// active_from, active_to where the registry has them). Pure.
import { toCsv } from '../export/csv';
import type { AgencyRow } from '../ingest/csv';

export const AGENCY_CSV_COLUMNS = ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases'];

/** A registry row as read (ingest/csv.ts's AgencyRow), aliases possibly absent as DuckDB returns them. */
export type AgencyCsvRow = Omit<AgencyRow, 'aliases' | 'line'> & { aliases: readonly string[] | null };

export function agenciesCsv(rows: readonly AgencyCsvRow[]): string {
  const active = rows.some((r) => 'active_from' in r || 'active_to' in r);
  return toCsv([...AGENCY_CSV_COLUMNS, ...(active ? ['active_from', 'active_to'] : [])], rows.map((r) => [
    r.agency_id, r.name, r.level, r.parent_id, r.category, r.is_aggregate ? 'true' : 'false', (r.aliases ?? []).join(';'),
    ...(active ? [r.active_from ?? null, r.active_to ?? null] : []),
  ]));
}
