// Reading one row's cells from the stretch of text between its label and the next label.
// Cells are placed by the row's own structure — the values on the label's line, the line's
// columns, a delimited line's cells, or one line per cell — never by counting numbers across
// the table. Whatever cannot be placed with certainty comes back as candidates or a failure.
import { delimitedCells, posLi, tokensBetween, type Doc, type Tok } from './doc';
import { splitCandidates } from './split';

export type Cell = number | null;
export interface Msg { zh: string; en: string }

export interface RowRead {
  status: 'ok' | 'ambiguous' | 'failed';
  values?: Cell[];
  /** document line index per cell, where a token was read */
  lines: (number | undefined)[];
  candidates?: { values: Cell[]; lines: (number | undefined)[] }[];
  /** why: for a warning (also set on 'ok' when the reading needed a guess checked by the sums) */
  note?: Msg;
  /** the row's tokens sat on one line and could be aligned by columns later */
  layoutLine?: Tok[];
  /** numbers alone on a line that the alignment would ignore (a note for the warning) */
  stray?: Msg;
  /** the numbers set aside (stray / uncertainNulls): a blank cell may be one of them */
  strayValues?: number[];
  /** blank cells that might not be blank (a number was set aside): warn for each */
  uncertainNulls?: Msg;
}

export interface RowSpec {
  n: number;
  /** region [start, end) in document places; labelEnd = just past the label */
  start: number;
  end: number;
  labelEnd: number;
  /** the row's own sums, on a full or partial row: false when a complete sum fails */
  check: (v: Cell[]) => boolean;
  /** cells come in groups of this size, each group's last cell its total (0: no groups) */
  groupSize?: number;
  /** 'cells': the document writes one cell per line (blank cell = empty line) */
  mode: 'rows' | 'cells';
}

const msg = (zh: string, en: string): Msg => ({ zh, en });

export function readRow(doc: Doc, spec: RowSpec): RowRead {
  const endLi = posLi(spec.end);
  const endCol = spec.end % 1_000_000;
  const toks = tokensBetween(doc, spec.start, spec.end)
    // run together with the next row's item number ("00000002.其他…"): keep only this row's digits
    .map((t) => (t.li === endLi && t.end > endCol && t.kind === 'num' ? truncate(t, endCol) : t));
  // a table row (markdown, tabs): its cells are the authority, even when they are all empty
  if (doc.lines[posLi(spec.labelEnd)]?.delim || toks.some((t) => doc.lines[t.li].delim)) return readDelimited(doc, spec, toks);
  if (spec.mode === 'cells') return readCellPerLine(doc, spec, toks);
  return readSpaced(doc, spec, toks);
}

/** A row with no value at all: blank, but said for each cell (a lost line looks the same). */
function noValue(): RowRead {
  return { status: 'failed', lines: [], note: msg('该行未填写数字', 'no value printed in this row') };
}

function truncate(t: Tok, endCol: number): Tok {
  const raw = t.raw.slice(0, endCol - t.col);
  return { ...t, raw, end: endCol, value: Number(raw.replace(/,/g, '')), decimal: raw.includes('.'), grouped: raw.includes(',') };
}

function ok(toks: Tok[], note?: Msg): RowRead {
  return { status: 'ok', values: toks.map((t) => t.value), lines: toks.map((t) => t.li), note };
}

