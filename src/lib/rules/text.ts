// Labels for rule messages, all from cells.csv through the format module.
import { CELL_BY_CODE, S3_ROWS, S4_GROUPS } from '../format/cells';
import { fmtMoney } from '../format';
import type { Lang } from '../i18n/messages';
import { plainEn } from '../format/terms';

const FIRST_ROW = S3_ROWS[0];

/** Section-三 column label: 自然人 … 总计 / natural persons … total. */
export function colLabel(col: string, lang: Lang): string {
  const c = CELL_BY_CODE.get(FIRST_ROW.codes[col]);
  if (!c) return col;
  return lang === 'zh' ? c.col_label_zh : plainEn(c.label_en).split(' — ').pop()!;
}

/** Section-三 row label by row key. */
export function rowLabel(key: string, lang: Lang): string {
  const r = S3_ROWS.find((x) => x.key === key);
  if (!r) return key;
  return lang === 'zh' ? `${r.item} ${r.label_zh}` : plainEn(CELL_BY_CODE.get(Object.values(r.codes)[0])!.label_en).split(' — ')[0];
}

/** A cell's full label. */
export function cellText(code: string, lang: Lang): string {
  const c = CELL_BY_CODE.get(code);
  if (!c) return code;
  return lang === 'zh' ? `${c.row_label_zh}｜${c.col_label_zh}` : plainEn(c.label_en);
}

/** Section-四 group label (行政复议 …). */
export function s4Label(group: string, lang: Lang): string {
  const g = S4_GROUPS.find((x) => x.group === group);
  if (!g) return group;
  return lang === 'zh' ? g.label_zh : plainEn(CELL_BY_CODE.get(g.total)!.label_en).replace(/ — total$/, '');
}

/** Where a flag sits in its report, for lists: a column, row, group or cell label. */
export function whereLabel(column: string | null, lang: Lang): string {
  if (column == null) return '';
  if (FIRST_ROW.codes[column]) return colLabel(column, lang);
  if (S3_ROWS.some((r) => r.key === column)) return rowLabel(column, lang);
  if (S4_GROUPS.some((g) => g.group === column)) return s4Label(column, lang);
  if (CELL_BY_CODE.has(column)) return cellText(column, lang);
  const at = /^\w+@(\d+)$/.exec(column); // a narrative statement: topic@line
  if (at) return lang === 'zh' ? `正文第 ${at[1]} 行` : `text, line ${at[1]}`;
  if (/^[一二三四五六]$/.test(column)) return lang === 'zh' ? `第${column}部分` : `section ${column}`;
  return column;
}

export const n = (v: unknown, lang: Lang): string => (typeof v === 'number' ? fmtMoney(v, lang) : String(v ?? '—'));
