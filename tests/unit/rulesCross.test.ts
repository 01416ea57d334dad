// Calendar and cross-agency rules on a real DuckDB: missing, late, aggregate_mismatch, copied.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CELL_CODES } from '../../src/lib/format/cells';
import { COPIED_MIN_NONZERO } from '../../src/lib/rules/crossRules';
import { consistentCells } from './helpers/records';
import { freshDb } from './helpers/db';
import { flagsOf, scenario, where, zeros } from './helpers/scenario';

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); });
const c = (seed = 1) => consistentCells(10, 4, seed);
type Cells = ReturnType<typeof c>;

describe('calendar', () => {
  it('missing: every registry agency, from its first loaded report to the latest year loaded (no report at all: the latest year)', async () => {
    const reg = ['P,甲局,市级部门,,综合,否,', 'F,乙局,市级部门,,综合,否,', 'N,丙局,市级部门,,综合,否,'];
    await scenario(db, reg, [
      { agency: 'P', year: 2022, cells: c() }, { agency: 'P', year: 2023, cells: c() }, { agency: 'P', year: 2024, cells: c() },
      { agency: 'F', year: 2022, cells: c() }, { agency: 'F', year: 2024, cells: c() },
    ]);
    const flags = await flagsOf(db, 'missing');
    expect(where(flags)).toEqual(['F 2023', 'N 2024']);
    expect(flags[0]).toMatchObject({ severity: 'error', cells: [], agency: '乙局' });
    // nothing loaded: no range of years, nothing missing
    await scenario(db, reg, []);
    expect(await flagsOf(db, 'missing')).toEqual([]);
  });

  it('late: 31 January for departments and townships, 31 March for governments; unknown dates skipped', async () => {
    const reg = [
      'D,甲局,市级部门,,综合,否,', 'D2,乙局,区县部门,,综合,否,', 'T,丙街道,乡镇街道,,基层,否,',
      'G,丁区,区县,,区县政府,否,', 'G2,戊区,区县,,区县政府,否,', 'C,示例市,市级,,综合,否,', 'B,己局,市级部门,,综合,否,',
    ];
    await scenario(db, reg, [
      { agency: 'D', year: 2023, published_on: '2024-01-31', cells: c() },
      { agency: 'D2', year: 2023, published_on: '2024-02-01', cells: c() },
      { agency: 'T', year: 2023, published_on: '2024-03-01', cells: c() },
      { agency: 'G', year: 2023, published_on: '2024-03-31', cells: c() },
      { agency: 'G2', year: 2023, published_on: '2024-04-01', cells: c() },
      { agency: 'C', year: 2023, published_on: '2024-02-15', cells: c() },
      { agency: 'B', year: 2023, cells: c() },
    ]);
    const flags = await flagsOf(db, 'late');
    expect(where(flags)).toEqual(['D2 2023', 'G2 2023', 'T 2023']);
    expect(flags.find((f) => f.agency_id === 'G2')).toMatchObject({ severity: 'warning', expected: '2024-03-31', actual: '2024-04-01' });
    expect(flags.find((f) => f.agency_id === 'T')).toMatchObject({ expected: '2024-01-31', actual: '2024-03-01' });
  });
});

