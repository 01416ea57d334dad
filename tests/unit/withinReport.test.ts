import { describe, expect, it } from 'vitest';
import { CARRIED_OUT_ROW, HANDLED_ROW, RECEIVED_ROWS, S3_ROWS, S4_GROUPS, type CellCode } from '../../src/lib/format/cells';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import { checkWithinReport } from '../../src/lib/rules/withinReport';

/** A valid record: 一 new 10+2+1+0+0+3=16, 二 carried in 2+0+…; handled = granted 7 + not_held 4 + … */
function valid(): CellValues {
  const c = emptyCells();
  for (const k of Object.keys(c) as CellCode[]) c[k] = 0;
  const set = (row: (typeof S3_ROWS)[number], parts: number[]) => {
    (['natural', 'business', 'research', 'ngo', 'legal', 'other_org'] as const).forEach((col, i) => (c[row.codes[col]] = parts[i]));
    c[row.codes.total] = parts.reduce((a, b) => a + b, 0);
  };
  const row = (key: string) => S3_ROWS.find((r) => r.key === key)!;
  set(RECEIVED_ROWS[0], [10, 2, 1, 0, 0, 3]);
  set(RECEIVED_ROWS[1], [2, 0, 0, 0, 1, 0]);
  set(row('granted'), [6, 1, 0, 0, 1, 2]);
  set(row('unable_not_held'), [4, 1, 0, 0, 0, 1]);
  set(HANDLED_ROW, [10, 2, 0, 0, 1, 3]);
  set(CARRIED_OUT_ROW, [2, 0, 1, 0, 0, 0]);
  c.s4_review_upheld = 2; c.s4_review_corrected = 1; c.s4_review_pending = 1; c.s4_review_total = 4;
  c.s2_fee_amount = 1.25;
  return c;
}
const rules = (c: CellValues) => checkWithinReport(c).map((f) => f.rule);

describe('checkWithinReport', () => {
  it('passes a consistent record (a fractional fee is allowed)', () => {
    expect(checkWithinReport(valid())).toEqual([]);
  });
  it('balance: 一 + 二 = 三（七） + 四, per column', () => {
    const c = valid();
    c.s3_carried_out_natural = 3; c.s3_carried_out_total = 4; // keeps column_sum, breaks balance
    c.s3_new_natural = 11; c.s3_new_total = 17; // and back in balance
    expect(rules(c)).toEqual([]);
    c.s3_new_business = 3; c.s3_new_total = 18;
    const f = checkWithinReport(c);
    expect(f.map((x) => [x.rule, x.column, x.expected, x.actual])).toEqual([['balance', 'business', 3, 2], ['balance', 'total', 21, 20]]);
    expect(f[0].cells).toEqual(['s3_new_business', 's3_carried_in_business', 's3_handled_total_business', 's3_carried_out_business']);
  });
  it('outcome_sum: 三（七） = Σ outcomes, per column', () => {
    const c = valid();
    c.s3_reject_duplicate_research = 1; c.s3_reject_duplicate_total = 1;
    const f = checkWithinReport(c);
    expect(f.map((x) => [x.rule, x.column, x.expected, x.actual])).toEqual([['outcome_sum', 'research', 0, 1], ['outcome_sum', 'total', 16, 17]]);
  });
  it('column_sum: 总计 = the six applicant columns, for every row', () => {
    const c = valid();
    c.s3_granted_total = 11;
    c.s3_handled_total_total = 17; c.s3_carried_out_total = 2; // keep the total column's other sums
    const f = checkWithinReport(c).filter((x) => x.rule === 'column_sum');
    expect(f.map((x) => [x.cells[0], x.expected, x.actual])).toEqual([['s3_granted_total', 11, 10], ['s3_handled_total_total', 17, 16], ['s3_carried_out_total', 2, 3]]);
  });
  it('s4_sum: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group', () => {
    const c = valid();
    expect(rules(c)).toEqual([]);
    c.s4_suit_after_review_other = 2;
    expect(checkWithinReport(c)).toEqual([{ rule: 's4_sum', cells: [S4_GROUPS[2].total, ...S4_GROUPS[2].parts], expected: 0, actual: 2, column: undefined }]);
  });
  it('negative: no negative cell, counts are whole numbers', () => {
    const c = valid();
    c.s2_penalty_decisions = -1;
    c.s2_license_decisions = 2.5;
    c.s2_fee_amount = 0.5;
    expect(checkWithinReport(c).map((f) => [f.rule, f.cells[0], f.actual])).toEqual([
      ['negative', 's2_license_decisions', 2.5], ['negative', 's2_penalty_decisions', -1],
    ]);
  });
  it('a blank cell makes a check not checkable for that column: skipped, neither pass nor fail', () => {
    const c = valid();
    c.s3_new_business = 99; // would break balance and column_sum …
    c.s3_new_total = null; // … but the total is blank: column_sum not checkable; balance(total) neither
    expect(checkWithinReport(c).map((f) => [f.rule, f.column])).toEqual([['balance', 'business']]);
    c.s3_carried_out_business = null; // now balance(business) is not checkable either
    expect(checkWithinReport(c)).toEqual([]);
    c.s4_review_total = null;
    c.s4_review_upheld = 100;
    expect(checkWithinReport(c)).toEqual([]);
  });
  it('an all-blank record has nothing checkable', () => {
    expect(checkWithinReport(emptyCells())).toEqual([]);
  });
});
