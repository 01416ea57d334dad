// Blank cells in space-aligned PDF text (pdf.js items → pdfLayout.ts lines): a short row's values
// are placed by the table's full rows or by its column headers, only where that is unambiguous.
// The pages here are built from text items as pdf.js gives them (x, y, width; 10 pt text, so a
// layout unit is 5 pt: a digit one unit, a Han character two).
import { describe, expect, it } from 'vitest';
import type { CellCode } from '../../src/lib/format/cells';
import { itemsToLines, pagesToText, type TextItem } from '../../src/lib/ingest/docs/pdfLayout';
import { parseReportText, type ParsedReport } from '../../src/lib/ingest/reportText';
import { displayWidth } from '../../src/lib/ingest/reportText/columns';
import { prng } from '../fixtures/reports/randomRecord';

/** An item centred at cx (or starting at x when `left`), 10 pt high. */
const at = (str: string, cx: number, y: number, left = false): TextItem => {
  const width = displayWidth(str) * 5;
  return { str, x: left ? cx : cx - width / 2, y, width, height: 10 };
};
const page = (items: TextItem[]) => itemsToLines(items);
const text = (...pages: string[][]) => pagesToText(pages.map((lines, i) => ({ page: i + 1, lines })));

const TITLE = [at('示例市数据局2024年政府信息公开工作年度报告', 0, 800, true), at('二、主动公开政府信息情况', 0, 780, true)];
const END = [at('三、收到和处理政府信息公开申请情况', 0, 600, true), at('四、政府信息公开行政复议、行政诉讼情况', 0, 590, true)];
/** Section 二 (一): header cells centred at 120, 200, 280 (60 pt wide each, 20 pt apart). */
const COLS = [120, 200, 280];
const header = (y: number, shift = 0) => [
  at('信息内容', 30, y), ...['本年制发件数', '本年废止件数', '现行有效件数'].map((h, j) => at(h, COLS[j] + shift, y)),
];
const row = (label: string, y: number, values: (number | null)[], offsets: number[] = [0, 0, 0]) => [
  at(label, 30, y),
  ...values.flatMap((v, j) => (v === null ? [] : [at(String(v), COLS[j] + offsets[j], y)])),
];
const REG: CellCode[] = ['s2_regulation_issued', 's2_regulation_repealed', 's2_regulation_in_force'];
const NOR: CellCode[] = ['s2_normative_issued', 's2_normative_repealed', 's2_normative_in_force'];
const cellsOf = (r: ParsedReport, codes: CellCode[]) => codes.map((c) => r.cells[c]);
const warned = (r: ParsedReport, c: CellCode) => r.warnings.some((w) => w.code === c);

describe('blank cells placed by column headers (pdf.js layout)', () => {
  it('every row of the table has a blank: values go under their headers, with a note per row', () => {
    const r = parseReportText(text(page([...TITLE, ...header(760), ...row('规章', 745, [197, 0, null]), ...row('行政规范性文件', 730, [null, 0, 2295]), ...END])));
    expect(cellsOf(r, REG)).toEqual([197, 0, null]);
    expect(cellsOf(r, NOR)).toEqual([null, 0, 2295]);
    for (const c of [...REG, ...NOR]) expect(warned(r, c)).toBe(false);
    expect(r.warnings.filter((w) => /column headers/.test(w.message_en)).map((w) => w.row)).toEqual(['规章', '行政规范性文件']);
  });

  it('values anywhere inside their cells, any blanks: each cell exact, or null with a warning', () => {
    let placed = 0;
    for (let s = 1; s <= 300; s++) {
      const rnd = prng(s);
      const vals = () => COLS.map(() => (rnd() < 0.4 ? null : Math.floor(rnd() ** 3 * 9999)));
      const offs = () => COLS.map(() => Math.round((rnd() * 2 - 1) * 28));
      const a = vals();
      const b = vals();
      const r = parseReportText(text(page([...TITLE, ...header(760), ...row('规章', 745, a, offs()), ...row('行政规范性文件', 730, b, offs()), ...END])));
      [...REG, ...NOR].forEach((c, k) => {
        const truth = [...a, ...b][k];
        if (r.cells[c] !== truth) expect({ s, c, got: r.cells[c], truth, warned: warned(r, c) }).toEqual({ s, c, got: null, truth, warned: true });
        else if (truth !== null) placed++;
      });
    }
    expect(placed).toBeGreaterThan(500);
  });

  it('header labels run together, or the header on another page: nothing placed, null with warnings', () => {
    const joined = [at('信息内容', 30, 760), at('本年制发件数本年废止件数现行有效件数', 200, 760)];
    const rows = [...row('规章', 745, [197, 0, null]), ...row('行政规范性文件', 730, [null, 0, 2295])];
    for (const t of [
      text(page([...TITLE, ...joined, ...rows, ...END])),
      text(page([...TITLE, ...header(760)]), page([...rows, ...END])),
    ]) {
      const r = parseReportText(t);
      for (const c of [...REG, ...NOR]) {
        expect(r.cells[c]).toBeNull();
        expect(warned(r, c)).toBe(true);
      }
    }
  });

  it('a header that disagrees with the table\'s full row is not used', () => {
    // the header is drawn 40 pt to the right of its columns: the full row shows where they are
    const r = parseReportText(text(page([...TITLE, ...header(760, 40), ...row('规章', 745, [5, 6, 7]), ...row('行政规范性文件', 730, [null, 8, 9]), ...END])));
    expect(cellsOf(r, REG)).toEqual([5, 6, 7]);
    expect(cellsOf(r, NOR)).toEqual([null, 8, 9]);
    expect(r.warnings.some((w) => /column headers/.test(w.message_en))).toBe(false);
    // without the full row, the values stand between that header's columns: nothing is placed
    const r2 = parseReportText(text(page([...TITLE, ...header(760, 40), ...row('规章', 745, [5, null, 7]), ...row('行政规范性文件', 730, [null, 8, 9]), ...END])));
    for (const c of [...REG, ...NOR]) expect([r2.cells[c], warned(r2, c)]).toEqual([null, true]);
  });

  it('section 四: wrapped headers (结果维 / 持), repeated in three groups, and blank cells', () => {
    const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const xs = Array.from({ length: 15 }, (_, k) => 40 + k * 40 + Math.floor(k / 5) * 20);
    const head: TextItem[] = [at('四、政府信息公开行政复议、行政诉讼情况', 0, 700, true), at('行政复议', 130, 690), at('行政诉讼', 460, 690)];
    xs.forEach((x, k) => {
      const l = labels[k % 5];
      if (l === '总计') head.push(at(l, x, 675));
      else head.push(at(l.slice(0, 3), x, 680), at(l.slice(3), x, 670));
    });
    const vals = [3, 1, null, 0, 4, 2, 0, 0, null, 2, null, 1, 1, 0, 2];
    const items = [...TITLE, ...header(760), ...row('规章', 745, [1, 2, 3]), ...row('行政规范性文件', 730, [4, 5, 6]),
      ...head, ...vals.flatMap((v, k) => (v === null ? [] : [at(String(v), xs[k], 655)])), at('五、存在的主要问题及改进情况', 0, 600, true)];
    const r = parseReportText(text(page(items)));
    const s4 = Object.keys(r.cells).filter((c) => c.startsWith('s4_')) as CellCode[];
    expect(s4.map((c) => r.cells[c])).toEqual(vals);
    expect(r.warnings.some((w) => /section 四: blank cells placed by the positions of the table's column headers/.test(w.message_en))).toBe(true);
  });
});
