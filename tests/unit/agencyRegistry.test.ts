// Registry edits: the checks and the merge plan (pure), and their SQL on DuckDB-WASM in Node
// (create, change, merge with and without a clash, who keeps which year, members re-parented,
// provenance moved, replay giving the same state), the tree and the agencies CSV round trip.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { agencyEditSql, type AgencyEdit } from '../../src/lib/db/agencyEdit';
import { applyAgencyEdit } from '../../src/lib/db/applyAgencyEdit';
import { clearSql, reportParts, reportTables } from '../../src/lib/db/reportParts';
import { mergeConflicts, planCreate, planMerge, planUpdate, type RegistryAgency } from '../../src/lib/registry/plan';
import { ancestors, searchAgencies, treeIndex, visibleRows } from '../../src/lib/registry/tree';
import { agenciesCsv } from '../../src/lib/registry/agenciesCsv';
import { parseCsvText } from '../../src/lib/ingest/csv';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb, loadCsv } from './helpers/db';

const REGISTRY = 'agency_id,name,level,parent_id,category,is_aggregate,aliases\n' +
  'HA,淮安市人民政府,市级,,综合,是,\n' +
  'HZ,洪泽区人民政府,区县,HA,区县政府,是,\n' +
  'HZ2,淮安市洪泽区人民政府,区县,,区县政府,否,洪泽区政府\n' +
  'HZ-J,洪泽区教育局,区县部门,HZ2,教育,否,\n' +
  'HA-S,淮安市数据局,市级部门,HA,综合,否,\n';

const REG: RegistryAgency[] = [
  { agency_id: 'HA', name: '淮安市人民政府', aliases: [], parent_id: null },
  { agency_id: 'HZ', name: '洪泽区人民政府', aliases: [], parent_id: 'HA' },
  { agency_id: 'HZ2', name: '淮安市洪泽区人民政府', aliases: ['洪泽区政府'], parent_id: null },
  { agency_id: 'HZ-J', name: '洪泽区教育局', aliases: [], parent_id: 'HZ2' },
];

describe('registry edit plans (pure)', () => {
  it('finds the years both agencies reported', () => {
    expect(mergeConflicts([2023, 2021, 2023], [2024, 2023, 2021])).toEqual([2021, 2023]);
    expect(mergeConflicts([2023], [2024])).toEqual([]);
  });

  it('refuses a merge where both reported a year unless a side is chosen, and plans the alias list', () => {
    const years = (id: string) => ({ HZ: [2023], HZ2: [2023, 2024] } as Record<string, number[]>)[id] ?? [];
    const refused = planMerge(REG, 'HZ', 'HZ2', years);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.refusal.zh).toContain('2023');
      expect(refused.refusal.en).toContain('choose which to keep');
    }
    const kept = planMerge(REG, 'HZ', 'HZ2', years, 'from');
    expect(kept).toEqual({ ok: true, edit: { kind: 'merge', from: 'HZ', into: 'HZ2', keep: 'from', aliases: ['洪泽区政府', '洪泽区人民政府'] } });
    // no clash: no side to keep, even if one was passed
    const clean = planMerge(REG, 'HZ', 'HZ2', (id) => (id === 'HZ' ? [2023] : [2024]), 'into');
    expect(clean.ok && clean.edit).toMatchObject({ keep: null });
    expect(planMerge(REG, 'HZ', 'HZ', years).ok).toBe(false);
    expect(planMerge(REG, 'HZ', 'NOPE', years).ok).toBe(false);
  });

  it('keeps names and aliases unique, ids new, parents real and acyclic', () => {
    const base = { level: null, parent_id: null, category: null, is_aggregate: false, aliases: [] };
    expect(planCreate(REG, { ...base, agency_id: 'HZ', name: '新机构' }).ok).toBe(false);
    expect(planCreate(REG, { ...base, agency_id: 'N', name: '洪泽区政府' }).ok).toBe(false); // an alias of HZ2
    expect(planCreate(REG, { ...base, agency_id: 'N', name: ' ' }).ok).toBe(false);
    expect(planCreate(REG, { ...base, agency_id: 'N', name: '新机构', parent_id: 'NOPE' }).ok).toBe(false);
    const ok = planCreate(REG, { ...base, agency_id: ' N ', name: ' 新机构 ', aliases: ['甲', ' 甲', ''] , parent_id: 'HA' });
    expect(ok).toEqual({ ok: true, edit: { kind: 'create', row: { ...base, agency_id: 'N', name: '新机构', aliases: ['甲'], parent_id: 'HA' } } });
    // HZ2 under its own member HZ-J would make a loop
    expect(planUpdate(REG, 'HZ2', { parent_id: 'HZ-J' }).ok).toBe(false);
    expect(planUpdate(REG, 'HZ2', { parent_id: 'HZ2' }).ok).toBe(false);
    expect(planUpdate(REG, 'HZ2', { parent_id: 'HA' })).toEqual({ ok: true, edit: { kind: 'update', agency_id: 'HZ2', fields: { parent_id: 'HA' } } });
    // its own name as an alias of itself is no clash with another agency; another's name is
    expect(planUpdate(REG, 'HZ2', { aliases: ['洪泽区政府', '洪泽区人民政府'] }).ok).toBe(false);
    expect(planUpdate(REG, 'NOPE', { name: 'x' }).ok).toBe(false);
  });
});

