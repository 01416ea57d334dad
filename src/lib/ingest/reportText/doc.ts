// The report text as the parser sees it: NFKC-normalised lines (full-width digits and punctuation
// become ASCII), page furniture removed, a stream of label characters (Han only) for finding
// labels, and the value tokens (numbers and blank marks) with their line and column.
import { HAN } from './labels';

export interface Line {
  text: string;
  /** 1-based line number in the original text */
  no: number;
  /** markdown/pipe or tab-separated line: cells are positional */
  delim: '|' | '\t' | null;
  /** the line was empty as printed (in one-cell-per-line text: a blank cell) */
  empty: boolean;
  /** 0-based page: form feeds (\f) counted before the line. Text positions are comparable only
   *  within a page (a PDF page's lines are laid out from that page's own left edge). */
  page: number;
}

export interface Tok {
  li: number;
  col: number;
  end: number;
  raw: string;
  /** number, or null for a blank mark (/ — - 无) */
  value: number | null;
  kind: 'num' | 'blank';
  decimal: boolean;
  /** whether the digits were written with thousands separators (so cannot be run together) */
  grouped: boolean;
  /** cell index on a delimited line, else -1 */
  cell: number;
}

export interface Doc {
  lines: Line[];
  /** label characters, concatenated; charLi/charCol give each one's place */
  chars: string;
  charLi: number[];
  charCol: number[];
  tokens: Tok[];
  /** the text has pages (form feeds, page numbers or footers removed): a number alone on a line
   *  may be a page number there */
  paged: boolean;
  /** nearly every line is followed by an empty one (a converter's paragraph spacing): the empty
   *  lines may be spacing rather than blank cells (doubleSpacing) */
  doubleSpaced: boolean;
}

/** Whether a character is a Han ideograph: the common block by its code, the rest by the regex. */
export function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  if (c < 0x2e80 || Number.isNaN(c)) return false;
  return HAN.test(ch);
}

