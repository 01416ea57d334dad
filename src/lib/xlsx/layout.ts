// Where everything sits in the Excel template: sheet 1 is the official form laid out from
// formLayout.ts (the same merged headers as the printed form), sheet 2 the wide layout. The
// writer and the reader both use this map, so a code is read from exactly where it was written.
// Pure.
import { CELLS, CELL_BY_CODE, type CellCode } from '../format/cells';
import { FORM_CHROME, S2_BLOCKS, S3_COLUMN_LABELS, S3_LINES, S4_LAYOUT, type HeadCell } from '../format/formLayout';
import { META_LABELS_ZH } from '../ingest/csv';

export const FORM_SHEET = '年报表格';
export const WIDE_SHEET = '多行填报';
export const HELP_SHEET = '填写说明';
export const FORM_TITLE = '政府信息公开工作年度报告（填报表）';

export interface GridCell {
  text?: string;
  code?: CellCode;
  rowspan?: number;
  colspan?: number;
  kind: 'title' | 'head' | 'label' | 'input' | 'empty';
}
export interface Placed extends GridCell {
  /** 1-based sheet row and column */
  row: number;
  col: number;
}

/** Lay rows of cells out like an HTML table: each cell takes the next free column of its row. */
export function place(rows: GridCell[][], top: number): { cells: Placed[]; next: number } {
  const taken = new Set<string>();
  const cells: Placed[] = [];
  rows.forEach((cols, i) => {
    const row = top + i;
    let col = 1;
    for (const c of cols) {
      while (taken.has(`${row},${col}`)) col++;
      cells.push({ ...c, row, col });
      for (let r = 0; r < (c.rowspan ?? 1); r++) for (let k = 0; k < (c.colspan ?? 1); k++) taken.add(`${row + r},${col + k}`);
      col += c.colspan ?? 1;
    }
  });
  return { cells, next: top + rows.length };
}

const head = (h: HeadCell): GridCell => ({ text: h.text, rowspan: h.rowspan, colspan: h.colspan, kind: 'head' });
const input = (code: CellCode | null): GridCell => (code ? { code, kind: 'input' } : { kind: 'empty' });

/** The meta fields at the top of sheet 1: label cell, then the input cell (merged to `span`). */
export const FORM_META = [
  { key: 'agency', label: '机构名称', row: 3, col: 1, span: 4 },
  { key: 'agency_id', label: '机构代码（可选）', row: 3, col: 7, span: 3 },
  { key: 'year', label: '年度', row: 4, col: 1, span: 1 },
  { key: 'published_on', label: '公布日期（可选）', row: 4, col: 4, span: 2 },
] as const;

export interface FormSheet {
  cells: Placed[];
  /** address of each input: meta keys and cell codes */
  inputs: Map<string, { row: number; col: number }>;
  width: number;
}

export const FORM_NOTE = '浅黄色格子填写数字；标签已锁定。不适用或未填报的项目留空（空白不是 0）。金额单位：万元。';

export function formSheet(): FormSheet {
  const cells: Placed[] = [
    { text: FORM_TITLE, kind: 'title', row: 1, col: 1, colspan: 15 },
    { text: FORM_NOTE, kind: 'label', row: 2, col: 1, colspan: 15 },
  ];
  const inputs = new Map<string, { row: number; col: number }>();
  for (const m of FORM_META) {
    cells.push({ text: m.label, kind: 'head', row: m.row, col: m.col });
    cells.push({ kind: 'input', row: m.row, col: m.col + 1, colspan: m.span });
    inputs.set(m.key, { row: m.row, col: m.col + 1 });
  }
  let top = 6;
  const title = (text: string) => void cells.push({ text, kind: 'title', row: top++, col: 1, colspan: 15 });
  const table = (rows: GridCell[][]) => {
    const p = place(rows, top);
    cells.push(...p.cells);
    top = p.next + 1;
  };
  title(FORM_CHROME.s2);
  for (const b of S2_BLOCKS) {
    table([
      [{ text: b.item, colspan: b.columns.length + 1, kind: 'head' }],
      [{ text: FORM_CHROME.info, kind: 'head' }, ...b.columns.map((c) => ({ text: c, kind: 'head' as const }))],
      ...b.rows.map((r) => [{ text: r.label, kind: 'label' as const }, ...r.codes.map(input)]),
    ]);
  }
  const orgs = S3_COLUMN_LABELS.slice(1, -1);
  title(FORM_CHROME.s3);
  table([
    [{ text: FORM_CHROME.balance, colspan: 3, rowspan: 3, kind: 'head' }, { text: FORM_CHROME.applicant, colspan: S3_COLUMN_LABELS.length, kind: 'head' }],
    [{ text: S3_COLUMN_LABELS[0], rowspan: 2, kind: 'head' }, { text: FORM_CHROME.orgs, colspan: orgs.length, kind: 'head' }, { text: S3_COLUMN_LABELS.at(-1)!, rowspan: 2, kind: 'head' }],
    orgs.map((o) => ({ text: o, kind: 'head' as const })),
    ...S3_LINES.map((l) => [...l.heads.map(head), ...l.codes.map(input)]),
  ]);
  title(FORM_CHROME.s4);
  table([...S4_LAYOUT.header.map((r) => r.map(head)), S4_LAYOUT.codes.map(input)]);
  for (const c of cells) if (c.code) inputs.set(c.code, { row: c.row, col: c.col });
  return { cells, inputs, width: 15 };
}

/** Sheet 2: row 1 the codes, row 2 the Chinese labels (both read back by the importer). */
export const WIDE_META = ['agency', 'year', 'agency_id', 'published_on'] as const;
export function wideHeader(): { codes: string[]; labels: string[] } {
  const codes = [...WIDE_META, ...CELLS.map((c) => c.code)];
  const labels = codes.map((k) => {
    const c = CELL_BY_CODE.get(k);
    return c ? `${c.row_label_zh}｜${c.col_label_zh}` : META_LABELS_ZH[k];
  });
  return { codes, labels };
}

/** 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
