// OCR tokens → the document's text through the same placement into lines as PDF text items
// (pdfLayout.ts's itemsToLines, not a copy of it), and where each token landed in that text: the
// page's items are laid out again a few times with the characters of chosen tokens replaced by
// stand-ins of the same kind (a digit or letter by Z, a Han character by 国), which the layout
// places exactly as the original — it places by position and width — so the places that
// changed in pass j are those of the tokens whose number has bit j set. Pure.
import { itemsToLines, pagesToText, type PageText } from '../pdfLayout';
import { pageStarts } from '../docText';
import { toTextItem, type OcrToken } from './tokens';

export interface PlacedToken extends OcrToken {
  /** 1-based line of the document's text as the parser counts them (reportText/doc.ts), and the
   *  token's first column in it (-1: not found) */
  line: number;
  col: number;
}

export interface OcrLayout { text: string; pageStarts: number[]; tokens: PlacedToken[] }

const standIn = (s: string) => s.replace(/[0-9A-Za-z]/g, 'Z').replace(/\p{Script=Han}/gu, '国');

/** Each page: its OCR tokens, or (a page with a text layer) its lines as pdfLayout made them. */
export function layoutTokens(pages: (OcrToken[] | { lines: string[] })[]): OcrLayout {
  const texts: PageText[] = [];
  const placed: PlacedToken[] = [];
  pages.forEach((toks, p) => {
    if (!Array.isArray(toks)) {
      texts.push({ page: p + 1, lines: toks.lines });
      return;
    }
    const lines = itemsToLines(toks.map(toTextItem));
    texts.push({ page: p + 1, lines });
    const owner = lines.map((l) => new Int32Array(l.length));
    const bits = Math.ceil(Math.log2(toks.length + 2));
    for (let j = 0; j < bits; j++) {
      const marked = itemsToLines(toks.map((t, i) => toTextItem(((i + 1) >> j) & 1 ? { ...t, str: standIn(t.str) } : t)));
      if (marked.length !== lines.length) continue; // cannot happen while layout is by position
      marked.forEach((l, li) => {
        for (let c = 0; c < Math.min(l.length, lines[li].length); c++) if (l[c] !== lines[li][c]) owner[li][c] |= 1 << j;
      });
    }
    const at = new Map<number, { li: number; col: number }>();
    owner.forEach((o, li) => o.forEach((id, col) => { if (id && !at.has(id)) at.set(id, { li, col }); }));
    toks.forEach((t, i) => {
      const a = at.get(i + 1);
      placed.push({ ...t, line: a ? a.li : -1, col: a ? a.col : -1 });
    });
  });
  const starts = pageStarts(texts.map((t) => t.lines.length));
  // the parser counts lines split at \n and at \f alike, so the page break "\n\f\n" is two
  // lines to it (docText's pageStarts count one): tokens carry the parser's numbering
  const parserStarts: number[] = [];
  texts.reduce((line, t) => (parserStarts.push(line), line + t.lines.length + 2), 1);
  for (const t of placed) if (t.line >= 0) t.line += parserStarts[t.page - 1];
  return { text: pagesToText(texts), pageStarts: starts, tokens: placed };
}