/** Several candidate readings, narrowed by the row's own sums. */
function choose(spec: RowSpec, cands: { values: Cell[]; lines: (number | undefined)[] }[], why: Msg): RowRead {
  const seen = new Set<string>();
  const uniq = cands.filter((c) => {
    const k = JSON.stringify(c.values);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const fit = uniq.filter((c) => spec.check(c.values));
  if (uniq.length === 1) return { status: 'ok', values: uniq[0].values, lines: uniq[0].lines };
  if (fit.length === 1) {
    return {
      status: 'ok', values: fit[0].values, lines: fit[0].lines,
      note: msg(`${why.zh}；按本行合计只有一种读法`, `${why.en}; the row's own total leaves one reading`),
    };
  }
  if (fit.length === 0) {
    return { status: 'failed', lines: [], note: msg(`${why.zh}；没有一种读法符合本行合计`, `${why.en}; no reading fits the row's total`) };
  }
  return { status: 'ambiguous', lines: [], candidates: fit, note: why };
}

function readSpaced(doc: Doc, spec: RowSpec, toks: Tok[]): RowRead {
  const { n } = spec;
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) byLine.set(t.li, [...(byLine.get(t.li) ?? []), t]);
  const groups = [...byLine.values()];
  if (toks.length === 0) return noValue();
  // a single number alone on a line after the label could be a page number: only the label's
  // own line is certain for a one-cell row
  const lone1 = n === 1 && toks.length === 1 && toks[0].li !== posLi(spec.labelEnd) && toks[0].li !== posLi(spec.start);
  if (lone1) {
    return { status: 'failed', lines: [], note: msg(`行名之后单独成行的数字 ${toks[0].raw} 可能是页码，无法确定`, `the number ${toks[0].raw} alone on a line after the label may be a page number; cannot tell`) };
  }
  if (groups.length === 1 && toks.length === n) return { ...ok(toks), layoutLine: toks };
  // a number alone on its line inside a table of rows is suspect: a page number (- 3 -, 3)
  const multi = groups.filter((g) => g.length >= 2);
  const lone = groups.filter((g) => g.length === 1).flat();
  const main = multi.flat();
  const stray = lone.map((t) => t.raw).join('、');
  const strayNote = msg(`忽略了单独成行的数字 ${stray}（可能是页码）`, `ignored number(s) alone on a line: ${stray} (page numbers?)`);
  if (multi.length && main.length === n) return ok(main, lone.length ? strayNote : undefined);
  if (!multi.length && toks.length === n) {
    return { status: 'failed', lines: [], note: msg('数字各自单独成行，无法与页码区分', 'the values stand alone on separate lines and cannot be told from page numbers') };
  }
  const layoutLine = multi.length === 1 ? multi[0] : groups.length === 1 ? groups[0] : undefined;
  if (toks.length < n || main.length < n) {
    const split = groups.length === 1 ? trySplit(doc, spec, toks) : null;
    if (split) return { ...split, layoutLine };
    const found = main.length || toks.length;
    return {
      status: 'failed', lines: [], layoutLine, stray: lone.length && multi.length ? strayNote : undefined,
      strayValues: lone.flatMap((t) => (t.value === null ? [] : [t.value])),
      note: msg(`找到 ${found} 个数字，应有 ${n} 个，无法确定哪一格为空`, `found ${found} values for ${n} cells; cannot tell which cell is blank`),
    };
  }
  return { status: 'failed', lines: [], note: msg(`找到 ${toks.length} 个数字，多于应有的 ${n} 个`, `found ${toks.length} values, more than the ${n} cells`) };
}

/** Cells written together without separators (152001018): split by the sums. */
function trySplit(doc: Doc, spec: RowSpec, toks: Tok[]): RowRead | null {
  // only the whole row written as one string of digits, joined to the text before it
  // ("…申请数量152001018"); digits set apart by spaces are separate cells, not a run
  if (toks.length !== 1) return null;
  const before = doc.lines[toks[0].li].text[toks[0].col - 1] ?? ' ';
  if (/[\s|\t]/.test(before)) return null;
  if (!toks.every((t) => t.kind === 'num' && !t.decimal && !t.grouped && t.value! >= 0)) return null;
  const digits = toks.reduce((s, t) => s + t.raw.length, 0);
  if (digits < spec.n) return null;
  const why = msg(`数字连写无分隔（${toks[0].raw}）`, `cells run together (${toks[0].raw})`);
  const cands = splitCandidates(toks.map((t) => t.raw), spec.n, spec.check, spec.groupSize);
  if (cands === null) return { status: 'failed', lines: [], note: msg(`${why.zh}：可能的拆法过多`, `${why.en}: too many ways to split`) };
  const lines = (parts: number[]) => parts.map((src) => toks[src].li);
  const r = choose(spec, cands.map((c) => ({ values: c.values, lines: lines(c.src) })), why);
  // a unique split is still a reading of the sums, not of the text: say so
  // (one digit per cell is forced and needs no sums: no note then)
  if (r.status === 'ok' && !r.note && digits > spec.n && spec.n > 1) {
    r.note = msg(`${why.zh}，符合合计关系的拆法只有一种`, `${why.en}; only one split fits the sums`);
  }
  if (r.status === 'ambiguous') r.note = msg(`${why.zh}，有 ${r.candidates!.length} 种拆法都可能`, `${why.en}; ${r.candidates!.length} splits are possible`);
  return r;
}

/** One cell per line (text copied from an HTML table): an empty line is a blank cell. */
function readCellPerLine(doc: Doc, spec: RowSpec, toks: Tok[]): RowRead {
  const { n } = spec;
  const items: ({ tok: Tok } | { empty: true; li: number })[] = [];
  const firstLi = posLi(spec.labelEnd);
  const lastLi = posLi(spec.end);
  for (let li = firstLi; li <= lastLi && li < doc.lines.length; li++) {
    const t = doc.lines[li].text;
    const from = li === firstLi ? spec.labelEnd % 1_000_000 : 0;
    const to = li === lastLi ? spec.end % 1_000_000 : t.length;
    const part = t.slice(from, to);
    const lineToks = toks.filter((x) => x.li === li && x.col >= from && x.col < to);
    if (lineToks.length > 1) return readSpaced(doc, spec, toks);
    if (lineToks.length === 1) items.push({ tok: lineToks[0] });
    else if (li !== firstLi && li !== lastLi && doc.lines[li].empty) items.push({ empty: true, li });
    // else: text (a wrapped label, a group label, an item reference) or the label's own line
  }
  const tokCount = items.filter((x) => 'tok' in x).length;
  const positional = (its: typeof items) => ({
    values: its.map((x) => ('tok' in x ? x.tok.value : null)),
    lines: its.map((x) => ('tok' in x ? x.tok.li : undefined)),
  });
  if (items.length === n) return { status: 'ok', ...positional(items) };
  const tokItems = items.flatMap((x) => ('tok' in x ? [x.tok] : []));
  // empty lines that only separate (every other line, as pdftotext writes) are not cells
  const alternating = items.every((x, i) => ('tok' in x) === (i % 2 === 0));
  if (tokCount === n && (tokCount === items.length || alternating)) return ok(tokItems);
  // every value in a run, empty lines only before or after it: empty paragraphs around a table
  // (HTML, Word). In text with pages a number alone on a line may be a page number and an empty
  // line a blank cell, so there this stays uncertain (below).
  const firstTok = items.findIndex((x) => 'tok' in x);
  if (!doc.paged && tokCount === n && items.slice(firstTok, firstTok + n).every((x) => 'tok' in x)) return ok(tokItems);
  if (tokCount === n) {
    // an empty line may be a blank cell and a number a stray one (a page number): try both
    const cands: { values: Cell[]; lines: (number | undefined)[] }[] = [{ values: tokItems.map((t) => t.value), lines: tokItems.map((t) => t.li) }];
    const emptyIdx = items.flatMap((x, i) => ('empty' in x ? [i] : []));
    const tokIdx = items.flatMap((x, i) => ('tok' in x ? [i] : []));
    for (const d of tokIdx) {
      for (const e of emptyIdx) cands.push(positional(items.filter((_, i) => i !== d && (i === e || 'tok' in items[i]))));
    }
    return choose(spec, cands, msg('空行与数字的位置不确定（可能混入页码）', 'empty lines and numbers do not line up (a page number?)'));
  }
  if (tokCount === 0) return noValue();
  if (tokCount < n && items.length > n) {
    // more lines than cells: some empty lines only separate rows; try each choice of blanks
    const cands: { values: Cell[]; lines: (number | undefined)[] }[] = [];
    const dropEmpties = items.length - n;
    const emptyIdx = items.flatMap((x, i) => ('empty' in x ? [i] : []));
    for (const drop of combinations(emptyIdx, dropEmpties, 5000) ?? []) {
      cands.push(positional(items.filter((_, i) => !drop.includes(i))));
    }
    return choose(spec, cands, msg(`空行多于空格数，无法确定哪一格为空`, `more empty lines than blank cells; cannot tell which cell is blank`));
  }
  if (tokCount > n && tokCount - n <= 2) {
    const tokIdx = items.flatMap((x, i) => ('tok' in x ? [i] : []));
    const cands = (combinations(tokIdx, tokCount - n, 5000) ?? []).map((drop) => {
      const rest = items.filter((_, i) => !drop.includes(i));
      return rest.length === n ? positional(rest) : positional(rest.filter((x) => 'tok' in x));
    });
    return choose(spec, cands, msg(`数字多于格数（可能混入页码）`, `more numbers than cells (a page number?)`));
  }
  const split = trySplit(doc, spec, toks);
  if (split) return split;
  return {
    status: 'failed', lines: [],
    note: msg(`找到 ${tokCount} 个数字，应有 ${n} 个，无法确定哪一格为空`, `found ${tokCount} values for ${n} cells; cannot tell which cell is blank`),
  };
}

/** Markdown / tab-separated lines: each cell has its place. */
function readDelimited(doc: Doc, spec: RowSpec, toks: Tok[]): RowRead {
  const { n } = spec;
  const lineIdx = [...new Set(toks.map((t) => t.li))].filter((li) => doc.lines[li].delim);
  const outside = toks.filter((t) => !doc.lines[t.li].delim);
  const outsideNote = outside.length
    ? msg(`忽略了表格行之外的数字 ${outside.map((t) => t.raw).join('、')}（可能是页码）`, `ignored number(s) outside the table rows: ${outside.map((t) => t.raw).join(', ')} (page numbers?)`)
    : undefined;
  if (!lineIdx.length) {
    // empty table cells, and a number outside the table: a page number, or the row's value? unsure
    return outsideNote
      ? { status: 'failed', lines: [], note: msg(`表格行为空，但其下有数字 ${outside.map((t) => t.raw).join('、')}，无法确定`, `the table row is empty but number(s) ${outside.map((t) => t.raw).join(', ')} follow it; cannot tell`) }
      : noValue();
  }
  const rows: { li: number; cells: { text: string; toks: Tok[] }[] }[] = [];
  for (const li of lineIdx) {
    let cells = delimitedCells(doc.lines[li]).map((c) => ({
      text: c.text.trim(), toks: toks.filter((t) => t.li === li && t.col >= c.start && t.col < c.end),
      start: c.start, end: c.end,
    }));
    if (li === posLi(spec.labelEnd)) cells = cells.filter((c) => c.start >= spec.labelEnd % 1_000_000);
    if (li === posLi(spec.end)) cells = cells.filter((c) => c.end <= spec.end % 1_000_000);
    if (cells.some((c) => c.toks.length)) rows.push({ li, cells });
  }
  const cellOk = (c: { text: string; toks: Tok[] }) =>
    c.text === '' || (c.toks.length === 1 && c.toks[0].raw === c.text);
  const usable = rows.filter((r) => r.cells.length >= n && r.cells.every(cellOk));
  if (rows.length > 1) {
    // values on two table lines (a row broken by a converter): which cells belong where is unsure
    return { status: 'failed', lines: [], note: msg('本行数字分在几行表格中，无法确定各自的列', 'the row\'s numbers are spread over several table lines; cannot tell their columns') };
  }
  // a number on the line right next to the table row may be the row's own tail, cut off by a
  // converter ("| … | 2437" / "24758 |"): then the row cannot be placed
  if (outside.some((t) => rows.some((r) => Math.abs(r.li - t.li) === 1))) {
    return { status: 'failed', lines: [], note: msg('表格行旁边有表格外的数字，可能是被截断的行', 'a number outside the table right next to the row: the row may be broken') };
  }
  if (usable.length === 1) {
    const { li, cells } = usable[0];
    const cands: { values: Cell[]; lines: (number | undefined)[] }[] = [];
    for (let s = 0; s + n <= cells.length; s++) {
      const outside = [...cells.slice(0, s), ...cells.slice(s + n)];
      if (outside.some((c) => c.toks.length)) continue;
      const win = cells.slice(s, s + n);
      cands.push({ values: win.map((c) => (c.toks.length ? c.toks[0].value : null)), lines: win.map(() => li) });
    }
    const r = choose(spec, cands, msg('表格空格位置不确定', 'the place of the blank cells in the table is uncertain'));
    if (outsideNote && r.status === 'ok') {
      r.note = outsideNote;
      // the number set aside may be one of this row's blank cells
      if (r.values!.some((v) => v === null)) {
        r.uncertainNulls = outsideNote;
        r.strayValues = outside.flatMap((t) => (t.value === null ? [] : [t.value]));
      }
    }
    return r;
  }
  // cells written together inside the table's cells, or too few cells: read the tokens plainly
  const flat = rows.flatMap((r) => r.cells.flatMap((c) => c.toks));
  if (outside.length) return { status: 'failed', lines: [], note: msg('表格行内外都有数字，无法确定', 'numbers both in and outside the table rows; cannot tell') };
  if (flat.length === n) return ok(flat);
  return readSpaced(doc, spec, flat);
}

/** k-subsets of xs (null when there would be more than `cap`). */
export function combinations<T>(xs: T[], k: number, cap: number): T[][] | null {
  const out: T[][] = [];
  const rec = (i: number, acc: T[]): boolean => {
    if (acc.length === k) {
      out.push([...acc]);
      return out.length <= cap;
    }
    for (let j = i; j <= xs.length - (k - acc.length); j++) {
      acc.push(xs[j]);
      if (!rec(j + 1, acc)) return false;
      acc.pop();
    }
    return true;
  };
  return rec(0, []) ? out : null;
}
