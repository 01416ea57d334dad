// State of the overview page: one query of leaf totals by year (all the measures the page
// shows), one of reporting counts; the selected year comes from the URL.
import { CELL_BY_CODE, OUTCOME_GROUPS, S3_PART_COLUMNS, type CellCode } from '../../lib/format/cells';
import { RATES, RATE_BY_NAME, rate } from '../../lib/format/rates';
import { getDb } from '../../lib/db/duckdb';
import { leafTotalsByYear, reportingByYear } from '../../lib/sql/overview';
import { cellMeasure, groupMeasure, suitTotalMeasure, type Measure } from '../../lib/sql/measures';

export type YearRow = Record<string, number | null> & { year: number };

export const COUNT_CODES: CellCode[] = ['s3_new_total', 's3_handled_total_total', 's3_carried_out_total', 's4_review_total'];
export const APPLICANT_CODES: CellCode[] = S3_PART_COLUMNS.map((c) => `s3_new_${c}` as CellCode).filter((c) => CELL_BY_CODE.has(c));
export const PROACTIVE_CODES: CellCode[] = [
  's2_regulation_issued', 's2_normative_issued', 's2_normative_repealed', 's2_license_decisions', 's2_penalty_decisions', 's2_coercion_decisions',
];

export const OUTCOME_MEASURES = OUTCOME_GROUPS.map((g) => groupMeasure(g));

function rateMeasures(): Measure[] {
  return RATES.flatMap((r) => [
    { name: `${r.name}__num`, codes: r.numerator },
    { name: `${r.name}__den`, codes: r.denominator },
  ]);
}

export const OVERVIEW_MEASURES: Measure[] = [
  ...[...COUNT_CODES, ...APPLICANT_CODES, ...PROACTIVE_CODES].map(cellMeasure),
  ...OUTCOME_MEASURES,
  suitTotalMeasure,
  ...rateMeasures(),
];

export interface ReportingRow { year: number; reporting: number; expected: number }

export class OverviewModel {
  rows = $state<YearRow[]>([]);
  reporting = $state<ReportingRow[]>([]);
  loading = $state(true);
  error = $state<string | null>(null);

  async load() {
    this.loading = true;
    try {
      const db = await getDb();
      const [rows, reporting] = await Promise.all([
        db.query<YearRow>(leafTotalsByYear(OVERVIEW_MEASURES)),
        db.query<ReportingRow>(reportingByYear()),
      ]);
      this.rows = rows;
      this.reporting = reporting;
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

  reportingFor(year: number | null): ReportingRow | null {
    return this.reporting.find((r) => r.year === year) ?? null;
  }
}
