import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import {
  CELLS, CELL_CODES, CODE_BY_ZH_HEADER, OUTCOME_GROUPS, S3_COLUMNS, S3_PART_COLUMNS, S3_ROWS, S4_GROUPS, codesOfGroup, s3RowsOfGroup,
} from '../../src/lib/format/cells';
import { RATES, rate } from '../../src/lib/format/rates';
import { deadlineFor } from '../../src/lib/format/levels';

const csv = Papa.parse<Record<string, string>>(readFileSync('src/lib/format/cells.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('format module', () => {
  it('is exactly the project copy of cells.csv (200 cells, same order and labels)', () => {
    expect(CELLS).toHaveLength(200);
    expect(CELLS.map((c) => ({ ...c }))).toEqual(csv);
  });

  it('the project copy matches the shared contract when it is present', () => {
    let shared: string | null = null;
    try { shared = readFileSync('../shared/report-format/cells.csv', 'utf8'); } catch { /* not beside this clone */ }
    if (shared !== null) expect(readFileSync('src/lib/format/cells.csv', 'utf8')).toBe(shared);
  });

  it('section 三 is 25 rows × 7 columns in form order', () => {
    expect(S3_COLUMNS).toEqual(['natural', 'business', 'research', 'ngo', 'legal', 'other_org', 'total']);
    expect(S3_PART_COLUMNS).toHaveLength(6);
    expect(S3_ROWS).toHaveLength(25);
    expect(S3_ROWS[0].codes.total).toBe('s3_new_total');
    expect(S3_ROWS.at(-1)!.key).toBe('carried_out');
  });

  it('subtotal groups come from the group column: 8 refusal, 3 unable, 5 not processed, 3 other', () => {
    expect(s3RowsOfGroup('outcome_refused')).toHaveLength(8);
    expect(s3RowsOfGroup('outcome_unable')).toHaveLength(3);
    expect(s3RowsOfGroup('outcome_not_processed')).toHaveLength(5);
    expect(s3RowsOfGroup('outcome_other')).toHaveLength(3);
    expect(OUTCOME_GROUPS).toEqual(['outcome_granted', 'outcome_partial', 'outcome_refused', 'outcome_unable', 'outcome_not_processed', 'outcome_other']);
    // each refusal row's label in the CSV starts with 不予公开
    for (const r of s3RowsOfGroup('outcome_refused')) expect(r.label_zh).toMatch(/^不予公开/);
    expect(codesOfGroup('proactive')).toHaveLength(10);
  });

  it('section 四: three groups of upheld/corrected/other/pending/total', () => {
    expect(S4_GROUPS.map((g) => g.total)).toEqual(['s4_review_total', 's4_suit_direct_total', 's4_suit_after_review_total']);
    expect(S4_GROUPS[0].parts).toEqual(['s4_review_upheld', 's4_review_corrected', 's4_review_other', 's4_review_pending']);
  });

  it('every cell has a unique Chinese row|col header', () => {
    expect(CODE_BY_ZH_HEADER.size).toBe(CELL_CODES.length);
  });

  it('rates: zero or blank denominators are undefined, never 0%', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, null)).toBeNull();
    expect(rate(null, 5)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    const open = RATES.find((r) => r.name === 'open_rate')!;
    expect(open.numerator).toEqual(['s3_granted_total', 's3_partial_total']);
    expect(open.denominator).toEqual(['s3_handled_total_total']);
    const review = RATES.find((r) => r.name === 'review_correction_rate')!;
    expect(review.denominator).not.toContain('s4_review_pending');
  });

  it('deadlines: 31 March for county-level-and-above governments, 31 January otherwise', () => {
    expect(deadlineFor('区县', 2023)).toBe('2024-03-31');
    expect(deadlineFor('市级部门', 2023)).toBe('2024-01-31');
    expect(deadlineFor(null, 2023)).toBe('2024-01-31');
  });
});
