// Rates of the shared README, each with its numerator and denominator as cell codes derived from
// cells.csv. Rates are recomputed from summed counts (never averaged across agencies); a rate
// over zero cases is undefined (null, shown "—"), never 0%.
import { CELL_BY_CODE, HANDLED_ROW, RECEIVED_ROWS, S3_TOTAL_COLUMN, S4_GROUPS, s3RowsOfGroup, type CellCode, type CellGroup } from './cells';

export interface RateDef {
  name: string;
  label_zh: string;
  label_en: string;
  formula_zh: string;
  formula_en: string;
  numerator: CellCode[];
  denominator: CellCode[];
}

const T = S3_TOTAL_COLUMN;
const groupCodes = (g: CellGroup) => s3RowsOfGroup(g).map((r) => r.codes[T]);
const handled = [HANDLED_ROW.codes[T]];
const cellLabelEn = (code: CellCode) => CELL_BY_CODE.get(code)!.label_en;

export const RATES: readonly RateDef[] = [
  {
    name: 'open_rate', label_zh: '公开率', label_en: 'Disclosure rate',
    formula_zh: '（予以公开 + 部分公开）÷ 办理结果总计', formula_en: '(granted + partly granted) ÷ total handled',
    numerator: [...groupCodes('outcome_granted'), ...groupCodes('outcome_partial')], denominator: handled,
  },
  {
    name: 'refusal_rate', label_zh: '不予公开率', label_en: 'Refusal rate',
    formula_zh: 'Σ不予公开 ÷ 办理结果总计', formula_en: 'Σ refused ÷ total handled',
    numerator: groupCodes('outcome_refused'), denominator: handled,
  },
  {
    name: 'unable_rate', label_zh: '无法提供率', label_en: 'Unable-to-provide rate',
    formula_zh: 'Σ无法提供 ÷ 办理结果总计', formula_en: 'Σ unable to provide ÷ total handled',
    numerator: groupCodes('outcome_unable'), denominator: handled,
  },
  {
    name: 'not_processed_rate', label_zh: '不予处理率', label_en: 'Not-processed rate',
    formula_zh: 'Σ不予处理 ÷ 办理结果总计', formula_en: 'Σ not processed ÷ total handled',
    numerator: groupCodes('outcome_not_processed'), denominator: handled,
  },
  {
    name: 'completion_rate', label_zh: '办结率', label_en: 'Completion rate',
    formula_zh: '办理结果总计 ÷（本年新收 + 上年结转）', formula_en: 'total handled ÷ (new + carried over)',
    numerator: handled, denominator: RECEIVED_ROWS.map((r) => r.codes[T]),
  },
  ...S4_GROUPS.map((g) => ({
    name: `${g.group.replace(/^s4_/, '')}_correction_rate`,
    label_zh: `${g.label_zh}纠错率`,
    label_en: `${cellLabelEn(g.total).replace(/ — total$/, '')} — correction rate`,
    formula_zh: '结果纠正 ÷（结果维持 + 结果纠正 + 其他结果），不含尚未审结',
    formula_en: 'corrected ÷ (upheld + corrected + other), pending excluded',
    numerator: [g.corrected], denominator: [g.upheld, g.corrected, g.other],
  })),
];

export const RATE_BY_NAME: ReadonlyMap<string, RateDef> = new Map(RATES.map((r) => [r.name, r]));

/** num / den, or null when the denominator is zero or blank. */
export function rate(num: number | null | undefined, den: number | null | undefined): number | null {
  if (num == null || den == null || den === 0) return null;
  return num / den;
}
