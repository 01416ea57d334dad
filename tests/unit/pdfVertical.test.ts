// Vertical group labels in PDF tables (三、本年度办理结果 printed one character per line down a
// merged cell): the characters take no part in forming lines, and come back as one label on the
// line of their first character; every row keeps exactly its own numbers.
import { describe, expect, it } from 'vitest';
import { itemsToLines, type TextItem } from '../../src/lib/ingest/docs/pdfLayout';
import { joinVerticalLabels } from '../../src/lib/ingest/docs/pdfVertical';

const item = (str: string, x: number, y: number, width = str.length * 10): TextItem => ({ str, x, y, width, height: 10 });
const LABELS = ['（一）予以公开', '（二）部分公开', '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息'];

/** A section-三 block: rows `pitch` apart, seven distinct numbers each, and the group label's
 *  characters stacked down the left edge `charPitch` apart from `charTop`. */
function block(pitch: number, charPitch: number, charTop: number, label = '三、本年度办理结果') {
  const items: TextItem[] = [];
  const rows: number[][] = [];
  LABELS.forEach((l, r) => {
    const y = 600 - r * pitch;
    items.push(item(l, 40, y));
    const nums = Array.from({ length: 7 }, (_, c) => 100 * (r + 1) + c + 1);
    rows.push(nums);
    nums.forEach((n, c) => items.push(item(String(n), 300 + c * 40, y, 15)));
  });
  Array.from(label).forEach((ch, k) => items.push(item(ch, 10, charTop - k * charPitch, 10)));
  return { items, rows };
}

function checkRows(lines: string[], rows: number[][]) {
  const numberLines = lines.map((l) => l.match(/\b\d{3}\b/g)?.map(Number) ?? []).filter((n) => n.length);
  expect(numberLines).toEqual(rows);
}

describe('vertical group labels in PDF tables', () => {
  for (const [pitch, charPitch, top, what] of [
    [14, 10, 604, 'characters denser than the rows, the first above the first row'],
    [14, 14, 597, 'characters at the row pitch, each between two rows'],
    [12, 9, 606, 'tight rows: characters sit in the bands of two rows'],
    [20, 12, 590, 'tall rows, label centred'],
    [14, 18, 606, 'characters sparser than the rows (one per <br> in a tall font)'],
  ] as const) {
    it(`each row keeps exactly its seven numbers: ${what}`, () => {
      const { items, rows } = block(pitch, charPitch, top);
      const lines = itemsToLines(items);
      checkRows(lines, rows);
      expect(lines.filter((l) => l.includes('三、本年度办理结果'))).toHaveLength(1);
      // no stray single character left on a line of its own
      expect(lines.filter((l) => /^\s*\S\s*$/.test(l))).toEqual([]);
    });
  }

  it('joins each stacked label once, top to bottom, and leaves ordinary text alone', () => {
    const items = [
      ...Array.from('申请人情况').map((c, k) => item(c, 500, 700 - k * 11, 10)),
      ...Array.from('四、结转下年度继续办理').map((c, k) => item(c, 10, 400 - k * 10, 10)),
      item('行政许可', 40, 650), item('11', 300, 650, 10),
    ];
    const { labels, items: out } = joinVerticalLabels(items, 10);
    expect(labels).toEqual(['申请人情况', '四、结转下年度继续办理']);
    expect(out.filter((i) => i.str === '行政许可' || i.str === '11')).toHaveLength(2);
  });

  it('does not take a column of digits, nor a word whose characters are separate items, for a label', () => {
    // the same column of single digits down five rows (a value column), and a row label whose
    // characters pdf.js gave one by one, side by side
    const digits = Array.from({ length: 5 }, (_, k) => item(String(k + 1), 300, 600 - k * 14, 6));
    const word = Array.from('行政许可').map((c, k) => item(c, 40 + k * 10, 500, 10));
    const stacked = Array.from({ length: 4 }, (_, r) => Array.from('规章').map((c, k) => item(c, 40 + k * 10, 400 - r * 14, 10))).flat();
    expect(joinVerticalLabels([...digits, ...word, ...stacked], 10).labels).toEqual([]);
  });
});
