// `missing` expects what the user's own data says: the registry's active_from / active_to when
// given, else from the agency's first loaded report; always within the years the workspace holds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { clearSql, reportParts } from '../../src/lib/db/reportParts';
import { parseCsvText } from '../../src/lib/ingest/csv';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';
import { flagsOf, where } from './helpers/scenario';

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); }, 60_000);
const c = (n: number) => consistentCells(n, 2);

const REGISTRY = `agency_id,name,level,parent_id,category,is_aggregate,aliases,active_from,active_to
OLD,旧局,市级部门,,综合,否,,,2022
NEW,新局,市级部门,,综合,否,,2023,
LATE,晚报局,市级部门,,综合,否,,,
EARLY,早设局,市级部门,,综合,否,,2015,
NONE,未报局,市级部门,,综合,否,,,
`;

describe('missing from the registry and the loaded data', () => {
  it('reads active_from / active_to and refuses impossible years', () => {
    const ok = parseCsvText('a.csv', REGISTRY);
    expect(ok.problems).toEqual([]);
    expect(ok.agencies.find((a) => a.agency_id === 'OLD')).toMatchObject({ active_to: 2022 });
    expect(ok.agencies.find((a) => a.agency_id === 'NEW')).toMatchObject({ active_from: 2023 });
    const bad = parseCsvText('b.csv', 'agency_id,name,active_from,active_to\nX,某局,二〇二三,\nY,某办,2024,2022\n');
    expect(bad.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:active_from', '3:active_to']);
  });

  it('expects the years the registry and the agency\'s own first report say, within the workspace\'s years', async () => {
    for (const sql of clearSql(await reportParts(db))) await db.query(sql);
    await loadCsv(db, 'agencies.csv', REGISTRY);
    await loadCsv(db, 'reports.csv', wideCsv([
      // loaded years: 2021–2024
      { agency: 'OLD', year: 2021, cells: c(11) }, // abolished after 2022: 2022 missing, 2023–2024 not expected
      { agency: 'NEW', year: 2024, cells: c(12) }, // set up in 2023: 2023 missing, 2021–2022 not expected
      { agency: 'LATE', year: 2023, cells: c(13) }, // first report 2023: 2024 missing, nothing before 2023
      { agency: 'EARLY', year: 2022, cells: c(14) }, { agency: 'EARLY', year: 2024, cells: c(15) }, // 2015: clamped to 2021
    ]));
    const flags = await flagsOf(db, 'missing');
    expect(where(flags)).toEqual(['EARLY 2021', 'EARLY 2023', 'LATE 2024', 'NEW 2023', 'NONE 2024', 'OLD 2022']);
  });
});
