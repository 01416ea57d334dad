// The registry as the agencies CSV of the shared format (the file the import screen reads back:
// agency_id, name, level, parent_id, category, is_aggregate, aliases separated by ";"; and
// active_from, active_to where the registry has them). Pure.
import { toCsv } from '../export/csv';

export const AGENCY_CSV_COLUMNS = ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases'];

export interface AgencyCsvRow {
  agency_id: string;
  name: string;
  level: string | null;
  parent_id: string | null;
  category: string | null;
  is_aggregate: boolean;
  aliases: readonly string[] | null;
  active_from?: number | null;
  active_to?: number | null;
}

export function agenciesCsv(rows: readonly AgencyCsvRow[]): string {
  const active = rows.some((r) => 'active_from' in r || 'active_to' in r);
  return toCsv([...AGENCY_CSV_COLUMNS, ...(active ? ['active_from', 'active_to'] : [])], rows.map((r) => [
    r.agency_id, r.name, r.level, r.parent_id, r.category, r.is_aggregate ? 'true' : 'false', (r.aliases ?? []).join(';'),
    ...(active ? [r.active_from ?? null, r.active_to ?? null] : []),
  ]));
}
