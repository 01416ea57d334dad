// The official form's printed words in English, for the English UI: the headers formLayout.ts
// takes from cells.csv (Chinese) mapped to English — section 三's row headers from cells.csv's
// own English labels, the few other printed words from the table below. Pure.
import { CELL_BY_CODE, S3_ROWS, S3_TOTAL_COLUMN } from './cells';
import { FORM_CHROME, S3_LINES, type S3Line } from './formLayout';
import { itemLabel, labelEn } from './terms';

const WORDS: Readonly<Record<string, string>> = {
  [FORM_CHROME.s2]: 'II. Proactive disclosure',
  [FORM_CHROME.s3]: 'III. Applications for disclosure received and handled',
  [FORM_CHROME.s4]: 'IV. Administrative reconsideration and litigation over disclosure',
  [FORM_CHROME.info]: 'Information',
  [FORM_CHROME.applicant]: 'Applicants',
  [FORM_CHROME.orgs]: 'Legal persons or other organisations',
  [FORM_CHROME.results]: 'Outcomes this year',
  [FORM_CHROME.balance]: '(In each column: item I plus item II equals item III plus item IV.)',
  '第二十条第（一）项': 'Article 20 (1)',
  '第二十条第（五）项': 'Article 20 (5)',
  '第二十条第（六）项': 'Article 20 (6)',
  '第二十条第（八）项': 'Article 20 (8)',
  规章: 'Rules',
  行政规范性文件: 'Normative documents',
  行政许可: 'Administrative licensing',
  行政处罚: 'Administrative penalties',
  行政强制: 'Administrative coercion',
  行政事业性收费: 'Administrative fees',
  本年制发件数: 'Issued this year',
  本年废止件数: 'Repealed this year',
  现行有效件数: 'In force',
  本年处理决定数量: 'Decisions this year',
  '本年收费金额（单位：万元）': 'Collected this year (10k yuan)',
  自然人: 'Natural persons',
  商业企业: 'Businesses',
  科研机构: 'Research institutions',
  社会公益组织: 'Public-interest organisations',
  法律服务机构: 'Legal service institutions',
  其他: 'Other',
  总计: 'Total',
  行政复议: 'Administrative reconsideration',
  行政诉讼: 'Administrative litigation',
  未经复议直接起诉: 'Without prior reconsideration',
  复议后起诉: 'After reconsideration',
  结果维持: 'Upheld',
  结果纠正: 'Corrected',
  其他结果: 'Other result',
  尚未审结: 'Pending',
};

/** A printed word of the form in English (itself when it has none: tests check there is one). */
export const formWordEn = (zh: string): string => WORDS[zh] ?? zh;

/** English of a section-三 row: cells.csv's English label of its total cell, split at ":" into
 *  its group (Refused) and its own words (state secret). */
function rowEn(key: string): [group: string, own: string] {
  const r = S3_ROWS.find((x) => x.key === key)!;
  const en = CELL_BY_CODE.get(r.codes[S3_TOTAL_COLUMN])!.label_en.replace(/ — total$/, '');
  const i = en.indexOf(':');
  return i < 0 ? ['', labelEn(en)] : [labelEn(en.slice(0, i)), labelEn(en.slice(i + 1).trim())];
}

const GROUP_EN: Readonly<Record<string, string>> = { Refused: 'Refused', Unable: 'Unable to provide', 'Not processed': 'Not processed', Other: 'Other handling' };

/** The English of each row-header cell of a section-三 line, in the order of `line.heads`. */
export function s3HeadsEn(line: S3Line): string[] {
  const m = /^([一二三四五六七八九十]+)(（([一二三四五六七八九十]+)）)?(\d+)?$/.exec(line.item)!;
  const [top, sub, n] = [itemLabel(m[1], 'en'), m[3] ? itemLabel(`一（${m[3]}）`, 'en').split('.')[1] : null, m[4] ?? null];
  const [group, own] = rowEn(line.key);
  const i = S3_LINES.indexOf(line);
  const prev = S3_LINES[i - 1];
  const prevM = prev ? /^([一二三四五六七八九十]+)(（[一二三四五六七八九十]+）)?/.exec(prev.item) : null;
  const out: string[] = [];
  if (!sub) return [`${top}. ${group ? `${group}: ${own}` : own}`];
  if (prevM?.[1] !== m[1]) out.push(`${top}. ${WORDS[FORM_CHROME.results]}`);
  if (!n) out.push(`(${sub}) ${group ? `${GROUP_EN[group] ?? group}: ${own}` : own}`);
  else {
    if (prevM?.[1] !== m[1] || prevM?.[2] !== m[2]) out.push(`(${sub}) ${GROUP_EN[group] ?? group}`);
    out.push(`${n}. ${own}`);
  }
  return out;
}
