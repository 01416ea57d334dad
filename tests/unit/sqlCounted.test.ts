// Totals over a hierarchy with gaps (sql/counted.ts), on a real DuckDB (WASM build, in Node):
// members' reports when all reported, the area's aggregate report otherwise; recursively.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { countedReportsSql, standInAreasSql } from '../../src/lib/sql/counted';
import { leafTotalsByYear } from '../../src/lib/sql/overview';
import { trendTotalsSql } from '../../src/lib/sql/trends';
import { cellMeasure } from '../../src/lib/sql/measures';
import { wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const NEW = cellMeasure('s3_new_total');
const ALL = { from: 2000, to: 2100 };

/** Loads a registry and reports of `s3_new_total` only (distinct non-zero values). */
async function world(registry: string, reports: [string, number, number][]): Promise<DbAdapter> {
  const db = await freshDb();
  await loadCsv(db, 'agencies.csv', `agency_id,name,level,parent_id,category,is_aggregate,aliases\n${registry}`);
  await loadCsv(db, 'r.csv', wideCsv(reports.map(([agency, year, v]) => ({ agency, year, cells: { s3_new_total: v } }))));
  return db;
}
const totals = async (db: DbAdapter) =>
  Object.fromEntries((await db.query<{ year: number; s3_new_total: number | null }>(leafTotalsByYear([NEW]))).map((r) => [r.year, r.s3_new_total]));
const counted = async (db: DbAdapter, f = {}) =>
  (await db.query<{ agency_id: string; year: number; through_aggregate: boolean }>(countedReportsSql(f, ALL)))
    .map((r) => `${r.year}:${r.agency_id}${r.through_aggregate ? '*' : ''}`);

describe('a provincial set with only the cities’ aggregate reports', () => {
  it('adds the cities’ reports (no members registered)', async () => {
    const db = await world(`P,某省,省级,,综合,否,
A,甲市人民政府,市级,P,综合,是,
B,乙市人民政府,市级,P,综合,是,
C,丙市人民政府,市级,P,综合,是,
`, [['A', 2024, 1201], ['B', 2024, 3407], ['C', 2024, 589], ['A', 2023, 977]]);
    expect(await totals(db)).toEqual({ 2023: 977, 2024: 1201 + 3407 + 589 });
    expect(await counted(db)).toEqual(['2023:A*', '2024:A*', '2024:B*', '2024:C*']);
  });

  it('adds the cities’ reports when their members are registered but did not report', async () => {
    const db = await world(`A,甲市人民政府,市级,,综合,是,
A1,甲市教育局,市级部门,A,综合,否,
A2,甲市财政局,市级部门,A,综合,否,
B,乙市人民政府,市级,,综合,是,
B1,乙市教育局,市级部门,B,综合,否,
`, [['A', 2024, 1201], ['B', 2024, 3407], ['A1', 2024, 400]]);
    // A: one member of two → A's report stands for A; B: its member missing → B's report
    expect(await totals(db)).toEqual({ 2024: 1201 + 3407 });
    const areas = await db.query(standInAreasSql({}, ALL, NEW));
    expect(areas).toEqual([
      { agency_id: 'A', name: '甲市人民政府', year: 2024, value: 1201, members: 2, members_reported: 1, members_value: 400 },
      { agency_id: 'B', name: '乙市人民政府', year: 2024, value: 3407, members: 1, members_reported: 0, members_value: null },
    ]);
  });
});

describe('a city with districts', () => {
  const REGISTRY = `SL,示例市人民政府,市级,,综合,否,
D1,示例市教育局,市级部门,SL,综合,否,
Q,东城区人民政府,区县,SL,区县政府,是,
Q1,东城区教育局,区县部门,Q,综合,否,
Q2,东城区某街道,乡镇街道,Q,基层,否,
`;
  it('counts a district whose departments did not report through its aggregate report', async () => {
    const db = await world(REGISTRY, [['SL', 2024, 51], ['D1', 2024, 73], ['Q', 2024, 260], ['Q1', 2024, 97]]);
    expect(await totals(db)).toEqual({ 2024: 51 + 73 + 260 });
    expect(await counted(db)).toEqual(['2024:D1', '2024:Q*', '2024:SL']);
  });

  it('with every member present adds the members and ignores the aggregate', async () => {
    const db = await world(REGISTRY, [['SL', 2024, 51], ['D1', 2024, 73], ['Q', 2024, 999], ['Q1', 2024, 97], ['Q2', 2024, 131]]);
    expect(await totals(db)).toEqual({ 2024: 51 + 73 + 97 + 131 });
    expect(await db.query(standInAreasSql({}, ALL, NEW))).toEqual([]);
  });

  it('adds the members that did report when the district has no report of its own (no area dropped)', async () => {
    const db = await world(REGISTRY, [['SL', 2024, 51], ['Q1', 2024, 97]]);
    expect(await totals(db)).toEqual({ 2024: 51 + 97 });
  });

  it('applies the rule within the filter: 区县 = the district and its members', async () => {
    const db = await world(REGISTRY, [['SL', 2024, 51], ['D1', 2024, 73], ['Q', 2024, 260], ['Q1', 2024, 97], ['SL', 2023, 40], ['Q', 2023, 210], ['Q1', 2023, 90], ['Q2', 2023, 120]]);
    const rows = await db.query(trendTotalsSql({ level: '区县' }, { from: 2023, to: 2024 }, [NEW]));
    expect(rows).toEqual([
      { year: 2023, leaf_reports: 2, s3_new_total: 90 + 120 },
      { year: 2024, leaf_reports: 1, s3_new_total: 260 },
    ]);
  });
});

describe('mixed nesting', () => {
  // A city-wide aggregate M over districts; each district an aggregate over departments.
  const REGISTRY = `M,某市（汇总）,市级,,综合,是,
M0,某市人民政府（本级）,市级,M,综合,否,
Q,甲区人民政府,区县,M,区县政府,是,
Q1,甲区教育局,区县部门,Q,综合,否,
Q2,甲区财政局,区县部门,Q,综合,否,
R,乙区人民政府,区县,M,区县政府,是,
R1,乙区教育局,区县部门,R,综合,否,
R2,乙区财政局,区县部门,R,综合,否,
S,丙区人民政府,区县,M,区县政府,是,
S1,丙区教育局,区县部门,S,综合,否,
`;
  it('complete districts by members, gapped ones by their report, the city report unused', async () => {
    const db = await world(REGISTRY, [
      ['M', 2024, 99999], ['M0', 2024, 11],
      ['Q', 2024, 8888], ['Q1', 2024, 23], ['Q2', 2024, 37], // complete: members
      ['R', 2024, 410], ['R1', 2024, 59], // R2 missing: R's report
      ['S1', 2024, 71], // S has no report of its own but its one member reported: complete
    ]);
    expect(await totals(db)).toEqual({ 2024: 11 + 23 + 37 + 410 + 71 });
    expect(await counted(db)).toEqual(['2024:M0', '2024:Q1', '2024:Q2', '2024:R*', '2024:S1']);
  });

  it('a gap that no district report covers makes the city-wide aggregate stand for the whole', async () => {
    const db = await world(REGISTRY, [
      ['M', 2024, 5003], ['M0', 2024, 11],
      ['Q', 2024, 8888], ['Q1', 2024, 23], ['Q2', 2024, 37],
      ['R1', 2024, 59], // R has neither all members nor its own report: incomplete up to M
    ]);
    expect(await totals(db)).toEqual({ 2024: 5003 });
    expect(await counted(db)).toEqual(['2024:M*']);
  });

  it('without the city-wide report, the gap is added as far as it goes (nothing counted twice)', async () => {
    const db = await world(REGISTRY, [
      ['M0', 2024, 11], ['Q', 2024, 8888], ['Q1', 2024, 23], ['Q2', 2024, 37], ['R1', 2024, 59], ['S', 2024, 300],
    ]);
    expect(await totals(db)).toEqual({ 2024: 11 + 23 + 37 + 59 + 300 });
    expect(await counted(db)).toEqual(['2024:M0', '2024:Q1', '2024:Q2', '2024:R1', '2024:S*']);
  });
});
