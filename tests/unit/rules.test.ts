// Within-report and across-year rules on a real DuckDB: per rule a report that passes (P), one
// that fails (F) and one whose blank makes the check not checkable (B) — never a pass, never a
// failure, so B is flagged only where a check remains checkable.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CARRIED_OUT_ROW, RECEIVED_ROWS, S3_TOTAL_COLUMN, S4_GROUPS, s3Code } from '../../src/lib/format/cells';
import { RULES, flagKey } from '../../src/lib/rules/rules';
import { consistentCells } from './helpers/records';
import { freshDb } from './helpers/db';
import { flagsOf, scenario, where } from './helpers/scenario';

const T = S3_TOTAL_COLUMN;
const REG = ['P,甲局,市级部门,,综合,否,', 'F,乙局,市级部门,,综合,否,', 'B,丙局,市级部门,,综合,否,'];
const base = () => consistentCells(10, 4);
const bump = (c: ReturnType<typeof base>, codes: string[], d = 1) => {
  for (const k of codes) (c as Record<string, number | null>)[k] = ((c as Record<string, number | null>)[k] ?? 0) + d;
  return c;
};
const three = (f: ReturnType<typeof base>, b: ReturnType<typeof base>, year = 2024) => [
  { agency: 'P', year, cells: base() }, { agency: 'F', year, cells: f }, { agency: 'B', year, cells: b },
];

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); });

describe('rules as data', () => {
  it('has one rule per id, with severities, titles and explanations in both languages', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'balance', 'outcome_sum', 'column_sum', 's4_sum', 'negative', 'carryover', 'in_force', 'missing', 'late', 'aggregate_mismatch', 'copied', 'narrative_mismatch', 'sections_missing', 'narrative_copied',
    ]);
    const warnings = RULES.filter((r) => r.severity === 'warning').map((r) => r.id).sort();
    expect(warnings).toEqual(['aggregate_mismatch', 'copied', 'in_force', 'late', 'narrative_copied', 'narrative_mismatch', 'sections_missing']);
    for (const r of RULES) for (const k of ['title_zh', 'title_en', 'explain_zh', 'explain_en'] as const) expect(r[k].length, `${r.id} ${k}`).toBeGreaterThan(1);
    expect(flagKey({ rule: 'balance', agency_id: 'A', year: 2024, column: 'natural' })).toBe('balance|A|2024|natural');
    expect(flagKey({ rule: 'missing', agency_id: 'A', year: 2024, column: null })).toBe('missing|A|2024|');
  });
});

describe('within one report', () => {
  it('balance: 一 + 二 = 三（七） + 四 per column; a blank skips only its column', async () => {
    const news = [s3Code('new', 'natural'), s3Code('new', T)];
    const b = bump(base(), news);
    b[CARRIED_OUT_ROW.codes.natural] = null;
    await scenario(db, REG, three(bump(base(), news), b));
    const flags = await flagsOf(db, 'balance');
    expect(where(flags)).toEqual(['B 2024 total', 'F 2024 natural', 'F 2024 total']);
    const f = flags.find((x) => x.agency_id === 'F' && x.column === 'natural')!;
    expect([f.expected, f.actual, f.severity, f.agency]).toEqual([11, 10, 'error', '乙局']);
    expect(f.cells).toEqual([s3Code('new', 'natural'), s3Code('carried_in', 'natural'), s3Code('handled_total', 'natural'), s3Code('carried_out', 'natural')]);
    expect(f.message_zh).toContain('自然人');
    expect(f.message_en).toContain('natural persons');
  });

  it('outcome_sum: 三（七） = Σ outcomes per column', async () => {
    const codes = [s3Code('deny_third_party', 'natural'), s3Code('deny_third_party', T)];
    const b = bump(base(), codes);
    b[s3Code('reject_duplicate', 'natural')] = null;
    await scenario(db, REG, three(bump(base(), codes), b));
    const flags = await flagsOf(db, 'outcome_sum');
    expect(where(flags)).toEqual(['B 2024 total', 'F 2024 natural', 'F 2024 total']);
    const f = flags.find((x) => x.agency_id === 'F' && x.column === T)!;
    expect([f.expected, f.actual]).toEqual([11, 12]);
    expect(f.cells).toHaveLength(22);
  });

  it('column_sum: 总计 = Σ applicant columns per row', async () => {
    const slip = (c: ReturnType<typeof base>) => {
      bump(c, [s3Code('granted', T)], 1);
      return bump(c, [s3Code('unable_not_held', T)], -1);
    };
    const b = slip(base());
    b[s3Code('granted', 'business')] = null;
    await scenario(db, REG, three(slip(base()), b));
    const flags = await flagsOf(db, 'column_sum');
    expect(where(flags)).toEqual(['B 2024 unable_not_held', 'F 2024 granted', 'F 2024 unable_not_held']);
    expect(flags.find((x) => x.agency_id === 'F' && x.column === 'granted')).toMatchObject({ expected: 6, actual: 5 });
  });

  it('s4_sum: total = upheld + corrected + other + pending', async () => {
    const g = S4_GROUPS[0];
    const b = bump(base(), [g.total]);
    b[g.pending] = null;
    await scenario(db, REG, three(bump(base(), [g.total]), b));
    const flags = await flagsOf(db, 's4_sum');
    expect(where(flags)).toEqual([`F 2024 ${g.group}`]);
    expect(flags[0]).toMatchObject({ expected: 3, actual: 2, cells: [g.total, ...g.parts] });
  });

  it('negative: no cell below zero; a blank is not negative', async () => {
    await scenario(db, REG, [
      { agency: 'P', year: 2024, cells: { ...base(), s2_fee_amount: 1.25 } },
      { agency: 'F', year: 2024, cells: { ...base(), s2_fee_amount: -0.5 } },
      { agency: 'B', year: 2024, cells: { ...base(), s2_fee_amount: null } },
    ]);
    // counts cannot be negative in a file (the reader rejects them); the SQL still checks them
    await db.query(`UPDATE report_rows SET s3_new_legal = -1 WHERE agency_id = 'F'`);
    const flags = await flagsOf(db, 'negative');
    expect(where(flags)).toEqual(['F 2024 s2_fee_amount', 'F 2024 s3_new_legal']);
    expect(flags.find((f) => f.column === 's2_fee_amount')).toMatchObject({ actual: -0.5, cells: ['s2_fee_amount'] });
  });
});

