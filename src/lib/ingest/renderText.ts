// Writes a record as the official form in plain text — the inverse of parseReportText, used by
// the round-trip tests and to show what a record looks like as a report. Layouts:
//   rows      one line per row, cells separated by spaces, a blank cell as "—"
//   cells     one cell per line (text copied from an HTML table), a blank cell as an empty line
//   markdown  pipe tables (PDF-to-markdown converters), a blank cell as an empty table cell
//   tabs      one line per row, tab-separated (copied from Word/Excel), a blank cell as nothing
// Labels, items and groups come from the format module (cells.csv).
import { CELLS, S3_COLUMNS, S3_ROWS, S4_GROUPS, type CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import { SECTION_HEADINGS, splitS3Label } from './reportText/labels';

export type TextLayout = 'rows' | 'cells' | 'markdown' | 'tabs';
export const TEXT_LAYOUTS: readonly TextLayout[] = ['rows', 'cells', 'markdown', 'tabs'];

export interface RenderInput { agency: string; year: number; cells: CellValues }

const colLabel = (code: CellCode) => CELLS.find((c) => c.code === code)!.col_label_zh;

/** One table row: label cell(s) then values. */
function row(layout: TextLayout, labels: string[], values: (number | null)[]): string[] {
  const v = (x: number | null, blank: string) => (x === null ? blank : String(x));
  switch (layout) {
    case 'rows':
      return [[...labels, ...values.map((x) => v(x, '—'))].join(' ')];
    case 'cells':
      return [...labels, ...values.map((x) => v(x, ''))];
    case 'markdown':
      return [`| ${[...labels, ...values.map((x) => v(x, ''))].join(' | ')} |`];
    case 'tabs':
      return [[...labels, ...values.map((x) => v(x, ''))].join('\t')];
  }
}

/** A header row (text only). */
function header(layout: TextLayout, cells: string[]): string[] {
  if (layout === 'markdown') return [`| ${cells.join(' | ')} |`, `|${cells.map(() => ' --- |').join('')}`];
  if (layout === 'cells') return cells.filter((c) => c !== '');
  if (layout === 'tabs') return [cells.join('\t')];
  return [cells.filter((c) => c !== '').join(' ')];
}

function heading(id: keyof typeof SECTION_HEADINGS): string {
  const h = SECTION_HEADINGS[id];
  return `${h.numeral}、${h.title}`;
}

/** The printed number of a section-三 row: 一 → 一、, 三（一） → （一）, 三（三）1 → 1. */
function itemLabel(item: string): string {
  const sub = /(\d+)$/.exec(item);
  if (sub) return `${sub[1]}.`;
  const paren = /（.+）/.exec(item);
  return paren ? paren[0] : `${item}、`;
}

export function renderReportText(rec: RenderInput, layout: TextLayout): string {
  const out: string[] = [];
  const blankLine = layout === 'cells' ? [] : [''];
  out.push(rec.agency, `${rec.year}年政府信息公开工作年度报告`, '');
  out.push(`本报告统计数据从${rec.year}年1月1日至12月31日。`, '');
  out.push(heading('s2'), ...blankLine);

  // section 二: one sub-table per article item, its rows grouped by row label
  const s2 = CELLS.filter((c) => c.section === '二');
  const items = [...new Set(s2.map((c) => c.item))];
  for (const item of items) {
    const cells = s2.filter((c) => c.item === item);
    const labels = [...new Set(cells.map((c) => c.row_label_zh))];
    const cols = [...new Set(cells.map((c) => c.col_label_zh))];
    out.push(...header(layout, [item, ...cols.map(() => '')]));
    if (layout === 'markdown') out.push(`| 信息内容 | ${cols.join(' | ')} |`);
    else out.push(...header(layout, ['信息内容', ...cols]));
    for (const l of labels) {
      const codes = cells.filter((c) => c.row_label_zh === l).map((c) => c.code);
      out.push(...row(layout, [l], codes.map((c) => rec.cells[c])));
    }
    out.push(...blankLine);
  }

  // section 三
  out.push(heading('s3'), ...blankLine);
  const colNames = S3_COLUMNS.map((c) => colLabel(S3_ROWS[0].codes[c]));
  out.push(...header(layout, ['申请人情况', '', ...colNames]));
  let lastGroup: string | null = null;
  for (const r of S3_ROWS) {
    const { group, own } = splitS3Label(r.label_zh);
    const values = S3_COLUMNS.map((c) => rec.cells[r.codes[c]]);
    const num = itemLabel(r.item);
    if (group && group !== lastGroup) {
      const groupNo = /（.+）/.exec(r.item)?.[0] ?? '';
      out.push(...header(layout, [`${groupNo}${group}`, ...colNames.map(() => '')]));
    }
    lastGroup = group;
    const label = `${num}${own}`;
    out.push(...row(layout, layout === 'markdown' ? [label, ''] : [label], values));
  }
  out.push(...blankLine);

  // section 四: three groups of five, printed as one row of 15 under a two-level header
  out.push(heading('s4'), ...blankLine);
  const s4cols = S4_GROUPS.flatMap((g) => [...g.parts, g.total].map((c) => colLabel(c)));
  out.push(...header(layout, S4_GROUPS.map((g) => g.label_zh)));
  out.push(...header(layout, s4cols));
  out.push(...row(layout, [], S4_GROUPS.flatMap((g) => [...g.parts, g.total].map((c) => rec.cells[c]))));
  out.push(...blankLine, heading('s5'), '（略）', '');
  return out.join('\n');
}
