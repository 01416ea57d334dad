// State of the compare view: every agency in scope with its key measures, ranks and percentiles
// among same-level peers in the chosen year; and the selected agencies (up to 6, from the URL,
// whether or not the filters show them) for the side-by-side charts.
import { getDb } from '../../lib/db/duckdb';
import { loadFacets, NO_FACETS, type Facets } from '../../lib/analysis/facets';
import { resolveYear, type Filters } from '../../lib/state/filters';
import { excludedSql } from '../../lib/sql/scope';
import { compareSql } from '../../lib/sql/compare';
import { COMPARE_METRICS } from '../../lib/sql/keyMeasures';

export const MAX_SELECTED = 6;
export type CompareRow = Record<string, number | null> & { agency_id: string; name: string; level: string | null; category: string | null; is_aggregate: boolean };
export interface Excluded { agency_id: string; name: string; s3_new_total: number | null }

/** The `sel` param: distinct ids, at most MAX_SELECTED, in the order picked. */
export function parseSelection(s: string | undefined): string[] {
  return [...new Set((s ?? '').split(',').map((x) => x.trim()).filter(Boolean))].slice(0, MAX_SELECTED);
}

export class CompareModel {
  facets = $state<Facets>(NO_FACETS);
  year = $state<number | null>(null);
  rows = $state<CompareRow[]>([]);
  selected = $state<CompareRow[]>([]);
  excluded = $state<Excluded | null>(null);
  error = $state<string | null>(null);
  #seq = 0;

  async load(f: Filters, sel: string[]): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const db = await getDb();
      const facets = await loadFacets(db);
      const year = resolveYear(f, facets.years);
      let rows: CompareRow[] = [];
      let selected: CompareRow[] = [];
      let excluded: Excluded[] = [];
      if (year != null) {
        [rows, selected, excluded] = await Promise.all([
          // lazy rows: the table builds the page it shows and the column it sorts on
          db.query<CompareRow>(compareSql(f, year, COMPARE_METRICS), { lazy: true }),
          sel.length ? db.query<CompareRow>(compareSql({ ids: sel }, year, COMPARE_METRICS)) : Promise.resolve([]),
          f.excludeLargest ? db.query<Excluded>(excludedSql(f, { from: year, to: year })) : Promise.resolve([]),
        ]);
      }
      if (seq !== this.#seq) return false;
      const order = new Map(sel.map((id, i) => [id, i]));
      selected.sort((a, b) => order.get(a.agency_id)! - order.get(b.agency_id)!);
      Object.assign(this, { facets, year, rows, selected, excluded: excluded[0] ?? null, error: null });
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      this.error = e instanceof Error ? e.message : String(e);
      return true;
    }
  }
}
