// The analysis views' SQL builders (scope, trends, refusals, compare, agency) on a real DuckDB.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { excludedSql, registryFacetsSql, scopeAgenciesSql, type AgencyFilter } from '../../src/lib/sql/scope';
import { agencySeriesSql, trendTotalsSql } from '../../src/lib/sql/trends';
import { reasonTotalsByYearSql, reasonsByAgencySql } from '../../src/lib/sql/refusals';
import { compareSql } from '../../src/lib/sql/compare';
import { agencyInfoSql, agencyReportsSql, membersSql, membersSumSql } from '../../src/lib/sql/agency';
import { COMPARE_METRICS, TREND_MEASURES } from '../../src/lib/sql/keyMeasures';
import { cellMeasure } from '../../src/lib/sql/measures';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const REGISTRY = `agency_id,name,level,parent_id,category,is_aggregate,aliases
C,示例市,市级,,综合,否,
D1,甲局,市级部门,C,经济,否,
D2,乙_局,市级部门,C,执法,否,
Q,丙区,区县,C,区县政府,是,旧丙县
Q-D1,丙区丁局,区县部门,Q,执法,否,
Q-T1,丙区戊街道,乡镇街道,Q,基层,否,
`;
const P = { from: 2023, to: 2024 };
const Y = { from: 2024, to: 2024 };

let db: DbAdapter;
const ids = async (f: AgencyFilter, p = Y) => (await db.query<{ agency_id: string }>(scopeAgenciesSql(f, p))).map((r) => r.agency_id);

beforeAll(async () => {
  db = await freshDb();
  await loadCsv(db, 'agencies.csv', REGISTRY);
  const c = consistentCells;
  const qd = c(5, 2, 3);
  const qt = { ...c(7, 1, 4), s3_deny_state_secret_natural: 2, s3_deny_state_secret_total: 2, s3_unable_not_held_natural: 4, s3_unable_not_held_total: 4 };
  const agg = Object.fromEntries(Object.keys(qd).map((k) => [k, k === 's2_fee_amount' ? null : (qd as Record<string, number>)[k] + (qt as Record<string, number>)[k]]));
  await loadCsv(db, 'r.csv', wideCsv([
    { agency: 'C', year: 2024, cells: c(10, 4, 5) },
    { agency: 'D1', year: 2024, cells: c(20, 9, 6) },
    { agency: 'D2', year: 2024, cells: c(10, 10, 1) },
    { agency: 'Q', year: 2024, cells: agg },
    { agency: 'Q-D1', year: 2024, cells: qd },
    { agency: 'Q-T1', year: 2024, cells: qt },
    { agency: 'D1', year: 2023, cells: { ...c(3, 1, 1), s3_new_total: null, s3_new_natural: null, s3_new_business: null } },
    { agency: 'Q-D1', year: 2023, cells: c(2, 2, 1) },
  ]));
});

describe('agency scope', () => {
  it('level matches the agency or an aggregate ancestor: 区县 covers the district’s members', async () => {
    expect(await ids({})).toEqual(['C', 'D1', 'D2', 'Q', 'Q-D1', 'Q-T1']);
    expect(await ids({ level: '区县' })).toEqual(['Q', 'Q-D1', 'Q-T1']);
    // the city's own report is not an aggregate: 市级 is the city government alone
    expect(await ids({ level: '市级' })).toEqual(['C']);
    expect(await ids({ level: '区县部门' })).toEqual(['Q-D1']);
    // criteria combine: enforcement agencies within districts
    expect(await ids({ level: '区县', category: '执法' })).toEqual(['Q-D1']);
  });

  it('searches names, aliases and exact ids, with no LIKE wildcards', async () => {
    expect(await ids({ q: '丁局' })).toEqual(['Q-D1']);
    expect(await ids({ q: '旧丙县' })).toEqual(['Q', 'Q-D1', 'Q-T1']);
    expect(await ids({ q: 'd1' })).toEqual(['D1']);
    expect(await ids({ q: '_' })).toEqual(['D2']);
    expect(await ids({ q: '%' })).toEqual([]);
    expect(await ids({ ids: ['D2', 'Q'] })).toEqual(['D2', 'Q']);
    expect(await ids({ ids: [] })).toEqual([]);
  });

  it('excludes the leaf agency with the most new applications in the period', async () => {
    expect(await db.query(excludedSql({ excludeLargest: true }, Y))).toEqual([{ agency_id: 'D1', name: '甲局', s3_new_total: 21 }]);
    expect(await ids({ excludeLargest: true })).toEqual(['C', 'D2', 'Q', 'Q-D1', 'Q-T1']);
    // within districts the largest leaf is the township (8 > 6); the aggregate is never "largest"
    expect(await db.query(excludedSql({ level: '区县', excludeLargest: true }, Y))).toEqual([{ agency_id: 'Q-T1', name: '丙区戊街道', s3_new_total: 8 }]);
    expect(await db.query(excludedSql({}, Y))).toEqual([]);
  });

  it('lists the registry’s levels and categories', async () => {
    const facets = await db.query<{ facet: string; value: string }>(registryFacetsSql());
    expect(facets.filter((f) => f.facet === 'level').map((f) => f.value).sort()).toEqual(['乡镇街道', '区县', '区县部门', '市级', '市级部门'].sort());
    expect(facets.filter((f) => f.facet === 'category')).toHaveLength(5);
  });
});

