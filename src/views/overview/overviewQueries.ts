// What the overview asks of the data, as plain values: the measures it shows and its two
// queries (leaf totals by year, reporting counts). Plain TS so that the build can run the same
// queries on the bundled demo for the first screen (scripts/build/firstScreen.ts).
import { CELL_BY_CODE, OUTCOME_GROUPS, S3_PART_COLUMNS, type CellCode } from '../../lib/format/cells';
import { RATES } from '../../lib/format/rates';
import { leafTotalsByYear, reportingByYear } from '../../lib/sql/overview';
import { panelCoverageSql, panelTotalsSql } from '../../lib/sql/likeForLike';
import { standInAreasSql } from '../../lib/sql/counted';
import { ALL_YEARS } from '../../lib/sql/common';
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

/** The overview's queries, in the order the model asks them: totals, reporting counts, the
 *  like-for-like panels' sums and coverage, and the areas counted through their aggregate report. */
export function overviewQueries(): { totals: string; reporting: string; panel: string; coverage: string; areas: string } {
  return {
    totals: leafTotalsByYear(OVERVIEW_MEASURES),
    reporting: reportingByYear(),
    panel: panelTotalsSql({}, ALL_YEARS, OVERVIEW_MEASURES),
    coverage: panelCoverageSql({}, ALL_YEARS),
    areas: standInAreasSql({}, ALL_YEARS, cellMeasure('s3_new_total')),
  };
}

