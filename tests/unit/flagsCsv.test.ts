// Flags → CSV: the export's columns, review state, BOM, and formula-safe text.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { flagsToCsv } from '../../src/lib/export/flagsCsv';
import { flagKey, type Flag } from '../../src/lib/rules/rules';

const flag = (over: Partial<Flag> = {}): Flag => ({
  rule: 'negative', severity: 'error', agency_id: 'A', agency: '=甲局', level: '市级部门', year: 2024,
  cells: ['s2_fee_amount'], expected: 0, actual: -0.5, message_zh: '收费金额 = -0.5', message_en: 'fee = -0.5', column: 's2_fee_amount', ...over,
});

describe('flags as CSV', () => {
  it('writes the columns, review state and note, with a BOM, neutralising formula-like text', () => {
    const f = flag();
    const g = flag({ rule: 'missing', agency: '乙局', agency_id: 'B', cells: [], expected: null, actual: null, column: null, message_zh: '缺少 2024 年度报告' });
    const text = flagsToCsv([f, g], 'zh', { reviews: new Map([[flagKey(f), { state: 'confirmed' as const, note: '+已核实，原件如此' }]]) });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0])).toEqual(['rule', 'severity', 'agency_id', 'agency', 'year', 'column', 'cells', 'expected', 'actual', 'message', 'review_state', 'review_note']);
    expect(rows[0]).toMatchObject({ agency: "'=甲局", actual: '-0.5', review_state: 'confirmed', review_note: "'+已核实，原件如此", message: '收费金额 = -0.5' });
    expect(rows[1]).toMatchObject({ rule: 'missing', cells: '', expected: '', review_state: 'open', review_note: '' });
  });

  it('without reviews and BOM, for the command line', () => {
    const text = flagsToCsv([flag({ agency: '甲局' })], 'en', { bom: false });
    expect(text.startsWith('rule,severity,')).toBe(true);
    expect(text).toContain('fee = -0.5');
    expect(text).not.toContain('review_state');
  });
});