describe('trends', () => {
  it('adds leaf reports in scope only, per year, blanks kept blank', async () => {
    const rows = await db.query<Record<string, number | null>>(trendTotalsSql({}, P, TREND_MEASURES));
    expect(rows.map((r) => [r.year, r.leaf_reports, r.s3_new_total])).toEqual([[2023, 2, 3], [2024, 5, 11 + 21 + 11 + 6 + 8]]);
    const districts = await db.query<Record<string, number | null>>(trendTotalsSql({ level: '区县' }, P, TREND_MEASURES));
    expect(districts.map((r) => r.s3_new_total)).toEqual([3, 14]);
    const noLargest = await db.query<Record<string, number | null>>(trendTotalsSql({ excludeLargest: true }, P, TREND_MEASURES));
    // over 2023–2024 D1 has 21 new (2023 blank): it is the one left out
    expect(noLargest.map((r) => r.s3_new_total)).toEqual([3, 36]);
    const blank = await db.query<Record<string, number | null>>(trendTotalsSql({ q: '甲局' }, { from: 2023, to: 2023 }, TREND_MEASURES));
    expect(blank[0].s3_new_total).toBeNull();
  });

  it('gives each agency in scope its own series, aggregates included', async () => {
    const rows = await db.query(agencySeriesSql({ level: '区县' }, P, cellMeasure('s3_new_total'), [2023, 2024]));
    // one row per agency, a column per year; no report that year → null
    expect(rows.map((r) => [r.agency_id, r.y2023, r.y2024, r.is_aggregate])).toEqual([
      ['Q', null, 14, true], ['Q-D1', 3, 6, false], ['Q-T1', null, 8, false],
    ]);
  });
});

describe('refusal reasons', () => {
  it('sums each reason and group over leaf reports; per agency its own cells', async () => {
    const [t] = await db.query<Record<string, number | null>>(reasonTotalsByYearSql({}, Y));
    expect(t.s3_deny_state_secret_total).toBe(2);
    expect(t.outcome_refused_total).toBe(2);
    // consistentCells puts n − g in unable_not_held: C 6, D1 11, D2 0, Q-D1 3; Q-T1 set to 4
    expect(t.s3_unable_not_held_total).toBe(6 + 11 + 0 + 3 + 4);
    expect(t.s3_handled_total_total).toBe(11 + 21 + 11 + 6 + 8);
    const rows = await db.query<Record<string, unknown>>(reasonsByAgencySql({ level: '区县' }, 2024));
    expect(rows.map((r) => r.agency_id)).toEqual(['Q', 'Q-T1', 'Q-D1']);
    expect(rows[0].s3_deny_state_secret_total).toBe(2);
    expect(rows[1].outcome_unable_total).toBe(4);
  });
});

