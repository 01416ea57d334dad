// Reads the form's tables: each row's cells from the text between its label and the next label
// found (see match.ts), section 四 from the line(s) of values after its header, then settles
// run-together rows by the section's sums. Every cell not read with certainty gets a warning.
import { allowsFraction, type CellCode } from '../../format/cells';
import { FORM_CHROME } from '../../format/formLayout';
import { emptyCells, type CellValues } from '../../format/record';
import type { ParseWarning } from '../reportText';
import { alignByColumns, headerColumns, headerFitsRows, placeByHeader, type ColumnSpan } from './columns';
import { pos, posLi, type Doc } from './doc';
import { ANCHORS, S2_2019_HEADINGS, cellNames, labelChars, type AnchorDef } from './labels';
import type { Match } from './match';
import { readRow, type Cell, type Msg, type RowRead } from './region';
import { placeDetached, type RowPlace } from './detached';
import { readSection4 } from './s4read';
import { agreeing, solveSection, type Pending } from './solve';

export interface TableRead {
  cells: CellValues;
  sources: Partial<Record<CellCode, { line: number }>>;
  warnings: ParseWarning[];
  /** cells placed by inference (a split, row order, column positions …), not read as printed */
  inferred: Set<CellCode>;
  /** cells left blank because they could not be placed (not printed blank) */
  unplaced: Set<CellCode>;
  /** blank cells that may hold one of these numbers, set aside as page numbers */
  strays: Map<CellCode, number[]>;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Row sums usable on a partial row: a complete group must add up (blank: not checkable). */
export function groupCheck(size: number) {
  return (v: Cell[]): boolean => {
    for (let g = 0; g + size <= v.length; g += size) {
      const grp = v.slice(g, g + size);
      if (grp.some((x) => x === null)) continue;
      if (grp[size - 1] !== sum(grp.slice(0, -1) as number[])) return false;
    }
    return true;
  };
}

export function readTables(doc: Doc, matches: Match[]): TableRead {
  const cells = emptyCells();
  const sources: TableRead['sources'] = {};
  const warnings: ParseWarning[] = [];
  const docEnd = pos(doc.lines.length, 0);
  const byId = new Map(matches.map((m, i) => [ANCHORS[m.anchor].id, i]));
  const endOf = (i: number) => (i + 1 < matches.length ? matches[i + 1].cutPos : docEnd);
  const mode = detectMode(doc, matches);
  const line = (li: number | undefined) => (li === undefined ? undefined : doc.lines[li].no);

  const inferred = new Set<CellCode>();
  const unplaced = new Set<CellCode>();
  const strays = new Map<CellCode, number[]>();
  /** A blank cell beside a number set aside: warned; the sums may show it is that number. */
  const maybeStray = (c: CellCode, r: RowRead, li?: number) => {
    cellWarn(c, r.uncertainNulls!, li, false);
    strays.set(c, r.strayValues ?? []);
  };
  const cellWarn = (code: CellCode, why: Msg, li?: number, couldBe = true) => {
    if (couldBe && cells[code] === null) unplaced.add(code);
    const n = cellNames(code);
    warnings.push({
      code, row: n.row, column: n.column, line: line(li),
      message_zh: `${n.row}｜${n.column}：${why.zh}，留空`, message_en: `${n.en}: ${why.en}; left blank`,
    });
  };
  const rowNote = (a: AnchorDef, why: Msg, li?: number) =>
    warnings.push({
      row: a.label_zh, line: line(li), code: a.codes!.length === 1 ? a.codes![0] : undefined, codes: a.codes!.length > 1 ? [...a.codes!] : undefined,
      message_zh: `${a.label_zh}：${why.zh}`, message_en: `${cellNames(a.codes![0]).en.split(' — ')[0]}: ${why.en}`,
    });
  const store = (codes: CellCode[], values: Cell[], lines: (number | undefined)[]) =>
    codes.forEach((code, j) => {
      let v = values[j];
      if (v !== null && !allowsFraction(code) && !Number.isInteger(v)) {
        cellWarn(code, { zh: `读到非整数 ${v}`, en: `read a non-whole number ${v}` }, lines[j]);
        v = null;
      }
      cells[code] = v;
      if (v !== null) unplaced.delete(code);
      if (lines[j] !== undefined) sources[code] = { line: line(lines[j])! };
    });

  // 0. the 2019 form's section 二 has other columns: none of its numbers is a 2021 cell
  const old2019 = s2Is2019(doc, matches);

  // 1. every row found
  type Read = { a: AnchorDef; m: Match; r: RowRead; spec: Parameters<typeof readRow>[1] };
  const reads = new Map<string, Read>();
  for (const a of ANCHORS) {
    if (a.kind !== 'row') continue;
    const i = byId.get(a.id);
    if (i === undefined) continue;
    const m = matches[i];
    const n = a.codes!.length;
    const spec = { n, start: m.startPos, end: endOf(i), labelEnd: m.endPos, mode, check: a.section === '三' ? groupCheck(n) : () => true, groupSize: a.section === '三' ? n : 0 };
    reads.set(a.id, { a, m, r: readRow(doc, spec), spec });
  }

  // 1b. value rows printed as a block after their labels
  const rowIds = ANCHORS.filter((a) => a.kind === 'row').map((a) => a.id);
  const places: RowPlace[] = [...reads.values()].map((x) => ({
    id: x.a.id, order: rowIds.indexOf(x.a.id), table: `${x.a.section}:${x.spec.n}`, n: x.spec.n, labelEnd: x.spec.labelEnd, end: x.spec.end,
  }));
  for (const [id, p] of placeDetached(doc, places)) {
    const x = reads.get(id)!;
    x.r = { status: 'ok', values: p.values, lines: p.lines, note: { zh: '数字与行名分开印出（先行名后数字），按行的先后对应', en: 'values printed apart from their labels (labels first, then the values), matched in row order' } };
  }

  // 2. rows whose values were on one line but fewer than the cells: place them by the columns of
  //    the same table (same section, same number of cells) on the same page — its full rows, its
  //    column headers, or both when both are there (then they must agree)
  const tables = new Map<string, Read[]>();
  const headers = new Map<string, ColumnSpan[] | null>();
  for (const x of reads.values()) {
    const key = `${x.a.section}:${x.spec.n}`;
    tables.set(key, [...(tables.get(key) ?? []), x]);
  }
  for (const x of reads.values()) {
    if (x.r.status !== 'failed' || !x.r.layoutLine) continue;
    const toks = x.r.layoutLine;
    const page = doc.lines[toks[0].li].page;
    if (toks.some((t) => doc.lines[t.li].page !== page)) continue;
    const table = tables.get(`${x.a.section}:${x.spec.n}`)!;
    const full = table
      .filter((y) => y.r.status === 'ok' && y.r.layoutLine?.length === y.spec.n && y.r.layoutLine.every((t) => doc.lines[t.li].page === page))
      .map((y) => y.r.layoutLine!);
    const byRows = alignByColumns(toks, full, x.spec.n);
    const hk = `${x.a.section}:${x.spec.n}:${page}`;
    if (!headers.has(hk)) headers.set(hk, tableHeader(doc, matches, table.map((y) => y.m), page, x.a.codes!));
    const cols = headers.get(hk)!;
    const byHeader = cols && headerFitsRows(cols, full) ? placeByHeader(toks, cols) : null;
    if (byRows && byHeader && byRows.some((t, j) => t !== byHeader[j])) {
      x.r = { ...x.r, note: { zh: '表格的整行与表头给出的列位置不一致，无法确定哪一格为空', en: 'the table\'s full rows and its column headers place the values differently; cannot tell which cell is blank' } };
      continue;
    }
    const placed = byRows ?? byHeader;
    if (!placed) continue;
    const note = byRows
      ? { zh: '空格按表格列位置判定', en: 'blank cells placed by the table\'s column positions' }
      : { zh: '空格按表头各列位置判定', en: 'blank cells placed by the positions of the table\'s column headers' };
    x.r = {
      status: 'ok', values: placed.map((t) => t?.value ?? null), lines: placed.map((t) => t?.li), note,
      // a number was set aside as a page number: it might be one of these blanks
      uncertainNulls: x.r.stray, strayValues: x.r.strayValues,
    };
  }

  // 3. store; gather the ambiguous rows of section 三 for the section's sums
  const pending: (Pending & { a: AnchorDef; r: RowRead; li: number })[] = [];
  for (const a of ANCHORS) {
    if (a.kind !== 'row') continue;
    const x = reads.get(a.id);
    if (old2019 && a.section === '二') {
      for (const c of a.codes!) {
        cellWarn(c, { zh: `第二部分是2019年试行格式（表头“${old2019}”），其栏目与2021年格式不同`, en: `section 二 is in the 2019 trial form (heading “${old2019}”), whose columns differ from the 2021 form` });
      }
      continue;
    }
    if (!x) {
      for (const c of a.codes!) cellWarn(c, { zh: '未找到该行', en: 'row not found in the text' });
      continue;
    }
    const li = posLi(x.m.startPos);
    if (x.m.keyIndex > 0 || (x.m.cost > 0 && !groupWrappedIn(a, x.m.text))) {
      rowNote(a, {
        zh: `行名按近似或旧式写法“${x.m.text}”识别`, en: `row label read from the variant or approximate “${x.m.text}”`,
      }, li);
    }
    const { r } = x;
    if (r.status === 'ok') {
      if (r.note) {
        rowNote(a, r.note, li);
        for (const c of a.codes!) inferred.add(c);
      }
      if (x.m.byOrder) for (const c of a.codes!) inferred.add(c);
      store(a.codes!, r.values!, r.lines);
      if (r.uncertainNulls) a.codes!.forEach((c, j) => r.values![j] === null && maybeStray(c, r, li));
    } else if (r.status === 'ambiguous' && a.section !== '三' && agreeing(r.candidates!.map((c) => c.values)).some((v) => v !== undefined && v !== null)) {
      const why = { zh: `${r.note!.zh}，此格各不相同`, en: `${r.note!.en}; they differ in this cell` };
      keepAgreed(a, a.codes!, agreeing(r.candidates!.map((c) => c.values)), r.candidates![0].lines, why, li);
    } else if (r.status === 'ambiguous' && a.section === '三') {
      pending.push({ codes: a.codes!, candidates: r.candidates!.map((c) => c.values), a, r, li });
    } else {
      const why = r.status === 'ambiguous'
        ? { zh: `${r.note!.zh}，无法确定`, en: `${r.note!.en}; cannot tell which` }
        : r.note ?? { zh: '无法读取', en: 'could not be read' };
      for (const c of a.codes!) cellWarn(c, why, li);
    }
  }
  if (pending.length) {
    const solved = solveSection(cells, pending);
    pending.forEach((p, i) => {
      const { row: s, cells: same, solutions } = solved[i];
      if (!s && solutions > 1 && same.some((v) => v !== undefined && v !== null)) {
        // several combinations fit: keep the cells they all agree on
        const why = { zh: `${p.r.note!.zh}，按本节勾稽关系仍有 ${solutions} 种组合，此格各不相同`, en: `${p.r.note!.en}; ${solutions} combinations fit the section's sums and differ in this cell` };
        keepAgreed(p.a, p.codes, same, p.r.candidates![0].lines, why, p.li);
      } else if (s) {
        const k = p.r.candidates!.findIndex((c) => c.values === s);
        rowNote(p.a, { zh: `${p.r.note!.zh}，按本节勾稽关系只剩一种`, en: `${p.r.note!.en}; the section's sums leave one` }, p.li);
        store(p.codes, s, p.r.candidates![k].lines);
        for (const c of p.codes) inferred.add(c);
      } else {
        const why = { zh: `${p.r.note!.zh}，按本节勾稽关系仍无法确定`, en: `${p.r.note!.en}; the section's sums do not settle it` };
        for (const c of p.codes) cellWarn(c, why, p.li);
      }
    });
  }

  /** Cells every possible reading agrees on are stored (inferred); the others warned. */
  function keepAgreed(a: AnchorDef, codes: CellCode[], same: (Cell | undefined)[], lines: (number | undefined)[], why: Msg, li: number) {
    codes.forEach((c, j) => {
      // (blank in every reading is no certainty either: the readings come from a doubtful row)
      if (same[j] === undefined || same[j] === null) return cellWarn(c, why, li);
      store([c], [same[j]!], [lines[j]]);
      inferred.add(c);
    });
    rowNote(a, { zh: '可能的读法不止一种，只取各种读法都相同的格', en: 'more than one reading is possible; only the cells all readings agree on are taken' }, li);
  }

  // 4. the old undivided （六）其他处理 row
  readOldOther(doc, matches, byId, endOf, mode, warnings, cellWarn, store, inferred);

  // 5. section 四
  readSection4(doc, matches, byId, docEnd, mode, cellWarn, store, warnings, inferred, maybeStray);
  return { cells, sources, warnings, inferred, unplaced, strays };
}

/** Whether a row label was matched with only a piece of its group's label inside it — the
 *  merged group cell's text wrapped between the lines of the row's label in a PDF (…缴纳费
 *  他处理 用、行政机关…): layout, not a variant spelling, so no note. */
function groupWrappedIn(a: AnchorDef, text: string): boolean {
  const key = a.keys[0];
  const extra = text.length - key.length;
  if (!a.group || extra <= 0) return false;
  const groups = [labelChars(a.group), labelChars(FORM_CHROME.results)];
  for (let i = 1; i < key.length; i++) {
    if (text.slice(0, i) !== key.slice(0, i) || text.slice(i + extra) !== key.slice(i)) continue;
    const piece = text.slice(i, i + extra);
    if (groups.some((g) => g.includes(piece))) return true;
  }
  return false;
}

/** The column extents printed in the header of the table whose rows matched at `rowMatches`: the
 *  lines above its first row, back to the previous label found (at most 15), on `page`. */
function tableHeader(doc: Doc, matches: Match[], rowMatches: Match[], page: number, codes: CellCode[]): ColumnSpan[] | null {
  const first = rowMatches.reduce((a, b) => (b.start < a.start ? b : a));
  const k = matches.indexOf(first);
  const firstLi = posLi(first.cutPos);
  const fromLi = Math.max(k > 0 ? posLi(matches[k - 1].endPos) + 1 : 0, firstLi - 15);
  const lis: number[] = [];
  for (let li = fromLi; li < firstLi; li++) if (doc.lines[li].page === page) lis.push(li);
  return lis.length ? headerColumns(doc, lis, codes.map((c) => labelChars(cellNames(c).column))) : null;
}

/** The 2019-form column heading found in section 二, if any. */
function s2Is2019(doc: Doc, matches: Match[]): string | null {
  const inS2 = matches.filter((m) => ['heading', 'row'].includes(ANCHORS[m.anchor].kind) && (ANCHORS[m.anchor].section === '二' || ANCHORS[m.anchor].id === 's2'));
  const next = matches.find((m) => ANCHORS[m.anchor].id === 's3' || ANCHORS[m.anchor].section === '三');
  if (!inS2.length) return null;
  const text = doc.chars.slice(inS2[0].start, next ? next.start : doc.chars.length);
  return S2_2019_HEADINGS.find((h) => text.includes(h)) ?? null;
}

/** One cell per line, or rows of space-separated cells? Counted over the tables. */
function detectMode(doc: Doc, matches: Match[]): 'rows' | 'cells' {
  const first = matches.find((m) => ANCHORS[m.anchor].kind === 'row');
  const from = first ? posLi(first.startPos) : 0;
  const perLine = new Map<number, number>();
  for (const t of doc.tokens) if (t.li >= from && !doc.lines[t.li].delim) perLine.set(t.li, (perLine.get(t.li) ?? 0) + 1);
  return [...perLine.values()].filter((c) => c >= 2).length >= 2 ? 'rows' : 'cells';
}

export type Store = (codes: CellCode[], values: Cell[], lines: (number | undefined)[]) => void;
export type CellWarn = (code: CellCode, why: Msg, li?: number, couldBe?: boolean) => void;

/** The 2019-style undivided （六）其他处理 row: its value goes to 三（六）3 其他 so that 三（七）
 *  still adds up; the two new sub-rows stay blank. Both with a warning. */
function readOldOther(
  doc: Doc, matches: Match[], byId: Map<string, number>, endOf: (i: number) => number, mode: 'rows' | 'cells',
  warnings: ParseWarning[], cellWarn: CellWarn, store: Store, inferred: Set<CellCode>,
) {
  const gi = byId.get('group:outcome_other');
  if (gi === undefined) return;
  const subs = ANCHORS.filter((a) => a.kind === 'row' && a.group && ANCHORS[matches[gi].anchor].label_zh === a.group);
  if (subs.some((a) => byId.has(a.id))) return;
  const m = matches[gi];
  const n = subs[0].codes!.length;
  const r = readRow(doc, { n, start: m.startPos, end: endOf(gi), labelEnd: m.endPos, mode, check: groupCheck(n), groupSize: n });
  if (r.status !== 'ok' || r.values!.every((v) => v === null)) return;
  const misc = subs[subs.length - 1];
  // the sub-rows were reported missing in step 3; replace that by one explanation
  const subCodes = subs.flatMap((a) => a.codes!) as string[];
  for (let k = warnings.length - 1; k >= 0; k--) if (warnings[k].code && subCodes.includes(warnings[k].code!)) warnings.splice(k, 1);
  store(misc.codes!, r.values!, r.lines);
  for (const c of misc.codes!) inferred.add(c);
  warnings.push({
    row: misc.label_zh, line: doc.lines[posLi(m.startPos)].no, codes: [...misc.codes!],
    message_zh: `旧式未细分的“其他处理”行，其数字记入“${misc.label_zh}”，以便三（七）总计仍可核对`,
    message_en: 'old-style undivided "other handling" row: its values are recorded as "other: other" so that the 三（七） total still checks',
  });
  for (const a of subs.slice(0, -1)) {
    for (const c of a.codes!) cellWarn(c, { zh: '旧式表格未细分此项', en: 'the old-style form does not divide this row' }, undefined, false);
  }
}
