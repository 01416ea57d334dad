import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../src/lib/format/cells';
import { parseReportText } from '../../src/lib/ingest/reportText';

const dir = new URL('../fixtures/reports/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const expected = (name: string) => JSON.parse(read(name)) as { agency: string; year: number; cells: Record<string, number | null> };

describe('parseReportText — the real fixture (中卫市数据局 2024, text extracted from its PDF)', () => {
  const r = parseReportText(read('zhongwei-data-bureau-2024.txt'));
  const exp = expected('zhongwei-data-bureau-2024.expected.json');

  it('reads agency and year from the title and preamble', () => {
    expect(r.agency).toBe(exp.agency);
    expect(r.year).toBe(exp.year);
  });
  it('gives exactly the expected 200 cells', () => {
    expect(Object.keys(r.cells).sort()).toEqual([...CELL_CODES].sort());
    expect(r.cells).toEqual(exp.cells);
  });
  it('passes its sums and warns only about the blank fee', () => {
    expect(r.failedRules).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['s2_fee_amount']);
  });
  it('records the source line of each value', () => {
    expect(r.sources.s3_new_natural).toEqual({ line: 153 });
    expect(r.sources.s3_unable_not_held_total).toEqual({ line: 186 });
    expect(r.sources.s4_review_upheld).toEqual({ line: 282 });
  });
});
