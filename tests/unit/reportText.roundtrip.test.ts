// Property-style round trip: random records that are valid by the form's sums, written as report
// text in each layout by renderText, parsed back: every one of the 200 cells must come back.
import { describe, expect, it } from 'vitest';
import {
  CARRIED_OUT_ROW, HANDLED_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_PART_COLUMNS, S3_ROWS, S3_TOTAL_COLUMN,
  S4_GROUPS, SECTION2_CODES, allowsFraction, s3RowsOfGroup,
} from '../../src/lib/format/cells';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { TEXT_LAYOUTS, renderReportText } from '../../src/lib/ingest/renderText';
import { checkWithinReport } from '../../src/lib/rules/withinReport';

/** mulberry32: a small seeded PRNG, so a failure names a reproducible seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random record consistent by every within-report sum; some cells blank where blank keeps it so. */
export function randomRecord(seed: number): CellValues {
  const rnd = prng(seed);
  const count = (max: number) => (rnd() < 0.45 ? 0 : Math.floor(rnd() ** 2 * max) + 1);
  const cells = emptyCells();
  for (const c of SECTION2_CODES) {
    if (allowsFraction(c)) cells[c] = rnd() < 0.3 ? null : Math.round(rnd() * 100000) / 100;
    else cells[c] = rnd() < 0.05 ? null : count(rnd() < 0.2 ? 20000 : 300);
  }
  const outcomeRows = OUTCOME_GROUPS.flatMap((g) => s3RowsOfGroup(g));
  const bigness = rnd() < 0.3 ? 2000 : 40;
  for (const col of S3_PART_COLUMNS) {
    let handled = 0;
    for (const r of outcomeRows) {
      const v = count(bigness);
      cells[r.codes[col]] = v;
      handled += v;
    }
    cells[HANDLED_ROW.codes[col]] = handled;
    const out = count(bigness);
    cells[CARRIED_OUT_ROW.codes[col]] = out;
    const carriedIn = Math.floor(rnd() * (handled + out + 1));
    cells[RECEIVED_ROWS[1].codes[col]] = carriedIn;
    cells[RECEIVED_ROWS[0].codes[col]] = handled + out - carriedIn;
  }
  for (const r of S3_ROWS) {
    cells[r.codes[S3_TOTAL_COLUMN]] = S3_PART_COLUMNS.reduce((s, c) => s + cells[r.codes[c]]!, 0);
  }
  // an occasional blank sub-row cell: it leaves its sums not checkable, which is still valid
  if (rnd() < 0.3) cells[outcomeRows[Math.floor(rnd() * outcomeRows.length)].codes[S3_PART_COLUMNS[Math.floor(rnd() * 6)]]] = null;
  for (const g of S4_GROUPS) {
    const parts = g.parts.map(() => count(30));
    g.parts.forEach((c, i) => (cells[c] = parts[i]));
    cells[g.total] = parts.reduce((a, b) => a + b, 0);
  }
  return cells;
}

const N = 200;
describe(`round trip: ${N} random valid records × ${TEXT_LAYOUTS.length} layouts`, () => {
  it('generates valid records', () => {
    for (let s = 1; s <= N; s++) expect(checkWithinReport(randomRecord(s))).toEqual([]);
  });
  for (const layout of TEXT_LAYOUTS) {
    it(`${layout}: all 200 cells, agency and year come back`, () => {
      for (let s = 1; s <= N; s++) {
        const cells = randomRecord(s);
        const rec = { agency: `测试第${s}局`, year: 2021 + (s % 5), cells };
        const text = renderReportText(rec, layout);
        const r = parseReportText(text);
        expect({ seed: s, cells: r.cells }).toEqual({ seed: s, cells });
        expect([r.agency, r.year]).toEqual([rec.agency, rec.year]);
        expect(r.failedRules).toEqual([]);
      }
    });
  }
});
