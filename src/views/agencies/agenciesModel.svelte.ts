// State of the agency registry page: every agency of the workspace shown with the years it
// reported, searched as a table or opened as a tree; the one picked is edited by AgencyEditor.
import { getDb } from '../../lib/db/duckdb';
import { searchAgencies, treeIndex, visibleRows, ancestors, type TreeRow } from '../../lib/registry/tree';
import { agenciesCsv } from '../../lib/registry/agenciesCsv';
import type { AgencyRow } from '../../lib/ingest/csv';

/** A registry row as the page shows it: the agency's fields and the years it has a report. */
export interface RegistryRow extends Omit<AgencyRow, 'line'> {
  /** years with a report, ascending */
  years: number[];
}

/** One query: the registry (every column it has) with each agency's years (a grouped list, joined once). */
export const REGISTRY_SQL = `SELECT a.* EXCLUDE (import_id), COALESCE(y.years, []::INTEGER[]) AS years
  FROM agencies a LEFT JOIN (SELECT agency_id, list_sort(list_distinct(list(year))) AS years FROM reports GROUP BY agency_id) y
  USING (agency_id) ORDER BY a.name, a.agency_id`;

export class AgenciesModel {
  rows = $state.raw<RegistryRow[]>([]);
  error = $state<string | null>(null);
  query = $state('');
  mode = $state<'table' | 'tree'>('table');
  expanded = $state.raw<ReadonlySet<string>>(new Set());
  selected = $state<string | null>(null);

  byId = $derived(new Map(this.rows.map((r) => [r.agency_id, r])));
  found = $derived(searchAgencies(this.rows, this.query));
  private index = $derived(treeIndex(this.rows));
  tree = $derived<TreeRow<RegistryRow>[]>(visibleRows(this.index, this.expanded));
  levels = $derived([...new Set(this.rows.map((r) => r.level).filter((l): l is string => !!l))]);
  categories = $derived([...new Set(this.rows.map((r) => r.category).filter((l): l is string => !!l))]);

  private seq = 0;

  /** Load the registry; false when a newer load started meanwhile. */
  async load(): Promise<boolean> {
    const mine = ++this.seq;
    try {
      const rows = await (await getDb()).query<RegistryRow>(REGISTRY_SQL);
      if (mine !== this.seq) return false;
      this.rows = rows.map((r) => ({ ...r, aliases: r.aliases ? [...r.aliases] : [], years: [...r.years].map(Number) }));
      this.error = null;
      if (this.selected && !this.byId.has(this.selected)) this.selected = null;
    } catch (e) {
      if (mine !== this.seq) return false;
      this.error = e instanceof Error ? e.message : String(e);
    }
    return true;
  }

  get current(): RegistryRow | null {
    return this.selected ? this.byId.get(this.selected) ?? null : null;
  }

  pick(id: string) {
    this.selected = id;
  }

  toggle(id: string) {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  /** Open the tree down to an agency. */
  reveal(id: string) {
    this.expanded = new Set([...this.expanded, ...ancestors(this.byId, id)]);
  }

  parentName(r: RegistryRow): string | null {
    return r.parent_id ? this.byId.get(r.parent_id)?.name ?? null : null;
  }

  csv(): string {
    return agenciesCsv(this.rows);
  }
}
