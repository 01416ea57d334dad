// The analysis views' pure helpers: table sorting, shown text, CSV export, labels, truncation.
import { describe, expect, it } from 'vitest';
import { cellText, sortOf, sortRows, tableCsv, toggleSort, type TableSpec } from '../../src/lib/analysis/table';
import { metricLabel, reasonLabel } from '../../src/lib/analysis/labels';
import { measuresByYears } from '../../src/lib/analysis/tables';
import { rowSum } from '../../src/lib/analysis/rowSum';
import { truncateLabel } from '../../src/lib/charts/analysisCharts';
import { parseSelection } from '../../src/views/compare/compareModel.svelte';
import { REASONS, TREND_MEASURES, COMPARE_METRICS } from '../../src/lib/sql/keyMeasures';

const spec: TableSpec = {
  cols: [
    { key: 'select', label: '选择', kind: 'select' },
    { key: 'agency', label: '机构', kind: 'text', head: true },
    { key: 'spark', label: '走势', kind: 'spark' },
    { key: 'n', label: '件数', kind: 'count' },
    { key: 'r', label: '公开率', kind: 'rate' },
  ],
  rows: [
    { key: 'a', cells: { agency: { v: '乙局' }, n: { v: 5 }, r: { v: 0.5 } } },
    { key: 'b', cells: { agency: { v: '=甲局' }, n: { v: null }, r: { v: null } } },
    { key: 'c', cells: { agency: { v: '丙局' }, n: { v: 12 }, r: { v: 0.25 } } },
    { key: 'd', cells: { agency: { v: '丁局' }, n: { v: 5 }, r: { v: 1 } } },
  ],
};

describe('analysis tables', () => {
  it('sorts with blanks last in both directions and keeps ties in order', () => {
    expect(sortRows(spec.rows, 'n', 'desc').map((r) => r.key)).toEqual(['c', 'a', 'd', 'b']);
    expect(sortRows(spec.rows, 'n', 'asc').map((r) => r.key)).toEqual(['a', 'd', 'c', 'b']);
    expect(sortRows(spec.rows, null, 'asc').map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortOf({}, 'n')).toEqual({ key: 'n', dir: 'desc' });
    expect(toggleSort({ year: '2024' }, 'n', { key: 'n', dir: 'desc' })).toEqual({ year: '2024', sort: 'n', dir: 'asc' });
    expect(toggleSort({}, 'agency', { key: 'n', dir: 'desc' })).toEqual({ sort: 'agency', dir: 'asc' });
  });

  it('shows figures through the one formatter, blanks as —', () => {
    expect(cellText('count', 12345, 'zh')).toBe('12,345');
    expect(cellText('rate', 0.1234, 'zh')).toBe('12.3%');
    expect(cellText('rate', null, 'zh')).toBe('—');
    expect(cellText('change', -0.05, 'zh')).toBe('−5.0%');
    expect(cellText('per100', 3.456, 'zh')).toBe('3.5');
    expect(cellText('money', 1.256, 'zh')).toBe('1.26');
  });

  it('exports what is shown: no pictures or checkboxes, raw values, formulas neutralised, BOM', () => {
    const csv = tableCsv(spec);
    // a rate column says it holds ratios
    expect(csv.startsWith('\uFEFF机构,件数,公开率（比值）\r\n')).toBe(true);
    expect(csv).toContain("'=甲局,,\r\n");
    expect(csv).toContain('乙局,5,0.5\r\n');
  });

  it('measures × years carries each year-over-year change, undefined over a zero base', () => {
    const vals: Record<number, number> = { 2022: 0, 2023: 4, 2024: 6 };
    const get = (y: number) => vals[y] ?? null;
    const t = measuresByYears([2022, 2023, 2024], ['s3_new_total'], get, 'zh');
    expect(t.cols.map((c) => c.key)).toEqual(['metric', 'y2022', 'y2023', 'yoy2023', 'y2024', 'yoy2024']);
    expect(t.rows[0].cells.yoy2023.v).toBeNull();
    expect(t.rows[0].cells.yoy2024.v).toBe(0.5);
    expect(t.rows[0].cells.yoy2024.metric).toBe('s3_new_total__yoy');
  });

  it('labels measures from cells.csv, groups and rates', () => {
    expect(metricLabel('s3_new_total', 'zh')).toBe('本年新收政府信息公开申请数量');
    expect(metricLabel('s3_handled_total_total', 'zh')).toBe('三（七）总计');
    expect(metricLabel('s2_fee_amount', 'zh')).toBe('行政事业性收费｜本年收费金额（单位：万元）');
    expect(metricLabel('outcome_refused_total', 'zh')).toBe('不予公开（合计）');
    expect(metricLabel('open_rate', 'en')).toBe('Disclosure rate');
    expect(metricLabel('suit_total', 'zh')).toBe('行政诉讼（合计）');
    expect(reasonLabel('s3_deny_state_secret_total', 'zh')).toBe('属于国家秘密');
    expect(REASONS).toHaveLength(19);
    for (const m of [...TREND_MEASURES, ...COMPARE_METRICS]) expect(metricLabel(m.name, 'zh'), m.name).not.toBe(m.name);
  });

  it('truncates long names by character, sums rows like SQL, parses the selection', () => {
    expect(truncateLabel('示例市人力资源和社会保障局', 8)).toBe('示例市人力资源…');
    expect(truncateLabel('示例市公安局', 8)).toBe('示例市公安局');
    expect(rowSum({ a: 1, b: null, c: 2 }, ['a', 'b', 'c'])).toBe(3);
    expect(rowSum({ a: null, b: null }, ['a', 'b'])).toBeNull();
    expect(parseSelection('A, B,,A,C,D,E,F,G')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(parseSelection(undefined)).toEqual([]);
  });
});
