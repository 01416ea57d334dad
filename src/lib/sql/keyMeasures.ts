// The measures the analysis views show, derived from the format module (no hand-typed code
// lists): what trends follow, what the refusal view breaks down, what agencies are compared on.
import {
  CARRIED_OUT_ROW, HANDLED_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_TOTAL_COLUMN, S4_GROUPS, SECTION2_CODES,
  s3RowsOfGroup, type CellCode, type CellGroup,
} from '../format/cells';
import { RATE_BY_NAME } from '../format/rates';
import { cellMeasure, groupMeasure, suitTotalMeasure, type Measure } from './measures';

const T = S3_TOTAL_COLUMN;
export const NEW_CODE = RECEIVED_ROWS[0].codes[T];
export const CARRIED_IN_CODE = RECEIVED_ROWS[1].codes[T];
export const HANDLED_CODE = HANDLED_ROW.codes[T];
export const CARRIED_OUT_CODE = CARRIED_OUT_ROW.codes[T];

/** City-wide series of the trends view, in the order of its table. */
export const TREND_MEASURES: readonly Measure[] = [
  cellMeasure(NEW_CODE),
  cellMeasure(CARRIED_IN_CODE),
  cellMeasure(HANDLED_CODE),
  ...OUTCOME_GROUPS.map((g) => groupMeasure(g)),
  cellMeasure(CARRIED_OUT_CODE),
  ...S4_GROUPS.map((g) => cellMeasure(g.total)),
  suitTotalMeasure,
  ...SECTION2_CODES.map(cellMeasure),
];

/** The outcome groups whose rows are reasons (不予公开 8, 无法提供 3, 不予处理 5, 其他处理 3). */
export const REASON_GROUPS: readonly CellGroup[] = ['outcome_refused', 'outcome_unable', 'outcome_not_processed', 'outcome_other'];
for (const g of REASON_GROUPS) if (!OUTCOME_GROUPS.includes(g)) throw new Error(`cells.csv lacks outcome group ${g}`);

export interface Reason { group: CellGroup; code: CellCode; item: string; label_zh: string }
/** The 19 reasons in form order, each with its 总计-column cell. */
export const REASONS: readonly Reason[] = REASON_GROUPS.flatMap((g) =>
  s3RowsOfGroup(g).map((r) => ({ group: g, code: r.codes[T], item: r.item, label_zh: r.label_zh })),
);

/** A compared measure: a count (Σ codes) or a rate (Σ numerator ÷ Σ denominator, per agency). */
export interface CompareMetric {
  name: string;
  kind: 'count' | 'rate';
  codes: CellCode[];
  den?: CellCode[];
  /** for rates: the count column the table shows as its denominator */
  denMetric?: string;
}

const count = (m: Measure): CompareMetric => ({ name: m.name, kind: 'count', codes: m.codes });
function rateMetric(name: string, denMetric: string): CompareMetric {
  const r = RATE_BY_NAME.get(name);
  if (!r) throw new Error(`no rate ${name}`);
  return { name, kind: 'rate', codes: r.numerator, den: r.denominator, denMetric };
}
const review = S4_GROUPS.find((g) => g.group === 's4_review')!;
/** Cases decided (pending excluded): the denominator of the correction rate. */
export const REVIEW_DECIDED: Measure = { name: 'review_decided', codes: [review.upheld, review.corrected, review.other] };
export const RECEIVED: Measure = { name: 'received_total', codes: RECEIVED_ROWS.map((r) => r.codes[T]) };

/** The compare view's columns, each rate right after the count it is divided by. */
export const COMPARE_METRICS: readonly CompareMetric[] = [
  count(cellMeasure(NEW_CODE)),
  count(RECEIVED),
  rateMetric('completion_rate', RECEIVED.name),
  count(cellMeasure(HANDLED_CODE)),
  rateMetric('open_rate', HANDLED_CODE),
  rateMetric('refusal_rate', HANDLED_CODE),
  rateMetric('unable_rate', HANDLED_CODE),
  rateMetric('not_processed_rate', HANDLED_CODE),
  count(cellMeasure(CARRIED_OUT_CODE)),
  count(cellMeasure(review.total)),
  count(REVIEW_DECIDED),
  rateMetric('review_correction_rate', REVIEW_DECIDED.name),
  count(suitTotalMeasure),
];

/** Key measures of one agency's trend on its page. */
export const AGENCY_TREND_MEASURES: readonly Measure[] = [
  cellMeasure(NEW_CODE), cellMeasure(HANDLED_CODE), groupMeasure('outcome_refused'), cellMeasure(CARRIED_OUT_CODE), cellMeasure(review.total), suitTotalMeasure,
];
