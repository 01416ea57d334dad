// The review's helpers at a city's scale: duplicate copies side by side, failed rules with their
// cells, and moving through drafts and uncertain cells from the keyboard.
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../src/lib/format/cells';
import { compareDrafts } from '../../src/lib/ingest/draftCompare';
import { failedRuleIds, failedRulesOf } from '../../src/lib/ingest/ruleCells';
import { reviewOrder, stepDraft, stepUncertain } from '../../src/lib/ingest/reviewNav';
import { WITHIN_REPORT_EQUATIONS } from '../../src/lib/rules/withinReport';
import { randomRecord } from '../fixtures/reports/randomRecord';

describe('duplicate copies side by side', () => {
  it('lists each differing cell with both values and where each copy was uncertain; a blank is not a zero', () => {
    const a = randomRecord(11);
    const b = { ...a, s3_new_natural: (a.s3_new_natural ?? 0) + 7, s4_review_total: null };
    a.s4_review_total = 0;
    const cmp = compareDrafts([{ cells: a, uncertain: ['s3_new_natural'] }, { cells: b, uncertain: [] }]);
    expect(cmp.diffs.map((d) => d.code)).toEqual(['s3_new_natural', 's4_review_total']);
    expect(cmp.diffs[0].values).toEqual([a.s3_new_natural, a.s3_new_natural! + 7]);
    expect(cmp.diffs[0].uncertain).toEqual([true, false]);
    expect(cmp.diffs[1].values).toEqual([0, null]);
    expect(cmp.agree).toBe(CELL_CODES.length - 2);
  });

  it('identical copies differ nowhere', () => {
    const a = randomRecord(12);
    expect(compareDrafts([{ cells: a, uncertain: [] }, { cells: { ...a }, uncertain: ['s3_new_total'] }])).toEqual({ diffs: [], agree: CELL_CODES.length });
  });
});

describe('failed rules with the cells involved', () => {
  it('a consistent report fails none', () => {
    expect(failedRulesOf(randomRecord(21))).toEqual([]);
  });

  it('one changed cell fails the rules whose equations hold it, each with exactly its equations\' cells', () => {
    const cells = randomRecord(22);
    cells.s3_new_natural = (cells.s3_new_natural ?? 0) + 5;
    const failed = failedRulesOf(cells);
    expect(failed.map((r) => r.rule).sort()).toEqual(['balance', 'column_sum']);
    for (const r of failed) {
      const eqs = WITHIN_REPORT_EQUATIONS.filter((e) => e.rule === r.rule && [...e.lhs, ...e.rhs].includes('s3_new_natural'));
      expect(new Set(r.cells)).toEqual(new Set(eqs.flatMap((e) => [...e.lhs, ...e.rhs])));
      expect(r.failures.every((f) => f.lhs.length > 0 && f.lhs.length + f.rhs.length === f.cells.length)).toBe(true);
    }
    expect(failedRuleIds(cells).sort()).toEqual(['balance', 'column_sum']);
  });

  it('a negative count names its one cell', () => {
    const cells = randomRecord(23);
    cells.s2_regulation_issued = -2;
    const neg = failedRulesOf(cells).find((r) => r.rule === 'negative')!;
    expect(neg.cells).toEqual(['s2_regulation_issued']);
    expect(neg.failures[0].lhs).toEqual(['s2_regulation_issued']);
  });
});

describe('moving through the review from the keyboard', () => {
  const states = ['clean', 'blocked', 'uncertain', 'clean', 'uncertain', 'failed'] as const;
  it('orders blocked, uncertain, failed, clean, each in file order; filters by state', () => {
    expect(reviewOrder(states, null)).toEqual([1, 2, 4, 5, 0, 3]);
    expect(reviewOrder(states, 'uncertain')).toEqual([2, 4]);
  });

  it('steps through drafts in list order, clamped; a draft not shown goes to the first', () => {
    const order = reviewOrder(states, null);
    expect(stepDraft(order, 2, 1)).toBe(4);
    expect(stepDraft(order, 2, -1)).toBe(1);
    expect(stepDraft(order, 3, 1)).toBe(3);
    expect(stepDraft([2, 4], 0, 1)).toBe(2);
    expect(stepDraft([], 0, 1)).toBeNull();
  });

  it('steps through uncertain cells, on to the next draft that has any, and back', () => {
    const order = [1, 2, 4, 5, 0, 3];
    const counts = [0, 0, 2, 0, 1, 0];
    expect(stepUncertain(order, counts, 2, -1, 1)).toEqual({ draft: 2, cell: 0 });
    expect(stepUncertain(order, counts, 2, 0, 1)).toEqual({ draft: 2, cell: 1 });
    expect(stepUncertain(order, counts, 2, 1, 1)).toEqual({ draft: 4, cell: 0 });
    expect(stepUncertain(order, counts, 4, 0, 1)).toBeNull();
    expect(stepUncertain(order, counts, 4, 0, -1)).toEqual({ draft: 2, cell: 1 });
    expect(stepUncertain(order, counts, 1, -1, 1)).toEqual({ draft: 2, cell: 0 });
  });
});

describe('user data inside an English message', () => {
  it('splits the Chinese runs out, in order, nothing lost', async () => {
    const { zhRuns } = await import('../../src/lib/i18n/zhRuns');
    const text = 'the same agency and year (示例市教育局 2024) as "教育局年报（网页版）.html": keep only one';
    const runs = zhRuns(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.zh).map((r) => r.text)).toEqual(['示例市教育局', '教育局年报（网页版）']);
    expect(zhRuns('no Chinese here')).toEqual([{ text: 'no Chinese here', zh: false }]);
  });
});
