// Like-for-like changes (sql/likeForLike.ts, analysis/likeForLike.ts) on a real DuckDB (WASM
// build, in Node): a change compares the reports of agencies counted in both years.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { balancedTotalsSql, panelCoverageSql, panelTotalsSql, reportingCoverageSql } from '../../src/lib/sql/likeForLike';
import { leafTotalsByYear } from '../../src/lib/sql/overview';
import { cellMeasure } from '../../src/lib/sql/measures';
import { lflChange, type PanelRow } from '../../src/lib/analysis/likeForLike';
import { wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const NEW = cellMeasure('s3_new_total');
const HANDLED = cellMeasure('s3_handled_total_total');
const OPEN = [{ name: 'open_rate__num', codes: ['s3_granted_total' as const] }, { name: 'open_rate__den', codes: ['s3_handled_total_total' as const] }];
const P = { from: 2022, to: 2024 };

// A city: C and D1 report every year; D2 only from 2023; D3 only in 2022–2023; district Q
// (aggregate) with members Q1, Q2: complete in 2023 and 2024, Q2 missing in 2022 (Q's report counts).
const REGISTRY = `agency_id,name,level,parent_id,category,is_aggregate,aliases
C,示例市人民政府,市级,,综合,否,
D1,示例市教育局,市级部门,C,综合,否,
D2,示例市数据局,市级部门,C,综合,否,
D3,示例市旧局,市级部门,C,综合,否,
Q,东城区人民政府,区县,C,区县政府,是,
Q1,东城区教育局,区县部门,Q,综合,否,
Q2,东城区财政局,区县部门,Q,综合,否,
`;
type R = [string, number, number, number, number]; // agency, year, new, handled, granted
const REPORTS: R[] = [
  ['C', 2022, 100, 90, 60], ['C', 2023, 120, 110, 70], ['C', 2024, 150, 140, 100],
  ['D1', 2022, 40, 38, 20], ['D1', 2023, 44, 41, 30], ['D1', 2024, 47, 45, 31],
  ['D2', 2023, 700, 650, 600], ['D2', 2024, 900, 880, 800],
  ['D3', 2022, 33, 30, 10], ['D3', 2023, 35, 31, 12],
  ['Q', 2022, 260, 250, 200], ['Q1', 2022, 97, 90, 80],
  ['Q', 2023, 999, 999, 999], ['Q1', 2023, 101, 100, 50], ['Q2', 2023, 131, 130, 90],
  ['Q', 2024, 888, 888, 888], ['Q1', 2024, 111, 105, 70], ['Q2', 2024, 141, 133, 99],
];

describe('like-for-like changes', () => {
  let db: DbAdapter;
  beforeAll(async () => {
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', REGISTRY);
    await loadCsv(db, 'r.csv', wideCsv(REPORTS.map(([agency, year, n, h, g]) => ({
      agency, year, cells: { s3_new_total: n, s3_handled_total_total: h, s3_granted_total: g },
    }))));
  }, 60_000);

  it('sums each year’s panel for the year and the year before; the year’s own total is unchanged', async () => {
    const rows = await db.query<PanelRow>(panelTotalsSql({}, P, [NEW, HANDLED, ...OPEN]));
    // 2023 vs 2022: counted 2022 = C D1 D3 Q; 2023 = C D1 D2 D3 Q1 Q2 → panel C D1 D3
    const c23 = lflChange(rows, 2023, 's3_new_total')!;
    expect(c23).toMatchObject({ panel: 3, cur: 120 + 44 + 35, prev: 100 + 40 + 33, abs: 26 });
    expect(c23.pct).toBeCloseTo(26 / 173, 12);
    // 2024 vs 2023: panel C D1 D2 Q1 Q2 (D3 stopped)
    const c24 = lflChange(rows, 2024, 's3_new_total')!;
    expect(c24).toMatchObject({ panel: 5, cur: 150 + 47 + 900 + 111 + 141, prev: 120 + 44 + 700 + 101 + 131 });
    const r24 = lflChange(rows, 2024, 'open_rate')!;
    expect(r24.abs).toBeCloseTo((100 + 31 + 800 + 70 + 99) / (140 + 45 + 880 + 105 + 133) - (70 + 30 + 600 + 50 + 90) / (110 + 41 + 650 + 100 + 130), 12);
    expect(r24.pct).toBeNull();
    expect(lflChange(rows, 2022, 's3_new_total')).toBeNull(); // no 2021
    const totals = await db.query<{ year: number; s3_new_total: number }>(leafTotalsByYear([NEW]));
    expect(totals.map((t) => t.s3_new_total)).toEqual([100 + 40 + 33 + 260, 120 + 44 + 700 + 35 + 101 + 131, 150 + 47 + 900 + 111 + 141]);
  });

  it('says who is left out and why', async () => {
    expect(await db.query(panelCoverageSql({}, P))).toEqual([
      // 2023: D2 new (no 2022 report); Q1 and Q2 counted in 2023, but in 2022 the district
      // came in through Q's report (Q1 reported, not counted; Q2 none); Q counted in 2022, not in 2023
      { year: 2023, counted: 6, prev_counted: 4, panel: 3, no_prev: 2, moved_prev: 1, no_cur: 0, moved_cur: 1 },
      { year: 2024, counted: 5, prev_counted: 6, panel: 5, no_prev: 0, moved_prev: 0, no_cur: 1, moved_cur: 0 },
    ]);
  });

  it('filters: within 市级部门 the panel is that level’s agencies', async () => {
    const rows = await db.query<PanelRow>(panelTotalsSql({ level: '市级部门' }, { from: 2024, to: 2024 }, [NEW]));
    expect(lflChange(rows, 2024, 's3_new_total')).toMatchObject({ panel: 2, cur: 947, prev: 744, abs: 203 });
    // no aggregate in this scope: D3 stopped reporting
    expect(await db.query(panelCoverageSql({ level: '市级部门' }, { from: 2024, to: 2024 }))).toEqual([
      { year: 2024, counted: 2, prev_counted: 3, panel: 2, no_prev: 0, moved_prev: 0, no_cur: 1, moved_cur: 0 },
    ]);
  });

  it('marks years whose reporting set differs from the latest year’s, and gives a balanced series', async () => {
    expect(await db.query(reportingCoverageSql({}, P))).toEqual([
      { year: 2022, reporting: 5, of_latest: 4, latest_reporting: 6, latest_year: 2024 },
      { year: 2023, reporting: 7, of_latest: 6, latest_reporting: 6, latest_year: 2024 },
      { year: 2024, reporting: 6, of_latest: 6, latest_reporting: 6, latest_year: 2024 },
    ]);
    // counted in every year 2022–2024: C and D1 only
    expect(await db.query(balancedTotalsSql({}, P, [NEW]))).toEqual([
      { year: 2022, panel: 2, s3_new_total: 140 },
      { year: 2023, panel: 2, s3_new_total: 164 },
      { year: 2024, panel: 2, s3_new_total: 197 },
    ]);
  });
});