describe('registry edits on DuckDB', () => {
  let db: DbAdapter;
  const apply = async (e: AgencyEdit) => applyAgencyEdit(db, e);
  const agencies = () => db.query('SELECT agency_id, name, level, parent_id, category, is_aggregate, aliases FROM agencies ORDER BY agency_id', { uncached: true });
  const reports = () => db.query<{ agency_id: string; year: number; s3_new_total: number; reported_name: string }>(
    'SELECT agency_id, year, s3_new_total, reported_name FROM reports ORDER BY agency_id, year', { uncached: true });

  /** empty tables, the registry loaded (one DuckDB for the file: opening one takes seconds) */
  const reset = async () => {
    for (const sql of clearSql(await reportParts(db))) await db.query(sql);
    await loadCsv(db, 'agencies.csv', REGISTRY);
  };
  beforeAll(async () => { db = await freshDb(); }, 120_000);
  beforeEach(async () => {
    await reset();
    await loadCsv(db, 'r.csv', wideCsv([
      { agency: '洪泽区人民政府', year: 2023, cells: consistentCells(11, 3) },
      { agency: '淮安市洪泽区人民政府', year: 2023, cells: consistentCells(29, 7) },
      { agency: '淮安市洪泽区人民政府', year: 2024, cells: consistentCells(41, 9) },
      { agency: '洪泽区教育局', year: 2024, cells: consistentCells(5, 2) },
    ]));
  });

  it('creates and changes fields', async () => {
    await apply({ kind: 'create', row: { agency_id: 'N', name: '淮安市新设局', level: '市级部门', parent_id: 'HA', category: '经济', is_aggregate: false, aliases: ["O'Brien局"] } });
    await apply({ kind: 'update', agency_id: 'HZ', fields: { name: '洪泽区人民政府（旧）', is_aggregate: false, aliases: ['洪泽县人民政府'], level: null } });
    const rows = await agencies();
    expect(rows.find((r) => r.agency_id === 'N')).toEqual({ agency_id: 'N', name: '淮安市新设局', level: '市级部门', parent_id: 'HA', category: '经济', is_aggregate: false, aliases: ["O'Brien局"] });
    expect(rows.find((r) => r.agency_id === 'HZ')).toEqual({ agency_id: 'HZ', name: '洪泽区人民政府（旧）', level: null, parent_id: 'HA', category: '区县政府', is_aggregate: false, aliases: ['洪泽县人民政府'] });
  });

  it('sets active_from/active_to where the registry has those columns (the optional agencies CSV columns)', async () => {
    const sql = agencyEditSql({ kind: 'update', agency_id: 'HZ', fields: { active_to: 2023 } }, ['report_rows']);
    expect(sql).toEqual(["UPDATE agencies SET active_to = 2023 WHERE agency_id = 'HZ'"]);
    // none of it without the columns: a plain create names only the columns every registry has
    expect(agencyEditSql({ kind: 'create', row: { agency_id: 'N', name: 'n', level: null, parent_id: null, category: null, is_aggregate: false, aliases: [] } }, [])[0]).not.toContain('active_');
    // the agencies table has them (schema.ts): an edit sets them like any other field
    await apply({ kind: 'update', agency_id: 'HZ', fields: { active_to: 2023 } });
    await apply({ kind: 'create', row: { agency_id: 'N', name: '新局', level: null, parent_id: null, category: null, is_aggregate: false, aliases: [], active_from: 2024, active_to: null } });
    expect(await db.query("SELECT agency_id, active_from, active_to FROM agencies WHERE agency_id IN ('HZ', 'N') ORDER BY agency_id", { uncached: true }))
      .toEqual([{ agency_id: 'HZ', active_from: null, active_to: 2023 }, { agency_id: 'N', active_from: 2024, active_to: null }]);
    expect(planUpdate(REG, 'HZ', { active_from: 2024, active_to: 2022 }).ok).toBe(false);
  });

  it('an update with nothing to set is no statement', () => {
    expect(agencyEditSql({ kind: 'update', agency_id: 'HZ', fields: {} }, ['report_rows'])).toEqual([]);
  });

  it('merges keeping the target\'s report in a clashing year: reports, members and aliases move', async () => {
    const plan = planMerge(REG, 'HZ', 'HZ2', () => [2023], 'into');
    if (!plan.ok) throw new Error('plan refused');
    await apply(plan.edit);
    expect(await reports()).toEqual([
      { agency_id: 'HZ-J', year: 2024, s3_new_total: 6, reported_name: '洪泽区教育局' },
      { agency_id: 'HZ2', year: 2023, s3_new_total: 30, reported_name: '淮安市洪泽区人民政府' },
      { agency_id: 'HZ2', year: 2024, s3_new_total: 42, reported_name: '淮安市洪泽区人民政府' },
    ]);
    const rows = await agencies();
    expect(rows.map((r) => r.agency_id)).toEqual(['HA', 'HA-S', 'HZ-J', 'HZ2']);
    expect(rows.find((r) => r.agency_id === 'HZ2')?.aliases).toEqual(['洪泽区政府', '洪泽区人民政府']);
  });

  it('merges keeping the merged agency\'s report, and moves a report of a year the target lacks', async () => {
    await apply({ kind: 'merge', from: 'HZ', into: 'HZ2', keep: 'from', aliases: ['洪泽区人民政府'] });
    expect((await reports()).filter((r) => r.agency_id === 'HZ2')).toEqual([
      { agency_id: 'HZ2', year: 2023, s3_new_total: 12, reported_name: '洪泽区人民政府' },
      { agency_id: 'HZ2', year: 2024, s3_new_total: 42, reported_name: '淮安市洪泽区人民政府' },
    ]);
    // the other way round: 2023 and 2024 both move to HZ (it had 2023 alone), members follow
    await reset();
    await loadCsv(db, 'r.csv', wideCsv([{ agency: 'HZ2', year: 2024, cells: consistentCells(41, 9) }, { agency: 'HZ', year: 2023, cells: consistentCells(11, 3) }]));
    await apply({ kind: 'merge', from: 'HZ2', into: 'HZ', keep: null, aliases: ['淮安市洪泽区人民政府', '洪泽区政府'] });
    expect((await reports()).map((r) => `${r.agency_id} ${r.year} ${r.s3_new_total}`)).toEqual(['HZ 2023 12', 'HZ 2024 42']);
    expect((await agencies()).find((r) => r.agency_id === 'HZ-J')?.parent_id).toBe('HZ');
  });

  it('a target that was a member of the merged agency takes its place in the hierarchy', async () => {
    await apply({ kind: 'update', agency_id: 'HZ-J', fields: { parent_id: 'HZ' } });
    await apply({ kind: 'merge', from: 'HZ', into: 'HZ-J', keep: null, aliases: [] });
    expect((await agencies()).find((r) => r.agency_id === 'HZ-J')?.parent_id).toBe('HA');
  });

  it('moves provenance with the reports and drops the provenance of the report that gave way', async () => {
    await db.query("INSERT INTO cell_sources VALUES ('HZ', 2023, 's3_new_total', 'a.pdf', 1, 5), ('HZ2', 2023, 's3_new_total', 'b.pdf', 2, 7)");
    await apply({ kind: 'merge', from: 'HZ', into: 'HZ2', keep: 'from', aliases: [] });
    expect(await db.query('SELECT agency_id, year, file FROM cell_sources', { uncached: true })).toEqual([{ agency_id: 'HZ2', year: 2023, file: 'a.pdf' }]);
  });

  it('a failure inside the transaction (the log write) leaves everything as it was', async () => {
    const before = JSON.stringify([await agencies(), await reports()]);
    await expect(applyAgencyEdit(db, { kind: 'merge', from: 'HZ', into: 'HZ2', keep: 'into', aliases: [] }, async () => { throw new Error('quota'); })).rejects.toThrow('quota');
    expect(JSON.stringify([await agencies(), await reports()])).toBe(before);
  });

  it('replaying the same edits on a fresh load gives the same state (the log is the truth)', async () => {
    const edits: AgencyEdit[] = [
      { kind: 'create', row: { agency_id: 'N', name: '淮安市新设局', level: null, parent_id: 'HA', category: null, is_aggregate: false, aliases: [] } },
      { kind: 'merge', from: 'HZ', into: 'HZ2', keep: 'into', aliases: ['洪泽区政府', '洪泽区人民政府'] },
      { kind: 'update', agency_id: 'HZ2', fields: { parent_id: 'HA', is_aggregate: true } },
    ];
    for (const e of edits) await apply(e);
    const first = JSON.stringify([await agencies(), await reports()]);
    await reset();
    await loadCsv(db, 'r.csv', wideCsv([
      { agency: '洪泽区人民政府', year: 2023, cells: consistentCells(11, 3) },
      { agency: '淮安市洪泽区人民政府', year: 2023, cells: consistentCells(29, 7) },
      { agency: '淮安市洪泽区人民政府', year: 2024, cells: consistentCells(41, 9) },
      { agency: '洪泽区教育局', year: 2024, cells: consistentCells(5, 2) },
    ]));
    for (const e of edits) await apply(e);
    expect(JSON.stringify([await agencies(), await reports()])).toBe(first);
    expect(await reportTables(db)).toEqual(['report_rows']);
  });
});

