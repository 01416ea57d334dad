// State of the refusal-reasons view: per year, the 19 reasons' leaf totals in scope (the chosen
// year's breakdown and every year's trend come from the same rows), and each agency's own reason
// cells in the chosen year.
import { getDb } from '../../lib/db/duckdb';
import { loadFacets, NO_FACETS, type Facets } from '../../lib/analysis/facets';
import { resolveYear, type Filters } from '../../lib/state/filters';
import { excludedSql } from '../../lib/sql/scope';
import { reasonTotalsByYearSql, reasonsByAgencySql } from '../../lib/sql/refusals';
import { panelTotalsSql } from '../../lib/sql/likeForLike';
import { REASONS, REASON_GROUPS } from '../../lib/sql/keyMeasures';
import { cellMeasure, groupMeasure } from '../../lib/sql/measures';
import { lflChange, type LflChange, type PanelRow } from '../../lib/analysis/likeForLike';

/** The measures whose like-for-like changes the reasons' trend table shows. */
const REASON_MEASURES = [...REASON_GROUPS.map((g) => groupMeasure(g)), ...REASONS.map((r) => cellMeasure(r.code))];

export type YearRow = Record<string, number | null> & { year: number };
export type AgencyRow = Record<string, number | null> & { agency_id: string; name: string; level: string | null; is_aggregate: boolean };
export interface Excluded { agency_id: string; name: string; s3_new_total: number | null }

export class RefusalsModel {
  facets = $state<Facets>(NO_FACETS);
  year = $state<number | null>(null);
  byYear = $state<YearRow[]>([]);
  agencies = $state<AgencyRow[]>([]);
  excluded = $state<Excluded | null>(null);
  /** like-for-like panels of every year (agencies counted in both years) */
  panel = $state<PanelRow[]>([]);
  error = $state<string | null>(null);
  #seq = 0;

  async load(f: Filters): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const db = await getDb();
      const facets = await loadFacets(db);
      const year = resolveYear(f, facets.years);
      let byYear: YearRow[] = [];
      let agencies: AgencyRow[] = [];
      let excluded: Excluded[] = [];
      let panel: PanelRow[] = [];
      if (year != null) {
        // "exclude the largest" is decided within the chosen year, for the trend too: the same
        // agency is left out of every year, so the series stay comparable.
        const all = { from: Math.min(...facets.years), to: Math.max(...facets.years) };
        const one = { from: year, to: year };
        [byYear, agencies, excluded, panel] = await Promise.all([
          db.query<YearRow>(reasonTotalsByYearSql(f, all, one)),
          // lazy rows: the heatmap reads its top rows, the table the page it shows
          db.query<AgencyRow>(reasonsByAgencySql(f, year), { lazy: true }),
          f.excludeLargest ? db.query<Excluded>(excludedSql(f, one)) : Promise.resolve([]),
          db.query<PanelRow>(panelTotalsSql(f, all, REASON_MEASURES, one)),
        ]);
      }
      if (seq !== this.#seq) return false;
      Object.assign(this, { facets, year, byYear, agencies, excluded: excluded[0] ?? null, panel, error: null });
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      this.error = e instanceof Error ? e.message : String(e);
      return true;
    }
  }

  /** The like-for-like change of a reason (or group) into `year`. */
  change(year: number, metric: string): LflChange | null {
    return lflChange(this.panel, year, metric);
  }

  total(metric: string, year = this.year): number | null {
    return this.byYear.find((r) => r.year === year)?.[metric] ?? null;
  }
}
