// Section 四 printed as three small tables, one per group (行政复议 / 未经复议直接起诉 / 复议后起诉),
// each under its own 结果维持 … 总计 header (converter markdown, Word tables split by a page): each
// value line is one group's five cells, in the groups' printed order. Taken only when there are
// exactly three value lines, each under a header of its own and each with exactly five places.
import { delimitedCells, tokensBetween, type Doc, type Tok } from './doc';
import type { Cell } from './region';

const HEADER = /结果维持/;

/** The 15 cells from three group tables, or null when the section is not laid out so. */
export function readS4Groups(doc: Doc, from: number, until: number): { values: Cell[]; lines: number[] } | null {
  const toks = tokensBetween(doc, from, until);
  const lis = [...new Set(toks.map((t) => t.li))];
  if (lis.length !== 3) return null;
  const values: Cell[] = [];
  const lines: number[] = [];
  let prev = from === 0 ? 0 : Math.floor(from / 1_000_000);
  for (const li of lis) {
    // a header of its own between the previous value line and this one
    let header = false;
    for (let k = prev; k < li; k++) if (HEADER.test(doc.lines[k].text)) header = true;
    if (!header) return null;
    const row = readFive(doc, li, toks.filter((t) => t.li === li));
    if (!row) return null;
    values.push(...row);
    lines.push(...row.map(() => li));
    prev = li + 1;
  }
  return { values, lines };
}

function readFive(doc: Doc, li: number, toks: Tok[]): Cell[] | null {
  const line = doc.lines[li];
  if (line.delim) {
    const cells = delimitedCells(line);
    if (cells.length !== 5) return null;
    const out: Cell[] = [];
    for (const c of cells) {
      const inCell = toks.filter((t) => t.col >= c.start && t.col < c.end);
      if (inCell.length > 1 || (inCell.length === 1 && inCell[0].raw !== c.text.trim())) return null;
      if (!inCell.length && c.text.trim() !== '') return null;
      out.push(inCell.length ? inCell[0].value : null);
    }
    return out;
  }
  // a line of text: five values set apart by spaces, nothing else on it
  if (toks.length !== 5 || /\p{Script=Han}/u.test(line.text)) return null;
  return toks.map((t) => t.value);
}
