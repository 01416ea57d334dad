// The official form's layout derived from cells.csv: every cell once, headers merged as printed.
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../src/lib/format/cells';
import { FORM_ORDER, S2_BLOCKS, S3_COLUMN_LABELS, S3_LINES, S4_LAYOUT, splitLabel } from '../../src/lib/format/formLayout';

describe('form layout', () => {
  it('places each of the 200 cells exactly once', () => {
    expect(FORM_ORDER).toHaveLength(CELL_CODES.length);
    expect(new Set(FORM_ORDER)).toEqual(new Set(CELL_CODES));
  });

  it('section 二: four article tables as printed', () => {
    expect(S2_BLOCKS.map((b) => b.item)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    expect(S2_BLOCKS[0].columns).toEqual(['本年制发件数', '本年废止件数', '现行有效件数']);
    expect(S2_BLOCKS[0].rows.map((r) => r.label)).toEqual(['规章', '行政规范性文件']);
    expect(S2_BLOCKS[2].rows.map((r) => r.codes)).toEqual([['s2_penalty_decisions'], ['s2_coercion_decisions']]);
  });

  it('section 三: numbered rows with merged group headers', () => {
    expect(S3_COLUMN_LABELS).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(S3_LINES[0].heads).toEqual([{ text: '一、本年新收政府信息公开申请数量', colspan: 3 }]);
    const granted = S3_LINES.find((l) => l.key === 'granted')!;
    expect(granted.heads).toEqual([{ text: '三、本年度办理结果', rowspan: 22 }, { text: '（一）予以公开', colspan: 2 }]);
    const secret = S3_LINES.find((l) => l.key === 'deny_state_secret')!;
    expect(secret.heads).toEqual([{ text: '（三）不予公开', rowspan: 8 }, { text: '1.属于国家秘密' }]);
    expect(S3_LINES.find((l) => l.key === 'deny_law_prohibited')!.heads).toEqual([{ text: '2.其他法律行政法规禁止公开' }]);
    expect(S3_LINES.find((l) => l.key === 'handled_total')!.heads).toEqual([{ text: '（七）总计', colspan: 2 }]);
    expect(S3_LINES.at(-1)!.heads).toEqual([{ text: '四、结转下年度继续办理', colspan: 3 }]);
    // every line spans three header columns
    const spans = new Map<number, number>();
    S3_LINES.forEach((l, i) => l.heads.forEach((h) => {
      for (let r = i; r < i + (h.rowspan ?? 1); r++) spans.set(r, (spans.get(r) ?? 0) + (h.colspan ?? 1));
    }));
    expect([...spans.values()].every((n) => n === 3)).toBe(true);
  });

  it('section 四: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉) × results', () => {
    const [r1, r2, r3] = S4_LAYOUT.header;
    expect(r1).toEqual([{ text: '行政复议', colspan: 5, rowspan: 2 }, { text: '行政诉讼', colspan: 10, rowspan: 1 }]);
    expect(r2).toEqual([{ text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }]);
    expect(r3.slice(0, 5).map((h) => h.text)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(S4_LAYOUT.codes[4]).toBe('s4_review_total');
    expect(splitLabel('总计')).toEqual(['', '总计']);
  });
});