describe('compare', () => {
  it('ranks with ties within peers of the same level, percentiles, undefined rates blank', async () => {
    const rows = await db.query<Record<string, unknown>>(compareSql({}, 2024, COMPARE_METRICS));
    const by = Object.fromEntries(rows.map((r) => [r.agency_id as string, r]));
    // 市级部门: D1 21 new, D2 11 → ranks 1, 2; the city alone at 市级 → no rank, no percentile
    expect([by.D1.s3_new_total__rank, by.D2.s3_new_total__rank, by.C.s3_new_total__rank]).toEqual([1, 2, null]);
    expect([by.D1.s3_new_total__pct, by.D2.s3_new_total__pct, by.C.s3_new_total__pct]).toEqual([1, 0, null]);
    expect(by.C.s3_new_total__peers).toBe(1);
    expect(by.D2.open_rate).toBe(1);
    expect(by.D1.open_rate__den).toBe(21);
    expect(by.D1.open_rate).toBeCloseTo(10 / 21, 12);
    // ties: completion rate 1 for both departments → both rank 1
    expect([by.D1.completion_rate__rank, by.D2.completion_rate__rank]).toEqual([1, 1]);
    // no suits: 0 cases; correction rate of reviews 1 of 2 decided
    expect(by.C.review_correction_rate).toBe(0.5);
    expect(by.C.review_decided).toBe(2);
    const sel = await db.query(compareSql({ ids: ['Q-T1'] }, 2024, COMPARE_METRICS));
    expect(sel).toHaveLength(1);
  });

  it('every rank, percentile and peer count agrees with counting the peers directly', async () => {
    const rows = await db.query<Record<string, unknown>>(compareSql({}, 2024, COMPARE_METRICS));
    let checked = 0;
    let alone = 0;
    for (const m of COMPARE_METRICS) {
      for (const r of rows) {
        const peers = rows.filter((p) => p.level === r.level && p[m.name] != null);
        expect(r[`${m.name}__peers`]).toBe(peers.length);
        const v = r[m.name] as number | null;
        if (v == null || peers.length < 2) {
          expect([r[`${m.name}__rank`], r[`${m.name}__pct`]]).toEqual([null, null]);
          if (v != null) alone++;
          continue;
        }
        const larger = peers.filter((p) => (p[m.name] as number) > v).length;
        const smaller = peers.filter((p) => (p[m.name] as number) < v).length;
        expect(r[`${m.name}__rank`]).toBe(1 + larger);
        expect(r[`${m.name}__pct`]).toBe(smaller / (peers.length - 1));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(COMPARE_METRICS.length * 2);
    expect(alone).toBeGreaterThanOrEqual(COMPARE_METRICS.length - 2); // the city alone at its level
  });

  it('leaves a rate over zero cases undefined', async () => {
    await loadCsv(db, 'z.csv', wideCsv([{ agency: 'D2', year: 2022, cells: { ...consistentCells(0, 0, 1), s3_new_business: 0, s3_granted_business: 0, s3_handled_total_business: 0, s3_new_total: 0, s3_granted_total: 0, s3_handled_total_total: 0 } }]));
    const [r] = await db.query<Record<string, unknown>>(compareSql({ ids: ['D2'] }, 2022, COMPARE_METRICS));
    expect(r.s3_handled_total_total).toBe(0);
    expect(r.open_rate).toBeNull();
    expect(r.open_rate__rank).toBeNull();
  });
});

describe('agency', () => {
  it('reads the registry entry, members, reports and the members’ sum', async () => {
    const [info] = await db.query<Record<string, unknown>>(agencyInfoSql('Q-D1'));
    expect(info).toMatchObject({ name: '丙区丁局', parent_id: 'Q', parent_name: '丙区', is_aggregate: false });
    expect((await db.query(membersSql('Q'))).map((r) => r.agency_id)).toEqual(['Q-D1', 'Q-T1']);
    const reports = await db.query<Record<string, unknown>>(agencyReportsSql('Q-D1'));
    expect(reports.map((r) => r.year)).toEqual([2023, 2024]);
    expect(reports[1].source).toBe('r.csv');
    expect(String(reports[1].imported_at)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const sums = await db.query<Record<string, number | null>>(membersSumSql('Q'));
    expect(sums.map((r) => [r.year, r.member_reports, r.s3_new_total, r.s2_fee_amount])).toEqual([[2023, 1, 3, null], [2024, 2, 14, null]]);
    // the city's members' sum includes the districts' leaf reports, never the aggregate
    const city = await db.query<Record<string, number | null>>(membersSumSql('C'));
    expect(city.find((r) => r.year === 2024)!.s3_new_total).toBe(21 + 11 + 6 + 8);
  });
});

describe('flags of one agency-year', () => {
  it('finds the demo’s planted faults on their own agency-year only, marked on their cells', async () => {
    const { readFileSync } = await import('node:fs');
    const { agencyYearFlags, marksOf } = await import('../../src/lib/analysis/agencyFlags');
    const demo = await freshDb();
    await loadCsv(demo, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
    await loadCsv(demo, 'reports.csv', readFileSync('data/reports.csv', 'utf8'));
    const flags = await agencyYearFlags(demo, 'SL-D09', 2022);
    expect(flags.map((f) => f.rule)).toContain('balance');
    expect(flags.every((f) => f.agency_id === 'SL-D09' && f.year === 2022)).toBe(true);
    const marks = marksOf(flags, 'zh');
    expect(marks.s3_new_natural?.severity).toBe('error');
    expect(marks.s3_new_natural?.title).toContain('[balance]');
    expect(await agencyYearFlags(demo, 'SL-D09', 2023)).toEqual([]);
  });
});
