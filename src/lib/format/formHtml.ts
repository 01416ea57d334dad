// A record → the official form as a standalone HTML document (title, preamble, the three tables
// with merged headers as printed). Used for round-trip tests (HTML and, through Chromium's print,
// PDF) and for printable copies. Pure; every label comes from cells.csv via formLayout.ts.
import { escapeHtml } from '../charts/escape';
import { allowsFraction, type CellCode } from './cells';
import { FORM_CHROME, S2_BLOCKS, S3_COLUMN_LABELS, S3_LINES, S4_LAYOUT, type HeadCell } from './formLayout';
import type { CellValues } from './record';

export interface FormInput {
  agency: string;
  year: number;
  cells: CellValues;
}

const val = (code: CellCode, v: number | null) => (v === null ? '' : allowsFraction(code) ? String(v) : String(v));
const td = (code: CellCode | null, cells: CellValues) => `<td>${code ? escapeHtml(val(code, cells[code])) : ''}</td>`;
const th = (h: HeadCell) =>
  `<th${h.rowspan && h.rowspan > 1 ? ` rowspan="${h.rowspan}"` : ''}${h.colspan && h.colspan > 1 ? ` colspan="${h.colspan}"` : ''}>${escapeHtml(h.text)}</th>`;

function section2(cells: CellValues): string {
  const blocks = S2_BLOCKS.map((b) => `<table><tr><th colspan="${b.columns.length + 1}">${escapeHtml(b.item)}</th></tr>
<tr><th>${FORM_CHROME.info}</th>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>
${b.rows.map((r) => `<tr><td>${escapeHtml(r.label)}</td>${r.codes.map((c) => td(c, cells)).join('')}</tr>`).join('\n')}</table>`);
  return `<h2>${FORM_CHROME.s2}</h2>\n${blocks.join('\n')}`;
}

function section3(cells: CellValues): string {
  const orgs = S3_COLUMN_LABELS.slice(1, -1);
  const head = `<tr><th colspan="3" rowspan="3">${FORM_CHROME.balance}</th><th colspan="${S3_COLUMN_LABELS.length}">${FORM_CHROME.applicant}</th></tr>
<tr><th rowspan="2">${escapeHtml(S3_COLUMN_LABELS[0])}</th><th colspan="${orgs.length}">${FORM_CHROME.orgs}</th><th rowspan="2">${escapeHtml(S3_COLUMN_LABELS.at(-1)!)}</th></tr>
<tr>${orgs.map((o) => `<th>${escapeHtml(o)}</th>`).join('')}</tr>`;
  const rows = S3_LINES.map((l) => `<tr>${l.heads.map(th).join('')}${l.codes.map((c) => td(c, cells)).join('')}</tr>`);
  return `<h2>${FORM_CHROME.s3}</h2>\n<table>${head}\n${rows.join('\n')}</table>`;
}

function section4(cells: CellValues): string {
  const head = S4_LAYOUT.header.map((r) => `<tr>${r.map(th).join('')}</tr>`).join('\n');
  return `<h2>${FORM_CHROME.s4}</h2>\n<table>${head}\n<tr>${S4_LAYOUT.codes.map((c) => td(c, cells)).join('')}</tr></table>`;
}

export function renderFormHtml(rec: FormInput): string {
  const title = `${escapeHtml(rec.agency)}${rec.year}年政府信息公开工作年度报告`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:'Noto Sans CJK SC',sans-serif;font-size:10pt}table{border-collapse:collapse;margin:6pt 0}
th,td{border:1px solid #333;padding:2pt 4pt;text-align:center}td{min-width:2.5em}</style></head><body>
<h1>${title}</h1>
<p>本报告统计数据从${rec.year}年1月1日至12月31日。</p>
${section2(rec.cells)}
${section3(rec.cells)}
${section4(rec.cells)}
</body></html>`;
}
