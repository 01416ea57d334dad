// The official form's three tables as grids of cells with their merges (rowspan/colspan), each
// value cell carrying its code and value: the one layout the Word and Excel writers draw, taken
// from formLayout.ts (labels from cells.csv). Pure.
import { allowsFraction, type CellCode } from '../format/cells';
import { FORM_CHROME, S2_BLOCKS, S3_COLUMN_LABELS, S3_LINES, S4_LAYOUT, type HeadCell } from '../format/formLayout';
import type { CellValues } from '../format/record';

export interface GridCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  kind: 'head' | 'label' | 'value' | 'empty';
  code?: CellCode;
  value?: number | null;
}

export interface GridTable {
  /** a heading printed above the table (the section's title), if it starts a section */
  heading?: string;
  rows: GridCell[][];
  /** number of grid columns */
  width: number;
  /** relative column widths (equal when absent) */
  weights?: number[];
}

/** A value as the form prints it: whole numbers for counts; 万元 with two to four decimals; blank
 *  as an empty cell (never 0). */
export function formValueText(code: CellCode, v: number | null): string {
  if (v == null || !Number.isFinite(v)) return '';
  if (!allowsFraction(code)) return String(Math.round(v));
  const r = Math.round(v * 10000) / 10000;
  const s = r.toFixed(4).replace(/0{1,2}$/, '');
  return s;
}

const head = (h: HeadCell): GridCell => ({ text: h.text, rowspan: h.rowspan, colspan: h.colspan, kind: 'head' });
const value = (cells: CellValues) => (code: CellCode | null): GridCell =>
  code ? { text: formValueText(code, cells[code]), kind: 'value', code, value: cells[code] } : { text: '', kind: 'empty' };

export function formGrid(cells: CellValues): GridTable[] {
  const v = value(cells);
  const tables: GridTable[] = S2_BLOCKS.map((b, i) => ({
    heading: i === 0 ? FORM_CHROME.s2 : undefined,
    width: b.columns.length + 1,
    rows: [
      [{ text: b.item, colspan: b.columns.length + 1, kind: 'head' }],
      [{ text: FORM_CHROME.info, kind: 'head' }, ...b.columns.map((c): GridCell => ({ text: c, kind: 'head' }))],
      ...b.rows.map((r) => [{ text: r.label, kind: 'label' } as GridCell, ...r.codes.map(v)]),
    ],
  }));
  const orgs = S3_COLUMN_LABELS.slice(1, -1);
  tables.push({
    heading: FORM_CHROME.s3,
    width: 3 + S3_COLUMN_LABELS.length,
    // the three label columns as printed: item, group, then the reason's long text
    weights: [1.3, 1.3, 3.4, ...S3_COLUMN_LABELS.map(() => 1)],
    rows: [
      [{ text: FORM_CHROME.balance, colspan: 3, rowspan: 3, kind: 'head' }, { text: FORM_CHROME.applicant, colspan: S3_COLUMN_LABELS.length, kind: 'head' }],
      [{ text: S3_COLUMN_LABELS[0], rowspan: 2, kind: 'head' }, { text: FORM_CHROME.orgs, colspan: orgs.length, kind: 'head' }, { text: S3_COLUMN_LABELS.at(-1)!, rowspan: 2, kind: 'head' }],
      orgs.map((o): GridCell => ({ text: o, kind: 'head' })),
      ...S3_LINES.map((l) => [...l.heads.map((h) => ({ ...head(h), kind: 'label' as const })), ...l.codes.map(v)]),
    ],
  });
  tables.push({
    heading: FORM_CHROME.s4,
    width: S4_LAYOUT.codes.length,
    rows: [...S4_LAYOUT.header.map((r) => r.map(head)), S4_LAYOUT.codes.map(v)],
  });
  return tables;
}

/** Lay a table's rows out like HTML: each cell takes the next free column (0-based). */
export function placeRows(rows: GridCell[][]): { cell: GridCell; row: number; col: number }[] {
  const taken = new Set<string>();
  const out: { cell: GridCell; row: number; col: number }[] = [];
  rows.forEach((cols, row) => {
    let col = 0;
    for (const cell of cols) {
      while (taken.has(`${row},${col}`)) col++;
      out.push({ cell, row, col });
      for (let r = 0; r < (cell.rowspan ?? 1); r++) for (let k = 0; k < (cell.colspan ?? 1); k++) taken.add(`${row + r},${col + k}`);
      col += cell.colspan ?? 1;
    }
  });
  return out;
}