/** The tokens at places [from, to), by binary search (tokens are in document order). */
export function tokensBetween(doc: Doc, from: number, to: number): Tok[] {
  const at = (p: number) => {
    let lo = 0, hi = doc.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = doc.tokens[mid];
      if (pos(t.li, t.col) < p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return doc.tokens.slice(at(from), at(to));
}

/** Index of the first label character at or after place p. */
export function charIndexAt(doc: Doc, p: number): number {
  let lo = 0, hi = doc.chars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos(doc.charLi[mid], doc.charCol[mid]) < p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A place in the document, ordered by line then column. */
export const pos = (li: number, col: number): number => li * 1_000_000 + col;
export const posLi = (p: number): number => Math.floor(p / 1_000_000);

const PAGE_LINE = [
  /^第\s*\d+\s*页(\s*[,/]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
  /^[-—–―~]+\s*\d+\s*[-—–―~]+$/,
  /^\d+\s*\/\s*\d+$/,
  /^(page|p\.)\s*\d+(\s*(of|\/)\s*\d+)?$/i,
  /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/, // markdown table rule
];
/** A running header that repeats the report title (it carries the year, a number). */
const RUNNING_TITLE = /^\S{0,40}?\d{4}\s*年度?\s*(政府信息公开|政务公开)(工作)?(年度)?报告\s*$/;
/** Printed item references (第二十条第（一）项) and converter placeholders (Column1) hold digits
 *  that are not cells. */
const NOT_CELLS = [
  /第\s*[\d一二三四五六七八九十]+\s*条\s*第?\s*\(?\s*[\d一二三四五六七八九十]+\s*\)?\s*项/g,
  /column\s*\d+/gi,
  // a note inside a cell, "22（其中修订 16 件）" (maybe cut at the line's end by a converter)
  /\(\s*(其中|含|包括|另有|另|注|内含|包含)[^()|]*?\d[^()|]*?(\)|$)/g,
  /(?<=^|[|\s])\d+\s*(件|个|条|项|次)\s*\)/g, // …and its end on the next line: "16 件）"
  /(?<=^|[\s|])(数据|列|栏|字段|项目)\s*\d+(?=\s*(\||$))/g, // converter placeholders: | 数据1 | 数据2 |
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g,
  /(?<!\d)(19|20)\d{2}-\d{1,2}-\d{1,2}(?![\d-])/g, // 发布时间：2024-01-05
  /(?<!\d)(19|20)\d{2}\s*年度?(?=\s*\p{Script=Han})/gu, // 2024年 in a heading or a note
];

/** A cheap test that NOT_CELLS[r] can match at all: a character each of its matches contains
 *  (most lines have none, and the patterns are costly to run). */
const NOT_CELLS_NEEDS: ((t: string) => boolean)[] = [
  (t) => t.includes('条') && t.includes('项'),
  (t) => /column/i.test(t),
  (t) => t.includes('('),
  (t) => t.includes(')'),
  (t) => /[数列栏字项]/.test(t),
  (t) => t.includes('年') && t.includes('月') && t.includes('日'),
  (t) => t.includes('-'),
  (t) => t.includes('年'),
];

const INVISIBLE = /[\u00a0\u200b-\u200d\u2060\ufeff]/;

const TOKEN =
  /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|-?\d+(?:\.\d+)?|\/|[—–―‐-]+|无/g;

export function buildDoc(text: string, opts: { spacingRead?: boolean } = {}): Doc {
  // NFKC once for the whole text (per line it costs more; no line break is changed by it)
  const parts = text.replace(/^\uFEFF/, '').normalize('NFKC').split(/(\r\n|\r|\n|\f)/);
  const raw = parts.filter((_, k) => k % 2 === 0);
  // page of each raw line: the form feeds among the separators before it
  const pageOf: number[] = [];
  for (let k = 0, page = 0; k < parts.length; k += 2) {
    if (k > 0 && parts[k - 1] === '\f') page++;
    pageOf.push(page);
  }
  const lines: Line[] = [];
  let furniture = false;
  let paged = parts.includes('\f');
  raw.forEach((l, i) => {
    const page = pageOf[i];
    let t = l.includes('&') ? decodeEntities(l).normalize('NFKC') : l;
    if (INVISIBLE.test(t)) t = t.replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
    const trimmed = t.trim();
    // (every page-furniture pattern has a digit or a dash; a running title says 报告)
    const maybeFurniture = /[\d-]/.test(trimmed);
    if ((maybeFurniture && PAGE_LINE.some((re) => re.test(trimmed))) ||
      (maybeFurniture && trimmed.includes('报告') && RUNNING_TITLE.test(trimmed.replace(/\s+/g, '')))) {
      // page furniture: the empty lines around it are page layout, not blank cells
      for (let k = lines.length - 1; k >= 0 && lines[k].empty; k--) lines[k].empty = false;
      furniture = true;
      // page numbers and footers are evidence of pages (not the title, not a markdown rule)
      if (PAGE_LINE.slice(0, 5).some((re) => re.test(trimmed))) paged = true;
      return;
    }
    if (furniture && trimmed === '') {
      lines.push({ text: t, no: i + 1, delim: null, empty: false, page });
      return;
    }
    furniture = false;
    // (only the first pattern can match a line without digits: 第二十条第（一）项)
    const digits = /\d/.test(t);
    for (let r = 0; r < (digits ? NOT_CELLS.length : 1); r++) {
      if (NOT_CELLS_NEEDS[r](t)) t = t.replace(NOT_CELLS[r], (m) => ' '.repeat(m.length));
    }
    const pipes = (t.match(/\|/g) ?? []).length;
    // (tabs before the text are indentation, as web pages copied out leave them, not cells; a
    // tab after it opens a cell, maybe an empty one: 行政处罚\t)
    lines.push({ text: t, no: i + 1, delim: pipes >= 2 ? '|' : t.includes('\t') && t.trimStart().includes('\t') ? '\t' : null, empty: trimmed === '', page });
  });
  const doubleSpaced = isDoubleSpaced(lines);
  if (doubleSpaced && opts.spacingRead) readSpacing(lines);
  const tokens: Tok[] = [];
  let chars = '';
  const charLi: number[] = [];
  const charCol: number[] = [];
  lines.forEach((line, li) => {
    const t = line.text;
    const markerAt = new Set<number>();
    // (exec on the one pattern: matchAll would copy the pattern for every line)
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(t); m; m = TOKEN.exec(t)) {
      const col = m.index;
      const s = m[0];
      if (s === '无') {
        // 无 is a blank mark only when it stands alone, not inside 无法提供 or 无正当理由, nor
        // right after an item numeral: a label wrapped by a PDF's table cell, （四）无 / 法提供
        if (isHan(t[col - 1] ?? '') || isHan(t[col + 1] ?? '') || /[)、.]/.test(t[col - 1] ?? '')) continue;
        markerAt.add(col);
      }
      // a '-' joined to a digit on the left is a range or phone number, not a cell; a '/' or a
      // dash between two characters of text (本年增/减) is part of the text
      if (/^[—–―‐-]/.test(s) && /\d/.test(t[col - 1] ?? '')) continue;
      if (!/\d|无/.test(s) && isHan(t[col - 1] ?? '') && isHan(t[col + s.length] ?? '')) continue;
      const isNum = /\d/.test(s);
      tokens.push({
        li, col, end: col + s.length, raw: s, kind: isNum ? 'num' : 'blank',
        value: isNum ? Number(s.replace(/,/g, '')) : null,
        decimal: isNum && s.includes('.'), grouped: isNum && s.includes(','),
        cell: line.delim ? cellIndex(t, col, line.delim) : -1,
      });
    }
    let run = '';
    for (let col = 0; col < t.length; col++) {
      const c = t.charCodeAt(col);
      if (c < 0x2e80) continue;
      const ch = t[col];
      if ((c >= 0x4e00 && c <= 0x9fff ? true : isHan(ch)) && !markerAt.has(col)) {
        run += ch;
        charLi.push(li);
        charCol.push(col);
      }
    }
    chars += run;
  });
  return { lines, chars, charLi, charCol, tokens, paged, doubleSpaced };
}

/** At least 40 lines of text, and ≥ 85% of the gaps between them hold an empty line. */
function isDoubleSpaced(lines: Line[]): boolean {
  let text = 0, spaced = 0, gap = 0;
  for (const l of lines) {
    if (l.empty) { gap++; continue; }
    if (text > 0 && gap > 0) spaced++;
    text++;
    gap = 0;
  }
  return text >= 40 && spaced >= 0.85 * (text - 1);
}

/** In a double-spaced text one empty line is spacing; each further pair is one blank cell (an
 *  empty paragraph spaced like the rest): a run of n empty lines keeps ⌊(n−1)/2⌋ as blanks. */
function readSpacing(lines: Line[]) {
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].empty) { i++; continue; }
    let j = i;
    while (j < lines.length && lines[j].empty) j++;
    const keep = Math.floor((j - i - 1) / 2);
    for (let k = i; k < j - keep; k++) lines[k].empty = false;
    i = j;
  }
}

/** Web text saved with its HTML entities (&nbsp; &#160; — the digits are not cells). */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const named: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', mdash: '—', ndash: '–' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

/** Index of the delimited cell holding column `col` (a leading pipe opens cell 0). */
export function cellIndex(t: string, col: number, delim: '|' | '\t'): number {
  let n = 0;
  const first = delim === '|' ? t.indexOf('|') : -1;
  const leading = first >= 0 && t.slice(0, first).trim() === '';
  for (let i = 0; i < col; i++) if (t[i] === delim) n++;
  return leading ? n - 1 : n;
}

/** Splits a delimited line into its cells (a leading and trailing pipe do not open cells). */
export function delimitedCells(line: Line): { start: number; end: number; text: string }[] {
  const t = line.text;
  const d = line.delim!;
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || t[i] === d) {
      out.push({ start, end: i, text: t.slice(start, i) });
      start = i + 1;
    }
  }
  if (d === '|') {
    if (out.length && out[0].text.trim() === '') out.shift();
    if (out.length && out[out.length - 1].text.trim() === '' && /\|\s*$/.test(t)) out.pop();
  }
  return out;
}
