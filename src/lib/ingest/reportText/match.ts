// Finding labels: an approximate substring search (Sellers' edit distance: a missing, extra or
// changed character, or layout junk such as a group label printed one character per line inside
// a wrapped label, costs 1) over the Han-character stream, then one choice of occurrence per
// label such that the labels appear in form order (a weighted longest chain). Choosing in order
// keeps a label of the narrative or a column header from being taken for a row.
import { ANCHORS, HAN, type AnchorDef } from './labels';
import { pos, type Doc } from './doc';

export interface Match {
  anchor: number;
  /** stream indices, end exclusive */
  start: number;
  end: number;
  cost: number;
  /** which key matched: 0 official, >0 a variant */
  keyIndex: number;
  /** document places: first label char, and past the last one */
  startPos: number;
  /** where the previous row's text ends: before the label's printed item number (1. 2、), if any */
  cutPos: number;
  endPos: number;
  /** the text matched, for messages */
  text: string;
  /** found only where the form's row order puts it, with more typos than allowed elsewhere */
  byOrder?: boolean;
}

/** Errors allowed for a key of this length. */
export function allowedErrors(len: number): number {
  if (len <= 3) return 0;
  if (len <= 8) return 1;
  return Math.floor(len / 8) + 1;
}

interface Hit { start: number; end: number; cost: number }

/** All places where `key` occurs in `s` with at most k edits (best non-overlapping ones). */
export function fuzzyFind(key: string, s: string, k: number): Hit[] {
  const m = key.length;
  if (k === 0) {
    const hits: Hit[] = [];
    for (let i = s.indexOf(key); i >= 0; i = s.indexOf(key, i + 1)) hits.push({ start: i, end: i + m, cost: 0 });
    return hits;
  }
  const raw: Hit[] = [];
  for (const [from, to] of windowsOf(key, s, k)) for (const h of sellers(key, s, k, from, to)) raw.push(h);
  return bestHits(raw, m);
}

/** Where each character stands in the last text searched (every label is searched in the same
 *  text): finding a label's pieces by their first character is cheaper than indexOf over it. */
let indexed: { s: string; at: Map<number, number[]> } | null = null;
function charPlaces(s: string): Map<number, number[]> {
  if (indexed?.s !== s) {
    const at = new Map<number, number[]>();
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const l = at.get(c);
      if (l) l.push(i);
      else at.set(c, [i]);
    }
    indexed = { s, at };
  }
  return indexed.at;
}

/** Where a match with at most k edits can be: split the key into k+1 pieces; k edits spoil at
 *  most k of them, so one piece stands exactly in the text (pigeonhole). Around each exact piece,
 *  a window wide enough for the whole match; overlapping windows merged. Only these windows are
 *  searched, which makes the search about as fast as indexOf on a long report. */
function windowsOf(key: string, s: string, k: number): [number, number][] {
  const m = key.length;
  if (m < 2 * (k + 1) || s.length < 4 * (m + k)) return [[0, s.length]];
  const size = Math.floor(m / (k + 1));
  const places = charPlaces(s);
  const wins: [number, number][] = [];
  for (let p = 0; p <= k; p++) {
    const from = p * size;
    const piece = key.slice(from, p === k ? m : from + size);
    for (const i of places.get(piece.charCodeAt(0)) ?? []) {
      if (!s.startsWith(piece, i)) continue;
      wins.push([Math.max(0, i - from - k - 1), Math.min(s.length, i - from + m + k + 1)]);
    }
  }
  wins.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const w of wins) {
    const last = out[out.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else out.push([...w]);
  }
  return out;
}

/** Work columns reused between searches (one search at a time: the parser is synchronous). */
let BUF: Int32Array[] = [0, 1, 2, 3, 4].map(() => new Int32Array(64));

/** Sellers' approximate search of `key` in s[from, to): every end with at most k edits, with the
 *  start of its best alignment. Computed a text column at a time with Ukkonen's cut-off: rows
 *  below the last one still within k edits are not computed (they cannot lead to a match), which
 *  leaves every value and start within k exactly as the full table has them. */
