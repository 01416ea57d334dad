// State of the overview page: one query of leaf totals by year (all the measures the page
// shows), one of reporting counts; the selected year comes from the URL.
import { RATE_BY_NAME, rate } from '../../lib/format/rates';
import { queryEarly } from '../../lib/db/duckdb';
import { overviewQueries } from './overviewQueries';

export { APPLICANT_CODES, COUNT_CODES, OUTCOME_MEASURES, OVERVIEW_MEASURES, PROACTIVE_CODES, type YearRow } from './overviewQueries';
import type { YearRow } from './overviewQueries';
import { lflChange, type LflChange, type PanelCoverage, type PanelRow } from '../../lib/analysis/likeForLike';
import type { StandInArea } from '../../lib/analysis/standIn';

export interface ReportingRow { year: number; reporting: number; expected: number }

export class OverviewModel {
  rows = $state<YearRow[]>([]);
  reporting = $state<ReportingRow[]>([]);
  panel = $state<PanelRow[]>([]);
  coverage = $state<PanelCoverage[]>([]);
  areas = $state<StandInArea[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);

  async load() {
    this.loading = true;
    try {
      // answered before DuckDB is open when the build computed them for this data (the demo)
      const q = overviewQueries();
      const [rows, reporting, panel, coverage, areas] = await Promise.all([
        queryEarly<YearRow>(q.totals), queryEarly<ReportingRow>(q.reporting), queryEarly<PanelRow>(q.panel),
        queryEarly<PanelCoverage>(q.coverage), queryEarly<StandInArea>(q.areas),
      ]);
      this.rows = rows;
      this.reporting = reporting;
      this.panel = panel;
      this.coverage = coverage;
      this.areas = areas;
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.loading = false;
    }
  }

  get years(): number[] {
    return this.rows.map((r) => r.year);
  }

  row(year: number | null): YearRow | null {
    return this.rows.find((r) => r.year === year) ?? null;
  }

  /** A measure or rate for one year: null when blank, undefined rate, or no such year. */
  value(year: number | null, metric: string): number | null {
    const r = this.row(year);
    if (!r) return null;
    if (RATE_BY_NAME.has(metric)) return rate(r[`${metric}__num`], r[`${metric}__den`]);
    return r[metric] ?? null;
  }

  /** The like-for-like change of a measure or rate in `year` (null: no agency in both years). */
  change(year: number | null, metric: string): LflChange | null {
    return year == null ? null : lflChange(this.panel, year, metric);
  }

  coverageFor(year: number | null): PanelCoverage | null {
    return this.coverage.find((c) => c.year === year) ?? null;
  }

  reportingFor(year: number | null): ReportingRow | null {
    return this.reporting.find((r) => r.year === year) ?? null;
  }
}