describe('registry tree, search and CSV', () => {
  const rows = [
    { agency_id: 'A', name: '甲市', parent_id: null, aliases: [] },
    { agency_id: 'B', name: '乙区', parent_id: 'A', aliases: ['乙县'] },
    { agency_id: 'C', name: '丙局', parent_id: 'B', aliases: [] },
    { agency_id: 'D', name: '丁局', parent_id: 'GONE', aliases: [] },
    { agency_id: 'E', name: '戊', parent_id: 'F', aliases: [] },
    { agency_id: 'F', name: '己', parent_id: 'E', aliases: [] },
  ];
  it('shows roots (and orphans) first and members only under opened nodes; a loop is walked once', () => {
    const idx = treeIndex(rows);
    expect(visibleRows(idx, new Set()).map((r) => r.item.agency_id)).toEqual(['A', 'D']);
    expect(visibleRows(idx, new Set(['A', 'B'])).map((r) => `${r.item.agency_id}${r.depth}${r.members}`)).toEqual(['A01', 'B11', 'C20', 'D00']);
    expect(ancestors(new Map(rows.map((r) => [r.agency_id, r])), 'C')).toEqual(['B', 'A']);
    expect(ancestors(new Map(rows.map((r) => [r.agency_id, r])), 'E')).toEqual(['F', 'E']);
  });
  it('searches names, ids and aliases', () => {
    expect(searchAgencies(rows, ' 乙 县').map((r) => r.agency_id)).toEqual(['B']);
    expect(searchAgencies(rows, 'c').map((r) => r.agency_id)).toEqual(['C']);
    expect(searchAgencies(rows, '')).toBe(rows);
  });
  it('exports the agencies CSV the import reads back as it was', () => {
    const list = [
      { agency_id: 'HA', name: '淮安市人民政府', level: '市级', parent_id: null, category: '综合', is_aggregate: true, aliases: ['淮安市政府', '淮安市人民政府办公室'] },
      { agency_id: 'HZ', name: '洪泽区, 人民政府', level: null, parent_id: 'HA', category: null, is_aggregate: false, aliases: [] },
    ];
    const parsed = parseCsvText('agencies.csv', agenciesCsv(list));
    expect(parsed.problems).toEqual([]);
    expect(parsed.kind).toBe('agencies');
    expect(parsed.agencies.map(({ line: _line, ...a }) => a)).toEqual(list);
  });
  it('exports active_from/active_to only where the registry has them', () => {
    const row = { agency_id: 'HA', name: '淮安市人民政府', level: null, parent_id: null, category: null, is_aggregate: false, aliases: [] };
    expect(agenciesCsv([row]).split('\r\n')[0]).toBe('\uFEFFagency_id,name,level,parent_id,category,is_aggregate,aliases');
    expect(agenciesCsv([{ ...row, active_from: 2021, active_to: null }]).split('\r\n').slice(0, 2))
      .toEqual(['\uFEFFagency_id,name,level,parent_id,category,is_aggregate,aliases,active_from,active_to', 'HA,淮安市人民政府,,,,false,,2021,']);
  });
});
