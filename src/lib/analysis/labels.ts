// Names of the measures the analysis views show, in the UI language: cell labels from cells.csv,
// group and derived measures from the UI strings, rates from rates.ts. Pure.
import { CELL_BY_CODE, S3_TOTAL_COLUMN } from '../format/cells';
import { RATE_BY_NAME } from '../format/rates';
import type { Lang } from '../i18n/messages';
import { STRINGS, type StringKey } from '../i18n/strings';
import { labelEn } from '../format/terms';

const DERIVED: Record<string, StringKey> = {
  suit_total: 'suit_total',
  review_decided: 'review_decided',
  received_total: 'received_total',
};

/** A measure's name: `short` drops the row's column when it is the total column (section 三). */
export function metricLabel(name: string, lang: Lang): string {
  const cell = CELL_BY_CODE.get(name);
  if (cell) {
    if (lang === 'en') return labelEn(cell.label_en.replace(/ — total$/, ''));
    // 三（七）'s row label is just 总计: its item says which total it is, as the README writes it
    if (cell.section === '三' && name.endsWith(`_${S3_TOTAL_COLUMN}`)) return cell.row_label_zh === cell.col_label_zh ? `${cell.item}${cell.row_label_zh}` : cell.row_label_zh;
    return `${cell.row_label_zh}｜${cell.col_label_zh}`;
  }
  const rate = RATE_BY_NAME.get(name);
  if (rate) return lang === 'zh' ? rate.label_zh : rate.label_en;
  const group = name.match(/^(outcome_[a-z_]+)_total$/);
  if (group && group[1] in STRINGS[lang]) return `${STRINGS[lang][group[1] as StringKey]}${lang === 'zh' ? '（合计）' : ' (all)'}`;
  const key = DERIVED[name];
  return key ? STRINGS[lang][key] : name;
}

/** A reason's own words: the row label after 不予公开： etc. (zh), or the English label's tail. */
export function reasonLabel(code: string, lang: Lang): string {
  const cell = CELL_BY_CODE.get(code);
  if (!cell) return code;
  if (lang === 'en') return labelEn(cell.label_en.replace(/ — total$/, '').replace(/^[^:]+:\s*/, ''));
  const i = cell.row_label_zh.indexOf('：');
  return i >= 0 ? cell.row_label_zh.slice(i + 1) : cell.row_label_zh;
}

/** A rate's formula, for titles beside the figure. */
export function rateFormula(name: string, lang: Lang): string | undefined {
  const r = RATE_BY_NAME.get(name);
  return r ? (lang === 'zh' ? r.formula_zh : r.formula_en) : undefined;
}


export { itemLabel } from '../format/terms';
