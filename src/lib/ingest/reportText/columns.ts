// Placing the values of a row with blank cells by column position, in space-aligned text (pdf.js
// lines from pdfLayout.ts, pdftotext -layout): a row whose values sit on one line, fewer than its
// cells, has its blanks told by where the values stand — against the same table's full rows, or
// against the table's column headers. Only on one page (a PDF page's lines are laid out from its
// own left edge), only in text whose cells are set apart by runs of spaces, and only where each
// value falls clearly under one column; otherwise nothing is placed (the caller warns).
//
// Positions: a word starts at the string index where the layout put it, and extends by its display
// width, a Han character (any East Asian wide character) counting two. That is how pdfLayout.ts
// writes a PDF page — each text item starts at the column of its x position, in units of half the
// text height, and a Chinese character, one JS character but as wide as the text is high, is two
// units wide — and, roughly, how pdftotext -layout writes (words start at their x column, Han
// characters one string character each). So a value's column is its string index (digits are
// about one unit wide), and a Chinese column header covers [its index, its index + display width).
// Padding the text instead (a space after each Han character, so that string index = x column
// throughout) would change what the text says (无 standing alone is a blank mark; labels are
// matched on their characters) and not help text from any other source. Where this does not
// hold, the header's columns come out overlapping or the values fall outside them, and nothing is
// placed; where a table's full rows are on the page, the header must agree with them too.
import { HAN } from './labels';
import type { Doc, Tok } from './doc';

/** A column's extent in layout units, [start, end): a header word's string index, plus its
 *  display width. */
export interface ColumnSpan { start: number; end: number }

const WIDE = /[\p{Script=Han}\u1100-\u115f\u2e80-\u303e\u3040-\u30ff\u3130-\u318f\u31c0-\u31ef\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]/u;

/** Display width of a string: East Asian wide characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Cells set apart by runs of spaces, not single ones: evidence of a space-aligned layout. */
export const spaced = (r: Tok[]): boolean => r.every((t, i) => i === 0 || t.col - r[i - 1].end >= 2);

/** Places the tokens of a short row by the columns of the same table's full rows — only where
 *  those rows really are column-aligned: by right edges, left edges or centres, whichever lines up
 *  within 2 characters across them. (The caller passes rows of the same page only.) */
export function alignByColumns(toks: Tok[], full: Tok[][], n: number): (Tok | null)[] | null {
  full = full.filter(spaced);
  if (!full.length || !spaced(toks)) return null;
  const slack = full.length === 1 ? 0.5 : 1.5;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const anchors: ((t: Tok) => number)[] = [(t) => t.end, (t) => t.col, (t) => (t.col + t.end) / 2];
  for (const at of anchors) {
    const cols = Array.from({ length: n }, (_, c) => full.map((r) => at(r[c])));
    const spread = cols.map((xs) => Math.max(...xs) - Math.min(...xs));
    if (spread.some((x) => x > 2)) continue;
    const centre = cols.map(med);
    const out: (Tok | null)[] = Array(n).fill(null);
    let okAll = true;
    for (const t of toks) {
      let best = 0;
      for (let c = 1; c < n; c++) if (Math.abs(centre[c] - at(t)) < Math.abs(centre[best] - at(t))) best = c;
      if (Math.abs(centre[best] - at(t)) > slack + spread[best] || out[best]) {
        okAll = false;
        break;
      }
      out[best] = t;
    }
    if (okAll) return out;
  }
  return null;
}

interface Seg { li: number; start: number; end: number; han: string; id: number }

/** The header's pieces: runs of Han characters set apart by two or more spaces (a header cell is
 *  pure text; anything with digits or punctuation is not one), with their display extents. */
function headerSegments(doc: Doc, lis: number[]): Seg[] {
  const out: Seg[] = [];
  for (const li of lis) {
    const text = doc.lines[li].text;
    if (doc.lines[li].delim) continue;
    for (const m of text.matchAll(/\S+(?: \S+)*/g)) {
      const s = m[0];
      if (![...s].every((ch) => HAN.test(ch))) continue;
      out.push({ li, start: m.index!, end: m.index! + displayWidth(s), han: s, id: out.length });
    }
  }
  return out;
}

/** Where the piece chains of a label are: a label printed whole, or wrapped over later lines of
 *  the header (自然 / 人, 结果维 / 持), each piece under the one before. */
function chainsOf(label: string, segs: Seg[]): Seg[][] {
  const out: Seg[][] = [];
  const rec = (chain: Seg[], rest: string) => {
    if (rest === '') {
      out.push(chain);
      return;
    }
    if (chain.length >= 4 || out.length > 50) return;
    const last = chain[chain.length - 1];
    for (const s of segs) {
      if (last && (s.li <= last.li || s.end <= last.start || s.start >= last.end)) continue;
      if (rest.startsWith(s.han)) rec([...chain, s], rest.slice(s.han.length));
    }
  };
  rec([], label);
  return out;
}

/** The table's column extents from its header lines (top to bottom, one page), for the column
 *  labels in printed order (a label may repeat, as 结果维持 in each group of section 四). Null
 *  unless every label is found exactly as often as it is printed, in order left to right, and the
 *  columns stand apart. */
export function headerColumns(doc: Doc, lis: number[], labels: string[]): ColumnSpan[] | null {
  const segs = headerSegments(doc, lis);
  const want = new Map<string, number>();
  for (const l of labels) want.set(l, (want.get(l) ?? 0) + 1);
  const found = new Map<string, ColumnSpan[]>();
  const used = new Set<number>();
  for (const [label, count] of want) {
    const chains = chainsOf(label, segs);
    if (chains.length !== count) return null;
    for (const c of chains) {
      for (const s of c) {
        if (used.has(s.id)) return null;
        used.add(s.id);
      }
    }
    found.set(label, chains
      .map((c) => ({ start: Math.min(...c.map((s) => s.start)), end: Math.max(...c.map((s) => s.end)) }))
      .sort((a, b) => a.start - b.start));
  }
  const k = new Map<string, number>();
  const cols = labels.map((l) => {
    const i = k.get(l) ?? 0;
    k.set(l, i + 1);
    return found.get(l)![i];
  });
  // left to right in printed order, a clear gap between columns
  for (let j = 1; j < cols.length; j++) if (cols[j].start < cols[j - 1].end + 1) return null;
  return cols;
}

/** Places a row's tokens under the header's columns: each value's centre inside exactly one
 *  column's extent and at least one unit away from every other column, in order, one per column. */
export function placeByHeader(toks: Tok[], cols: ColumnSpan[]): (Tok | null)[] | null {
  if (!toks.length || !spaced(toks)) return null;
  const out: (Tok | null)[] = Array(cols.length).fill(null);
  let last = -1;
  for (const t of toks) {
    const centre = t.col + displayWidth(t.raw) / 2;
    const dist = (c: ColumnSpan) => (centre < c.start ? c.start - centre : centre > c.end ? centre - c.end : 0);
    const under = cols.flatMap((c, j) => (dist(c) === 0 ? [j] : []));
    if (under.length !== 1) return null;
    const j = under[0];
    if (cols.some((c, i) => i !== j && dist(c) < 1)) return null;
    if (j <= last) return null;
    out[j] = t;
    last = j;
  }
  return out;
}

/** Whether the header's columns agree with the table's full rows: each full row's values fall
 *  under their own columns, one by one. */
export function headerFitsRows(cols: ColumnSpan[], full: Tok[][]): boolean {
  return full.every((r) => {
    const p = placeByHeader(r, cols);
    return p !== null && p.every((t, j) => t === r[j]);
  });
}
