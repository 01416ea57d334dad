// State of the trends view: city-wide leaf totals per year of the period (every trend measure),
// and one chosen measure per agency per year for the sparkline table. Filters come from the URL.
import { getDb } from '../../lib/db/duckdb';
import { loadFacets, NO_FACETS, type Facets } from '../../lib/analysis/facets';
import { resolvePeriod, type Filters } from '../../lib/state/filters';
import { excludedSql, type AgencyFilter, type Period } from '../../lib/sql/scope';
import { agencySeriesSql, trendTotalsSql } from '../../lib/sql/trends';
import { TREND_MEASURES } from '../../lib/sql/keyMeasures';
import type { Measure } from '../../lib/sql/measures';
import { balancedTotalsSql, panelCoverageSql, panelTotalsSql, reportingCoverageSql } from '../../lib/sql/likeForLike';
import { lflChange, type LflChange, type PanelCoverage, type PanelRow } from '../../lib/analysis/likeForLike';
import type { ReportingCoverage } from '../../lib/analysis/coverageMarks';

export type YearRow = Record<string, number | null> & { year: number };
export interface AgencySeries { agency_id: string; name: string; level: string | null; is_aggregate: boolean; values: (number | null)[] }
type SeriesRow = { agency_id: string; name: string; level: string | null; is_aggregate: boolean } & Record<`y${number}`, number | null>;
export interface Excluded { agency_id: string; name: string; s3_new_total: number | null }

/** Measures offered for the per-agency sparklines (all but the 万元 fee amount). */
export const SPARK_MEASURES: readonly Measure[] = TREND_MEASURES.filter((m) => m.name !== 's2_fee_amount');

export class TrendsModel {
  facets = $state<Facets>(NO_FACETS);
  period = $state<Period | null>(null);
  totals = $state<YearRow[]>([]);
  agencies = $state<AgencySeries[]>([]);
  excluded = $state<Excluded | null>(null);
  /** like-for-like panels (agencies counted in both years), their coverage, who reported each year */
  panel = $state<PanelRow[]>([]);
  panelCoverage = $state<PanelCoverage[]>([]);
  reporting = $state<ReportingCoverage[]>([]);
  /** the like-for-like series (agencies counted in every year), when asked for; else null */
  balanced = $state<YearRow[] | null>(null);
  error = $state<string | null>(null);
  #seq = 0;

  get years(): number[] {
    const p = this.period;
    return p ? this.facets.years.filter((y) => y >= p.from && y <= p.to) : [];
  }

  /** Loads; false when a newer load superseded this one (its results are dropped). */
  async load(f: Filters, sparkMeasure: Measure, balancedSeries = false): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const db = await getDb();
      const facets = await loadFacets(db);
      const period = resolvePeriod(f, facets.years);
      const af: AgencyFilter = f;
      const [totals, series, excluded, panel, panelCoverage, reporting, balanced] = period
        ? await Promise.all([
          db.query<YearRow>(trendTotalsSql(af, period, TREND_MEASURES)),
          db.query<SeriesRow>(agencySeriesSql(af, period, sparkMeasure, facets.years.filter((y) => y >= period.from && y <= period.to))),
          f.excludeLargest ? db.query<Excluded>(excludedSql(af, period)) : Promise.resolve([]),
          db.query<PanelRow>(panelTotalsSql(af, period, TREND_MEASURES)),
          db.query<PanelCoverage>(panelCoverageSql(af, period)),
          db.query<ReportingCoverage>(reportingCoverageSql(af, period)),
          balancedSeries ? db.query<YearRow>(balancedTotalsSql(af, period, TREND_MEASURES)) : Promise.resolve(null),
        ])
        : [[], [], [], [], [], [], null];
      if (seq !== this.#seq) return false;
      const years = period ? facets.years.filter((y) => y >= period.from && y <= period.to) : [];
      const keys = years.map((y) => `y${y}` as const);
      const agencies: AgencySeries[] = series.map((r) => ({
        agency_id: r.agency_id, name: r.name, level: r.level, is_aggregate: r.is_aggregate, values: keys.map((k) => r[k] ?? null),
      }));
      this.facets = facets;
      this.period = period;
      this.totals = totals;
      this.agencies = agencies;
      this.excluded = excluded[0] ?? null;
      this.panel = panel;
      this.panelCoverage = panelCoverage;
      this.reporting = reporting;
      this.balanced = balanced;
      this.error = null;
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      this.error = e instanceof Error ? e.message : String(e);
      return true;
    }
  }

  /** A year's total; from the like-for-like series when `balanced` (and it was loaded). */
  value(year: number, metric: string, balanced = false): number | null {
    const rows = balanced && this.balanced ? this.balanced : this.totals;
    return rows.find((r) => r.year === year)?.[metric] ?? null;
  }

  /** The like-for-like change of `metric` from the year before `year` (null: no panel). */
  change(year: number, metric: string): LflChange | null {
    return lflChange(this.panel, year, metric);
  }
}