function sellers(key: string, s: string, k: number, from: number, to: number): Hit[] {
  const m = key.length;
  const n = to - from;
  if (BUF[0].length < m + 2) BUF = BUF.map(() => new Int32Array(2 * (m + 2)));
  // value and start of the best alignment per key prefix, previous and current text column
  let [pv, ps, cv, cs] = BUF;
  const kc = BUF[4];
  for (let i = 0; i < m; i++) kc[i] = key.charCodeAt(i);
  const over = k + 1; // any value above k: the cut-off rows
  for (let i = 0; i <= m; i++) {
    pv[i] = i <= k ? i : over;
    ps[i] = 0;
  }
  let last = Math.min(m, k); // last row within k edits in the previous column
  const raw: Hit[] = [];
  for (let j = 1; j <= n; j++) {
    const c = s.charCodeAt(from + j - 1);
    cv[0] = 0;
    cs[0] = j;
    const top = last < m ? last + 1 : m;
    for (let i = 1; i <= top; i++) {
      // same order of preference as the row-by-row table: diagonal, then above, then left
      let best = pv[i - 1] + (kc[i - 1] === c ? 0 : 1);
      let st = ps[i - 1];
      if (cv[i - 1] + 1 < best) { best = cv[i - 1] + 1; st = cs[i - 1]; }
      if (pv[i] + 1 < best) { best = pv[i] + 1; st = ps[i]; }
      cv[i] = best;
      cs[i] = st;
    }
    if (top < m) cv[top + 1] = over;
    last = top;
    while (cv[last] > k) last--;
    if (last === m && j > cs[m]) raw.push({ start: from + cs[m], end: from + j, cost: cv[m] });
    const tv = pv; pv = cv; cv = tv;
    const ts = ps; ps = cs; cs = ts;
  }
  return raw;
}

function bestHits(raw: Hit[], m: number): Hit[] {
  // best first: fewest edits, then the length closest to the key's; drop overlapping ones
  raw.sort((a, b) => a.cost - b.cost || Math.abs(a.end - a.start - m) - Math.abs(b.end - b.start - m) || a.start - b.start);
  // the best hit of each place, plus up to 3 equally good overlapping alternatives (a missing
  // last character can also be read as a changed one taken from the next row): the ordered
  // choice in findAnchors picks the one that leaves the neighbours intact
  const out: Hit[] = [];
  for (const h of raw) {
    const over = out.filter((o) => h.start < o.end && o.start < h.end);
    if (!over.length || (over.every((o) => o.cost === h.cost) && over.length < 4)) out.push(h);
  }
  return out;
}

/** A short label (其他, 总计, 规章) counts only where it stands alone: no Han character directly
 *  before (numbering such as 3. or （七） allowed) or after it on its line. */
function standsAlone(doc: Doc, h: Hit): boolean {
  const li = doc.charLi[h.start];
  if (doc.charLi[h.end - 1] !== li) return false;
  const t = doc.lines[li].text;
  const before = t.slice(0, doc.charCol[h.start]).replace(/\s+$/, '');
  const beforeOk = !HAN.test(before.slice(-1)) ||
    /(\(\s*[一二三四五六七八九十]+\s*\)|[一二三四五六七八九十]+\s*[、.])$/.test(before);
  const after = t.slice(doc.charCol[h.end - 1] + 1).replace(/^\s+/, '');
  // directly followed by a value ("…现行有效件数规章000") also sets it apart
  return /^[\d/—–-]/.test(after) || (beforeOk && !HAN.test(after.slice(0, 1)));
}

/** Moves a match's start back over its printed item number (1. 1、 (1)) when it is the expected
 *  one, so that the number is not read as the previous row's last cell. */
function startWithItemNo(doc: Doc, a: AnchorDef, start: number): number {
  const li = doc.charLi[start];
  const col = doc.charCol[start];
  if (a.itemNo === undefined) return pos(li, col);
  const before = doc.lines[li].text.slice(0, col);
  const m = /\(?\s*(\d+)\s*([.、,)]?)\s*$/.exec(before);
  const no = String(a.itemNo);
  // "1." or, run together with the row before, "…00000005." (then the punctuation must be there)
  if (m && (m[1] === no || (m[2] !== '' && m[1].endsWith(no)))) {
    // keep only the expected digits: with run-together cells "00000001." the 1 is the item number
    const digitsEnd = m.index + m[0].indexOf(m[1]) + m[1].length;
    const digitsStart = digitsEnd - String(a.itemNo).length;
    const p = before.slice(0, digitsStart).endsWith('(') ? digitsStart - 1 : digitsStart;
    return pos(li, p);
  }
  return pos(li, col);
}

