// Long tables: pages of rows, the shown range's words, and rows whose cells are built only when
// read (the big tables' builders), which must sort and export exactly as eager rows would.
import { describe, expect, it } from 'vitest';
import { lazyTableRows, sortRows, tableCsv, valueOf, type TableSpec, type TCol, type TRow } from '../../src/lib/analysis/table';
import { pageInfo, rangeText, pageOfText, rowSetKey } from '../../src/lib/analysis/paging';
import { compareTable } from '../../src/views/compare/compareTable';
import { sparkTable } from '../../src/views/trends/sparkTable';
import { heatTable } from '../../src/views/refusals/refusalTables';
import { registryTable } from '../../src/views/agency/registryTable';
import { COMPARE_METRICS, HANDLED_CODE, REASONS } from '../../src/lib/sql/keyMeasures';
import type { CompareRow } from '../../src/views/compare/compareModel.svelte';
import type { AgencySeries } from '../../src/views/trends/trendsModel.svelte';
import type { AgencyRow } from '../../src/views/refusals/refusalsModel.svelte';

describe('pages', () => {
  it('cuts rows into pages and clamps a page past either end', () => {
    expect(pageInfo(16_700, 0)).toEqual({ page: 0, pages: 167, start: 0, end: 100, total: 16_700 });
    expect(pageInfo(16_701, 167)).toEqual({ page: 167, pages: 168, start: 16_700, end: 16_701, total: 16_701 });
    expect(pageInfo(250, 99).page).toBe(2);
    expect(pageInfo(250, -3).page).toBe(0);
    expect(pageInfo(250, Number.NaN).page).toBe(0);
    expect(pageInfo(0, 4)).toEqual({ page: 0, pages: 1, start: 0, end: 0, total: 0 });
    expect(pageInfo(87, 0).pages).toBe(1);
    expect(pageInfo(25, 1, 10)).toEqual({ page: 1, pages: 3, start: 10, end: 20, total: 25 });
  });

  it('says which rows are shown, in the UI language', () => {
    expect(rangeText(pageInfo(16_700, 0), 'zh')).toBe('第 1–100 行，共 16,700 行');
    expect(rangeText(pageInfo(16_750, 167), 'en')).toBe('Rows 16,701–16,750 of 16,750');
    expect(rangeText(pageInfo(0, 0), 'zh')).toBe('第 0–0 行，共 0 行');
    expect(pageOfText(pageInfo(16_700, 1), 'zh')).toBe('第 2 / 167 页');
    expect(pageOfText(pageInfo(16_700, 1), 'en')).toBe('Page 2 of 167');
  });

  it('a set of rows is known by its size and ends (a rebuilt equal table keeps its page)', () => {
    const k = (xs: string[]) => rowSetKey(xs, (x) => x);
    expect(k(['a', 'b', 'c'])).toBe(k(['a', 'b', 'c']));
    expect(k(['a', 'b', 'c'])).not.toBe(k(['a', 'b']));
    expect(k(['a', 'b', 'c'])).not.toBe(k(['b', 'x', 'c']));
    expect(k([])).toBe('0');
  });
});

