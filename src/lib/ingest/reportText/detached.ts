// Value rows printed apart from their labels (converter markdown, OCR): a block of labels with no
// values, then a block of value-only lines in the same order —
//   | 1.本机关不掌握相关政府信息 | | … |      | 46 | 12 | … | 508 |
//   | 2.没有现成信息需要另行制作 | | … |  →   | 11 | 150 | … | 433 |
// Taken only when the last label's stretch holds exactly as many value-only lines, each with
// exactly the row's number of places, as there are label-only rows just before it (itself
// included), all of one table (same section, same number of cells), consecutive in form order.
import { delimitedCells, posLi, tokensBetween, type Doc, type Tok } from './doc';
import type { Cell } from './region';

export interface RowPlace {
  id: string;
  /** index in form order among the rows found */
  order: number;
  table: string;
  n: number;
  /** just past the label, and the end of its stretch */
  labelEnd: number;
  end: number;
}

export interface Placed { values: Cell[]; lines: number[] }

const tokensIn = tokensBetween;

/** A line that is only values: exactly n places (table cells or spaced values), no text. */
function valueLine(doc: Doc, li: number, toks: Tok[], n: number): Cell[] | null {
  const line = doc.lines[li];
  if (/\p{Script=Han}/u.test(line.text.replace(/无/g, ''))) return null;
  if (line.delim) {
    const cells = delimitedCells(line);
    if (cells.length !== n) return null;
    const out: Cell[] = [];
    for (const c of cells) {
      const inCell = toks.filter((t) => t.col >= c.start && t.col < c.end);
      if (inCell.length > 1 || (inCell.length === 1 && inCell[0].raw !== c.text.trim()) || (!inCell.length && c.text.trim())) return null;
      out.push(inCell.length ? inCell[0].value : null);
    }
    return out.every((v) => v === null) ? null : out;
  }
  return toks.length === n ? toks.map((t) => t.value) : null;
}

/** Rows placed from a detached block of value lines: id → values. */
export function placeDetached(doc: Doc, rows: RowPlace[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  rows.forEach((row, j) => {
    const toks = tokensIn(doc, row.labelEnd, row.end);
    const lis = [...new Set(toks.map((t) => t.li))];
    if (lis.length < 2 || posLi(row.labelEnd) === lis[0]) return;
    const vals = lis.map((li) => valueLine(doc, li, toks.filter((t) => t.li === li), row.n));
    if (vals.some((v) => v === null)) return;
    const k = lis.length;
    const block = rows.slice(j - k + 1, j + 1);
    if (j - k + 1 < 0 || block.some((b, i) => b.table !== row.table || b.order !== row.order - (k - 1 - i))) return;
    // the labels before: no value at all in their stretches; and the block is all of them — a
    // label-only row just before it means a value line is missing, so nothing lines up
    if (block.slice(0, -1).some((b) => tokensIn(doc, b.labelEnd, b.end).length)) return;
    const before = rows[j - k];
    if (before && before.table === row.table && before.order === row.order - k && !tokensIn(doc, before.labelEnd, before.end).length) return;
    block.forEach((b, i) => out.set(b.id, { values: vals[i]!, lines: vals[i]!.map(() => lis[i]) }));
  });
  return out;
}