export function findAnchors(doc: Doc): Match[] {
  const cands: Match[] = [];
  ANCHORS.forEach((a, ai) => {
    a.keys.forEach((key, ki) => {
      const k = allowedErrors(key.length);
      for (const h of fuzzyFind(key, doc.chars, k)) {
        // a heading starts with its numeral (二、三、…), possibly just before the match
        if (a.numeral && doc.chars[h.start] !== a.numeral && doc.chars[h.start - 1] !== a.numeral) continue;
        if (key.length <= 2 && !standsAlone(doc, h)) continue;
        const last = h.end - 1;
        cands.push({
          anchor: ai, start: h.start, end: h.end, cost: h.cost + (ki > 0 ? 0.5 : 0), keyIndex: ki,
          startPos: pos(doc.charLi[h.start], doc.charCol[h.start]),
          cutPos: startWithItemNo(doc, a, h.start),
          endPos: pos(doc.charLi[last], doc.charCol[last] + 1),
          text: doc.chars.slice(h.start, h.end),
        });
      }
    });
  });
  // the highest-scoring chain of candidates increasing both in form order and in place
  cands.sort((x, y) => x.start - y.start || x.anchor - y.anchor);
  const score = (c: Match) => ANCHORS[c.anchor].keys[c.keyIndex].length - 2 * c.cost + 1;
  const best = new Float64Array(cands.length);
  const prev = new Int32Array(cands.length).fill(-1);
  for (let i = 0; i < cands.length; i++) {
    best[i] = score(cands[i]);
    for (let j = 0; j < i; j++) {
      if (cands[j].end <= cands[i].start && cands[j].anchor < cands[i].anchor && best[j] + score(cands[i]) > best[i]) {
        best[i] = best[j] + score(cands[i]);
        prev[i] = j;
      }
    }
  }
  let top = -1;
  for (let i = 0; i < cands.length; i++) if (top < 0 || best[i] > best[top]) top = i;
  const chain: Match[] = [];
  for (let i = top; i >= 0; i = prev[i]) chain.unshift(cands[i]);
  return fillGaps(doc, chain);
}

/** Labels with more typos than a search of the whole text may allow (其他法律行政止公开: three
 *  characters dropped), found where the form's order says they must stand: in the text between
 *  the two labels found around them, and only there. A match so found costs its edits, so the
 *  row carries a note that its label was read approximately. */
function fillGaps(doc: Doc, chain: Match[]): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < chain.length; i++) {
    out.push(chain[i]);
    const next = chain[i + 1];
    if (!next) break;
    let cursor = chain[i].end;
    for (let ai = chain[i].anchor + 1; ai < next.anchor; ai++) {
      const a = ANCHORS[ai];
      if (a.kind !== 'row') continue;
      const key = a.keys[0];
      if (key.length < 6) continue;
      const slice = doc.chars.slice(cursor, next.start);
      if (slice.length < key.length / 2) break;
      const k = Math.max(allowedErrors(key.length), Math.ceil(key.length * 0.35));
      const hits = fuzzyFind(key, slice, k).filter((h) => h.end - h.start >= key.length / 2);
      if (!hits.length) continue;
      const h = hits.reduce((x, y) => (y.cost < x.cost || (y.cost === x.cost && y.start < x.start) ? y : x));
      const start = cursor + h.start;
      const end = cursor + h.end;
      const last = end - 1;
      out.push({
        anchor: ai, start, end, cost: h.cost, keyIndex: 0,
        startPos: pos(doc.charLi[start], doc.charCol[start]),
        cutPos: startWithItemNo(doc, a, start),
        endPos: pos(doc.charLi[last], doc.charCol[last] + 1),
        text: doc.chars.slice(start, end), byOrder: h.cost > allowedErrors(key.length),
      });
      cursor = end;
    }
  }
  return out;
}