describe('aggregate_mismatch', () => {
  const sum = (xs: Cells[]) => Object.fromEntries(CELL_CODES.map((k) => {
    const vs = xs.map((x) => x[k]);
    return [k, vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + (v as number), 0)];
  })) as Cells;

  it('compares an aggregate cell by cell with its members’ sum, only where all members reported', async () => {
    const reg = [
      'Q,甲区,区县,,区县政府,是,', 'Q-1,甲区一局,区县部门,Q,综合,否,', 'Q-2,甲区二街道,乡镇街道,Q,基层,否,',
      'R,乙区,区县,,区县政府,是,', 'R-1,乙区一局,区县部门,R,综合,否,', 'R-2,乙区二局,区县部门,R,综合,否,',
    ];
    // money adds up with float noise (1.1 + 2.2 ≠ 3.3 in binary) and must still agree
    const q1 = { ...c(1), s2_fee_amount: 1.1, s2_penalty_decisions: null };
    const q2 = { ...c(2), s2_fee_amount: 2.2 };
    const q = { ...sum([q1, q2]), s2_fee_amount: 3.3, s2_penalty_decisions: 999 };
    q.s2_license_decisions = (q.s2_license_decisions ?? 0) + 15;
    const r1 = c(3);
    const r = { ...sum([r1, c(4)]), s2_license_decisions: 1 };
    await scenario(db, reg, [
      { agency: 'Q', year: 2024, cells: q }, { agency: 'Q-1', year: 2024, cells: q1 }, { agency: 'Q-2', year: 2024, cells: q2 },
      // the same district the year before agrees exactly
      { agency: 'Q', year: 2023, cells: sum([c(5), c(6)]) }, { agency: 'Q-1', year: 2023, cells: c(5) }, { agency: 'Q-2', year: 2023, cells: c(6) },
      // R-2 has no 2024 report: R is not compared at all
      { agency: 'R', year: 2024, cells: r }, { agency: 'R-1', year: 2024, cells: r1 },
    ]);
    const flags = await flagsOf(db, 'aggregate_mismatch');
    // s2_penalty_decisions: a member's blank makes it not checkable
    expect(where(flags)).toEqual(['Q 2024 s2_license_decisions']);
    expect(flags[0]).toMatchObject({ severity: 'warning', expected: 101 + 102, actual: 101 + 102 + 15, cells: ['s2_license_decisions'] });
    expect(flags[0].message_en).toContain('2 members');
  });
});

describe('copied', () => {
  it('flags identical non-zero numbers: same agency last year, or another agency the same year', async () => {
    const reg = [
      'P,甲局,市级部门,,综合,否,', 'F,乙局,市级部门,,综合,否,', 'X,丙局,市级部门,,综合,否,', 'Y,丁局,市级部门,,综合,否,',
      'Z,戊局,市级部门,,综合,否,', 'W,己街道,乡镇街道,,基层,否,', 'A,庚区,区县,,区县政府,是,', 'A-1,庚区一局,区县部门,A,综合,否,',
      'B,辛局,市级部门,,综合,否,',
    ];
    // W: too few non-zero numbers to mean anything (one below the threshold), identical both years
    const few = zeros(Object.fromEntries(CELL_CODES.slice(0, COPIED_MIN_NONZERO - 1).map((k, i) => [k, i + 1])));
    await scenario(db, reg, [
      { agency: 'P', year: 2023, cells: c(1) }, { agency: 'P', year: 2024, cells: c(2) },
      { agency: 'F', year: 2023, cells: c(7) }, { agency: 'F', year: 2024, cells: c(7) },
      { agency: 'X', year: 2024, cells: c(9) }, { agency: 'Y', year: 2024, cells: c(9) },
      { agency: 'Z', year: 2023, cells: zeros() }, { agency: 'Z', year: 2024, cells: zeros() },
      { agency: 'W', year: 2023, cells: few }, { agency: 'W', year: 2024, cells: few },
      // an aggregate of one member equals it by construction
      { agency: 'A', year: 2024, cells: c(11) }, { agency: 'A-1', year: 2024, cells: c(11) },
      // blank and 0 count alike: a copy that writes "nothing" differently is still a copy
      { agency: 'B', year: 2023, cells: { ...c(13), s2_coercion_decisions: 0 } }, { agency: 'B', year: 2024, cells: { ...c(13), s2_coercion_decisions: null } },
    ]);
    const flags = await flagsOf(db, 'copied');
    expect(where(flags)).toEqual(['B 2024 prev', 'F 2024 prev', 'X 2024 Y', 'Y 2024 X']);
    const f = flags.find((x) => x.agency_id === 'F')!;
    expect(f.severity).toBe('warning');
    expect(f.actual).toBe(f.cells.length);
    expect(f.cells.length).toBeGreaterThanOrEqual(COPIED_MIN_NONZERO);
    expect(flags.find((x) => x.agency_id === 'X')!.message_zh).toContain('丁局');
  });
});
