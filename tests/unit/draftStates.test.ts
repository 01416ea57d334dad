import { describe, expect, it } from 'vitest';
import { bestOf, draftState, duplicateGroups, typedCell, type DraftFacts } from '../../src/lib/ingest/draftStates';
import type { DraftMatch } from '../../src/lib/ingest/draftMatch';

const f = (file: string, agency: string, year: number | null, uncertain: string[] = [], failedRules: string[] = []): DraftFacts => ({ file, agency, year, uncertain, failedRules });
const matched = (id: string): DraftMatch => ({ state: 'matched', agency_id: id, name: id, how: 'name' });
const fresh: DraftMatch = { state: 'new', guess: { kind: 'other', level: null, parent_id: null, is_aggregate: false }, rejected: [] };

describe('draft states at a city\'s scale', () => {
  it('finds the same agency-year twice: by matched agency (names may differ) or by the same new name', () => {
    const drafts = [f('a.pdf', '甲局', 2024), f('a.docx', '示例市甲局', 2024), f('b.pdf', '乙局', 2024), f('b.html', '乙局', 2024), f('c.pdf', '乙局', 2023), f('d.pdf', '丙局', null)];
    const matches = [matched('A'), matched('A'), fresh, fresh, fresh, fresh];
    expect(duplicateGroups(drafts, matches)).toEqual([[0, 1], [2, 3]]);
  });

  it('keeps the draft with the fewest uncertain cells, then fewest failed checks', () => {
    const drafts = [f('a.pdf', '甲', 2024, ['x', 'y']), f('a.docx', '甲', 2024, ['x'], ['balance']), f('a.html', '甲', 2024, ['x'])];
    expect(bestOf(drafts, [0, 1, 2])).toBe(2);
  });

  it('orders states: blocked, uncertain, failed, clean', () => {
    expect(draftState(f('a', '甲', 2024, ['x'], ['b']), true)).toBe('blocked');
    expect(draftState(f('a', '甲', 2024, ['x'], ['b']), false)).toBe('uncertain');
    expect(draftState(f('a', '甲', 2024, [], ['b']), false)).toBe('failed');
    expect(draftState(f('a', '甲', 2024), false)).toBe('clean');
  });

  it('reads a typed cell as people type it; what is not a number is an error, never NaN', () => {
    expect(typedCell('1,234', 's3_new_total')).toEqual({ ok: true, value: 1234 });
    expect(typedCell('１２', 's3_new_total')).toEqual({ ok: true, value: 12 });
    for (const blank of ['', ' ', '—', '/']) expect(typedCell(blank, 's3_new_total')).toEqual({ ok: true, value: null });
    expect(typedCell('-3', 's3_new_total')).toEqual({ ok: true, value: -3 });
    expect(typedCell('2.5', 's2_fee_amount')).toEqual({ ok: true, value: 2.5 });
    const bad = typedCell('abc', 's3_new_total');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.zh).toContain('不是数字');
  });
});