describe('across years', () => {
  const IN = RECEIVED_ROWS[1];
  const carry = (out: number, inn: number | null, innTotal = inn) => {
    const y1 = base();
    y1[CARRIED_OUT_ROW.codes.natural] = out;
    y1[CARRIED_OUT_ROW.codes[T]] = out;
    const y2 = base();
    y2[IN.codes.natural] = inn;
    y2[IN.codes[T]] = innTotal;
    return [y1, y2];
  };

  it('carryover: carried in (Y) = carried out (Y−1) per column, same agency_id', async () => {
    const reg = [...REG, 'R,丁局,市级部门,,综合,否,旧丁局', 'S,戊局,市级部门,,综合,否,旧戊局'];
    const [p1, p2] = carry(2, 2);
    const [f1, f2] = carry(2, 3);
    const [b1, b2] = carry(2, null, 2);
    const [r1, r2] = carry(2, 3);
    const [s1, s2] = carry(2, 3);
    await scenario(db, reg, [
      { agency: 'P', year: 2023, cells: p1 }, { agency: 'P', year: 2024, cells: p2 },
      { agency: 'F', year: 2023, cells: f1 }, { agency: 'F', year: 2024, cells: f2 },
      { agency: 'B', year: 2023, cells: b1 }, { agency: 'B', year: 2024, cells: b2 },
      // renamed between the two years: only a warning
      { agency: '旧丁局', year: 2023, cells: r1 }, { agency: '丁局', year: 2024, cells: r2 },
      // has an alias, but both years filed under the current name: still an error
      { agency: '戊局', year: 2023, cells: s1 }, { agency: '戊局', year: 2024, cells: s2 },
      // no previous year: nothing to compare
      { agency: 'P', year: 2021, cells: base() },
    ]);
    const flags = await flagsOf(db, 'carryover');
    expect(where(flags)).toEqual(['F 2024 natural', 'F 2024 total', 'R 2024 natural', 'R 2024 total', 'S 2024 natural', 'S 2024 total']);
    const sev = Object.fromEntries(flags.map((f) => [f.agency_id, f.severity]));
    expect(sev).toEqual({ F: 'error', R: 'warning', S: 'error' });
    expect(flags.find((f) => f.agency_id === 'F' && f.column === 'natural')).toMatchObject({ expected: 2, actual: 3, cells: [IN.codes.natural] });
    expect(flags.find((f) => f.agency_id === 'R')!.message_zh).toContain('旧丁局');
  });

  it('in_force: in force (Y) = in force (Y−1) + issued (Y) − repealed (Y), a warning', async () => {
    const y1 = () => ({ ...base(), s2_normative_in_force: 10 });
    const y2 = (inForce: number, repealed: number | null) => ({ ...base(), s2_normative_issued: 3, s2_normative_repealed: repealed, s2_normative_in_force: inForce });
    await scenario(db, REG, [
      { agency: 'P', year: 2023, cells: y1() }, { agency: 'P', year: 2024, cells: y2(12, 1) },
      { agency: 'F', year: 2023, cells: y1() }, { agency: 'F', year: 2024, cells: y2(9, 1) },
      { agency: 'B', year: 2023, cells: y1() }, { agency: 'B', year: 2024, cells: y2(9, null) },
    ]);
    const flags = (await flagsOf(db, 'in_force')).filter((f) => f.column === 's2_normative_in_force');
    expect(where(flags)).toEqual(['F 2024 s2_normative_in_force']);
    expect(flags[0]).toMatchObject({
      severity: 'warning', expected: 12, actual: 9, cells: ['s2_normative_in_force', 's2_normative_issued', 's2_normative_repealed'],
    });
  });
});
