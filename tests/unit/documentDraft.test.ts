// What stops a reviewed document from loading: the reviewer sees each problem on its cell.
import { describe, expect, it } from 'vitest';
import { draftProblems, type DocumentDraft } from '../../src/lib/ingest/document';
import { emptyCells } from '../../src/lib/format/record';

const draft = (cells: Partial<DocumentDraft['cells']>, over: Partial<DocumentDraft> = {}): DocumentDraft => ({
  file: 'r.pdf', kind: 'pdf', text: '', agency: '示例市甲局', year: 2024, published_on: null, published_on_source: null, cells: { ...emptyCells(), ...cells },
  warnings: [], failedRules: [], sources: {}, uncertain: [], ...over,
});

describe('document drafts', () => {
  it('a clean draft has no problems', () => {
    expect(draftProblems(draft({ s3_new_natural: 3, s2_fee_amount: 1.5 }), 2025)).toEqual([]);
  });

  it('names the cell of a too large count, and the missing agency and year; a negative or fractional count is the report\'s fault, not a refusal', () => {
    const ps = draftProblems(draft({ s3_new_natural: -1, s3_new_legal: 1.5, s3_new_business: 2 ** 31 }, { agency: ' ', year: 2031 }), 2025);
    expect(ps.map((p) => p.column).sort()).toEqual(['agency', 's3_new_business', 'year']);
    expect(ps.find((p) => p.column === 's3_new_business')!.message_en).toMatch(/too large/);
    expect(ps.every((p) => p.file === 'r.pdf' && p.severity === 'error')).toBe(true);
  });
});
