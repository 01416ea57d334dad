// The overview's SQL builders, run on a real DuckDB (the WASM build, in Node) over small fixtures.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { leafTotalsByYear, reportingByYear } from '../../src/lib/sql/overview';
import { cellMeasure, groupMeasure, suitTotalMeasure } from '../../src/lib/sql/measures';
import { sumOfCodes } from '../../src/lib/sql/common';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const REGISTRY = `agency_id,name,level,parent_id,category,is_aggregate,aliases
C,示例市,市级,,综合,否,
D1,甲局,市级部门,C,综合,否,
Q,乙区,区县,C,区县政府,是,
Q-D1,乙区丙局,区县部门,Q,综合,否,
Q-T1,乙区丁街道,乡镇街道,Q,基层,否,
`;

describe('overview SQL', () => {
  let db: DbAdapter;
  beforeAll(async () => {
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', REGISTRY);
    const c = (n: number, g: number, s: number) => consistentCells(n, g, s);
    const qd = c(5, 2, 3);
    const qt = c(7, 1, 4);
    const agg = Object.fromEntries(Object.keys(qd).map((k) => [k, k === 's2_fee_amount' ? null : (qd as Record<string, number>)[k] + (qt as Record<string, number>)[k]]));
    const fee = { ...c(10, 4, 5), s2_fee_amount: 1.25 };
    await loadCsv(db, 'r.csv', wideCsv([
      { agency: 'C', year: 2024, cells: fee },
      { agency: 'D1', year: 2024, cells: c(20, 9, 6) },
      { agency: 'Q', year: 2024, cells: agg },
      { agency: 'Q-D1', year: 2024, cells: qd },
      { agency: 'Q-T1', year: 2024, cells: qt },
      { agency: 'D1', year: 2023, cells: { ...c(3, 1, 1), s3_new_total: null, s3_new_natural: null, s3_new_business: null } },
    ]));
  });

  it('sums leaf reports only: the aggregate is never added to its members', async () => {
    const rows = await db.query(leafTotalsByYear([cellMeasure('s3_new_total'), cellMeasure('s2_fee_amount')]));
    // leaf new totals: C 11, D1 21, Q-D1 6, Q-T1 8 (the aggregate Q's 14 excluded)
    expect(rows).toEqual([
      { year: 2023, leaf_reports: 1, s3_new_total: null, s2_fee_amount: null },
      { year: 2024, leaf_reports: 4, s3_new_total: 46, s2_fee_amount: 1.25 },
    ]);
  });

  it('a group subtotal skips blanks but is blank only when every input is blank', async () => {
    const m = groupMeasure('outcome_unable');
    const [r] = await db.query(`SELECT ${sumOfCodes(m.codes)} AS v FROM reports WHERE agency_id = 'D1' AND year = 2024`);
    expect(r.v).toBe(11);
    const [blank] = await db.query(`SELECT ${sumOfCodes(['s2_fee_amount', 's3_new_total'])} AS v FROM reports WHERE year = 2023`);
    expect(blank.v).toBeNull();
    const [{ v }] = await db.query(`SELECT ${sumOfCodes(suitTotalMeasure.codes)} AS v FROM reports WHERE year = 2024`);
    expect(v).toBe(0);
  });

  it('counts agencies reporting each year against the registry', async () => {
    expect(await db.query(reportingByYear())).toEqual([
      { year: 2023, reporting: 1, expected: 5 },
      { year: 2024, reporting: 5, expected: 5 },
    ]);
  });
});
