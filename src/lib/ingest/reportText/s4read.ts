// Section 四: one row of fifteen cells (three groups of 结果维持 … 总计) after its header, read from
// the longest run of values not interrupted by text; or three small tables, one per group; or
// placed under the header's columns when the row has blanks. Cells all possible readings share
// are kept when several fit.
import type { CellCode } from '../../format/cells';
import type { ParseWarning } from '../reportText';
import { headerColumns, placeByHeader } from './columns';
import { charIndexAt, pos, posLi, tokensBetween, type Doc, type Tok } from './doc';
import { S4_CODES, cellNames, labelChars } from './labels';
import type { Match } from './match';
import { groupCheck, type CellWarn, type Store } from './read';
import { readRow, type Msg, type RowRead } from './region';
import { readS4Groups } from './s4groups';
import { agreeing } from './solve';

export function readSection4(
  doc: Doc, matches: Match[], byId: Map<string, number>, docEnd: number, mode: 'rows' | 'cells',
  cellWarn: CellWarn, store: Store, warnings: ParseWarning[], inferred: Set<CellCode>,
  maybeStray: (c: CellCode, r: RowRead, li?: number) => void,
) {
  const starts = ['s4', 's4header'].map((id) => byId.get(id)).filter((i): i is number => i !== undefined);
  const fail = (why: Msg) => S4_CODES.forEach((c) => cellWarn(c, why));
  if (!starts.length) return fail({ zh: '未找到第四部分（行政复议、行政诉讼）表格', en: 'section 四 table not found' });
  const from = matches[Math.max(...starts)].endPos;
  const s5 = byId.get('s5');
  const until = s5 !== undefined ? matches[s5].cutPos : docEnd;
  // the values: the longest run of tokens not interrupted by text (a page number inside the
  // broken header is a run of its own); the header ends at the text before it
  const inS4 = tokensBetween(doc, from, until);
  if (!inS4.length) return fail({ zh: '表格中没有数字', en: 'no values in the table' });
  const grouped = readS4Groups(doc, from, until);
  if (grouped) {
    store([...S4_CODES], grouped.values, grouped.lines);
    for (const c of S4_CODES) inferred.add(c);
    warnings.push({
      row: '行政复议、行政诉讼', line: doc.lines[grouped.lines[0]].no, codes: [...S4_CODES],
      message_zh: '第四部分分为三个小表，按表的先后依次读作行政复议、未经复议直接起诉、复议后起诉',
      message_en: 'section 四 printed as three small tables, read in order as review, direct suit, suit after review',
    });
    return;
  }
  const charPos = (k: number) => pos(doc.charLi[k], doc.charCol[k]);
  const firstChar = charIndexAt(doc, from);
  const runs: Tok[][] = [];
  let ci = firstChar;
  for (const t of inS4) {
    const p = pos(t.li, t.col);
    let textBetween = false;
    while (ci < doc.chars.length && charPos(ci) < p) {
      if (runs.length && charPos(ci) > pos(runs[runs.length - 1].at(-1)!.li, runs[runs.length - 1].at(-1)!.col)) textBetween = true;
      ci++;
    }
    if (!runs.length || textBetween) runs.push([t]);
    else runs[runs.length - 1].push(t);
  }
  const run = runs.reduce((a, b) => (b.length > a.length ? b : a));
  const first = run[0];
  const fp = pos(first.li, first.col);
  let labelEnd = from;
  let end = until;
  for (let k = firstChar; k < doc.chars.length; k++) {
    const p = charPos(k);
    if (p >= from && p < fp) labelEnd = p + 1;
    if (p > fp) {
      end = Math.min(end, p);
      break;
    }
  }
  const n = S4_CODES.length;
  let r = readRow(doc, { n, start: labelEnd, end, labelEnd, mode, check: groupCheck(n / 3), groupSize: n / 3 });
  if (r.status === 'failed' && r.layoutLine) {
    // values on one line, fewer than the cells: place them under the column headers above them
    // (结果维持 … 总计, three times), on the same page
    const toks = r.layoutLine;
    const page = doc.lines[toks[0].li].page;
    const top = Math.min(...starts.map((i) => posLi(matches[i].startPos)));
    const lis: number[] = [];
    for (let li = Math.max(top, toks[0].li - 15); li < toks[0].li; li++) if (doc.lines[li].page === page) lis.push(li);
    const cols = toks.every((t) => doc.lines[t.li].page === page)
      ? headerColumns(doc, lis, S4_CODES.map((c) => labelChars(cellNames(c).column)))
      : null;
    const placed = cols && placeByHeader(toks, cols);
    if (placed) {
      r = {
        status: 'ok', values: placed.map((t) => t?.value ?? null), lines: placed.map((t) => t?.li), uncertainNulls: r.stray, strayValues: r.strayValues,
        note: { zh: '空格按表头各列位置判定', en: 'blank cells placed by the positions of the table\'s column headers' },
      };
    }
  }
  if (r.status === 'ok') {
    if (r.uncertainNulls) S4_CODES.forEach((c, j) => r.values![j] === null && maybeStray(c, r, first.li));
    store([...S4_CODES], r.values!, r.lines);
    if (r.note) {
      for (const c of S4_CODES) inferred.add(c);
      warnings.push({
        row: '行政复议、行政诉讼', line: doc.lines[first.li].no, codes: [...S4_CODES],
        message_zh: `第四部分：${r.note.zh}`, message_en: `section 四: ${r.note.en}`,
      });
    }
  } else if (r.status === 'ambiguous' && agreeing(r.candidates!.map((c) => c.values)).some((v) => v !== undefined && v !== null)) {
    // several readings fit: keep the cells they all agree on
    const same = agreeing(r.candidates!.map((c) => c.values));
    const why = { zh: `${r.note!.zh}，有 ${r.candidates!.length} 种读法，此格各不相同`, en: `${r.note!.en}; ${r.candidates!.length} readings fit and differ in this cell` };
    S4_CODES.forEach((c, j) => {
      if (same[j] === undefined || same[j] === null) return cellWarn(c, why, first.li);
      store([c], [same[j]!], [r.candidates![0].lines[j]]);
      inferred.add(c);
    });
  } else {
    const why = r.status === 'ambiguous'
      ? { zh: `${r.note!.zh}，无法确定`, en: `${r.note!.en}; cannot tell which` }
      : r.note ?? { zh: '无法读取', en: 'could not be read' };
    fail(why);
  }
}