describe('lazy rows', () => {
  const cols: TCol[] = [{ key: 'name', label: '机构', kind: 'text', head: true }, { key: 'n', label: '件数', kind: 'count' }];
  const items = [{ id: 'a', name: '乙局', n: 5 }, { id: 'b', name: '甲局', n: null }, { id: 'c', name: '丙局', n: 12 }];

  it('builds a row’s cells once, when read; sorting and export read single values', () => {
    const calls: string[] = [];
    const rows = lazyTableRows(items, cols, (x) => ({ key: x.id, agency: x.id }), (x, col) => {
      calls.push(`${x.id}.${col}`);
      return col === 'name' ? { v: x.name, href: `#/agency/${x.id}` } : col === 'n' ? { v: x.n, metric: 'n' } : undefined;
    });
    expect(calls).toEqual([]);
    expect(sortRows(rows, 'n', 'desc').map((r) => r.key)).toEqual(['c', 'a', 'b']);
    expect(calls).toEqual(['a.n', 'b.n', 'c.n']);
    calls.length = 0;
    expect(rows[2].cells).toEqual({ name: { v: '丙局', href: '#/agency/c' }, n: { v: 12, metric: 'n' } });
    expect(rows[2].cells).toBe(rows[2].cells);
    expect(calls).toEqual(['c.name', 'c.n']);
    expect(rows[2].agency).toBe('c');
    expect(tableCsv({ cols, rows })).toBe('\uFEFF机构,件数\r\n乙局,5\r\n甲局,\r\n丙局,12\r\n');
  });

  // every builder of a big table: a lazy row's values are its cells' values, so sorting and the
  // CSV export agree with what a page shows
  const agencyBase = (i: number) => ({ agency_id: `A${String(i).padStart(3, '0')}`, name: `机构${(i * 7) % 13}号`, level: i % 3 ? '区县部门' : '市级部门', category: null, is_aggregate: i % 5 === 0 });
  const num = (i: number, j: number) => ((i * 31 + j * 17) % 11 === 0 ? null : (i * 13 + j * 7) % 97);
  const compareRows = Array.from({ length: 40 }, (_, i) => {
    const r: Record<string, unknown> = agencyBase(i);
    COMPARE_METRICS.forEach((m, j) => {
      r[m.name] = m.kind === 'rate' ? (num(i, j) ?? 0) / 97 : num(i, j);
      for (const x of ['den', 'rank', 'peers', 'pct']) r[`${m.name}__${x}`] = num(i, j + x.length);
    });
    return r as CompareRow;
  });
  const series = Array.from({ length: 40 }, (_, i) => ({ ...agencyBase(i), values: [0, 1, 2, 3].map((j) => num(i, j)) }) as AgencySeries);
  const heat = Array.from({ length: 40 }, (_, i) => {
    const r: Record<string, unknown> = { ...agencyBase(i), [HANDLED_CODE]: num(i, 99) };
    REASONS.forEach((x, j) => { r[x.code] = num(i, j); });
    return r as AgencyRow;
  });
  const registry = Array.from({ length: 40 }, (_, i) => ({ ...agencyBase(i), category: i % 2 ? '委办局' : null, reports: i % 4 }));
  const specs: [string, () => TableSpec][] = [
    ['compare', () => compareTable(compareRows, 2024, 'open_rate', 'zh')],
    ['compare en', () => compareTable(compareRows, 2024, null, 'en')],
    ['spark', () => sparkTable(series, [2021, 2022, 2023, 2024], 's3_new_total', 'zh')],
    ['heat per100', () => heatTable(heat, 2024, 'per100', 'zh')],
    ['heat count', () => heatTable(heat, 2024, 'count', 'en')],
    ['registry', () => registryTable(registry, 'zh')],
  ];
  it.each(specs)('%s: values are the cells’ values; sorting lazy rows = sorting built rows', (_, make) => {
    const spec = make();
    // plain rows holding every built cell, as the tables were before
    const eager: TRow[] = spec.rows.map((r) => ({ key: r.key, agency: r.agency, muted: r.muted, cells: { ...r.cells } }));
    expect(eager.every((r) => !('value' in r))).toBe(true);
    const cols = spec.cols.map((c) => c.key);
    for (const r of make().rows) for (const c of cols) expect(valueOf(r, c)).toEqual(eager.find((e) => e.key === r.key)!.cells[c]?.v ?? null);
    for (const c of spec.cols.filter((x) => x.sortable || x.kind === 'text')) {
      for (const dir of ['asc', 'desc'] as const) {
        // fresh lazy rows: nothing built, each value from its own cell
        expect(sortRows(make().rows, c.key, dir).map((r) => r.key)).toEqual(sortRows(eager, c.key, dir).map((r) => r.key));
      }
    }
    expect(tableCsv(make())).toBe(tableCsv({ ...spec, rows: eager }));
    expect(spec.rows.every((r) => r.agency === r.key)).toBe(true);
    expect(spec.rows.some((r) => r.muted)).toBe(true);
  });
});

describe('agency name suggestions', () => {
  it('offers at most the limit, those containing the typed text, shortest first', async () => {
    const { suggest } = await import('../../src/views/import/suggest');
    const names = Array.from({ length: 3000 }, (_, i) => `第${i + 1}市示例市教育局`).concat(['示例市教育局', 'SL-D02', '示例市卫生健康委员会']);
    expect(suggest(names, '教育局', 5)).toEqual(['示例市教育局', '第1市示例市教育局', '第2市示例市教育局', '第3市示例市教育局', '第4市示例市教育局']);
    expect(suggest(names, ' sl-d ', 5)).toEqual(['SL-D02']);
    expect(suggest(names, '卫生')).toEqual(['示例市卫生健康委员会']);
    expect(suggest(names, '').length).toBe(50);
    expect(suggest(names, '没有这个')).toEqual([]);
  });
});
