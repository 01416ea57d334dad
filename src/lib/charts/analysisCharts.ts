// Pure ECharts option builders of the analysis views. Names from files are escaped before they
// reach a tooltip (tooltips render HTML); long Chinese names are truncated on axes, with the full
// name in the tooltip. Numbers go through the one formatter.
import { fmtCompact, fmtCount, fmtDecimal, fmtMoney, fmtRate } from '../format';
import type { Lang } from '../i18n/messages';
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape';
import type { Series } from './overviewCharts';

export type ValueKind = 'count' | 'money' | 'rate' | 'per100';

/** Long series names are cut in the legend; hovering shows the full name. */
const LEGEND = { top: 0, type: 'scroll', formatter: (n: string) => truncateLabel(n, 12), tooltip: { show: true } };

const PALETTE = ['#2f6fb3', '#d9534f', '#3c9d6b', '#f0ad4e', '#6b4fa3', '#8c8c8c', '#7fb3e6', '#c17d2f', '#1f3b5c', '#e377c2'];

export function fmtValue(v: number | null | undefined, kind: ValueKind, lang: Lang): string {
  if (kind === 'rate') return fmtRate(v, lang);
  if (kind === 'per100') return fmtDecimal(v, lang, 1);
  if (kind === 'money') return fmtMoney(v, lang);
  return fmtCount(v, lang);
}

/** At most `max` characters, with an ellipsis (by code point: CJK names stay whole characters). */
export function truncateLabel(s: string, max = 8): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

function axisValue(kind: ValueKind, lang: Lang) {
  return { type: 'value', axisLabel: { formatter: (v: number) => (kind === 'rate' ? fmtRate(v, lang, 0) : fmtCompact(v, lang)) } };
}

interface AxisParam { axisValueLabel: string; seriesName: string; value: number | null; marker: string; dataIndex: number }

/** Lines by year; blanks break the line. */
export function linesOption(categories: string[], series: Series[], lang: Lang, kind: ValueKind = 'count'): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: AxisParam[]) =>
        [escapeHtml(ps[0]?.axisValueLabel ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(p.seriesName)}：${fmtValue(p.value, kind, lang)}`)].join('<br>'),
    },
    legend: LEGEND,
    grid: { left: 56, right: 20, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: categories, boundaryGap: false },
    yAxis: axisValue(kind, lang),
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, connectNulls: false, symbolSize: 6 })),
  };
}

export interface NamedRow { id: string; name: string }

/** Agencies (rows) × categories (columns) heat map; `values[row][col]`, null = blank (no cell). */
export function heatmapOption(rows: NamedRow[], cols: { label: string; full: string }[], values: (number | null)[][], lang: Lang, kind: ValueKind): ChartOption {
  const data: [number, number, number][] = [];
  let max = 0;
  values.forEach((row, y) => row.forEach((v, x) => {
    if (v == null) return;
    data.push([x, y, v]);
    max = Math.max(max, v);
  }));
  return {
    animation: false,
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { value: [number, number, number] }) =>
        `${escapeHtml(rows[p.value[1]]?.name ?? '')}<br>${escapeHtml(cols[p.value[0]]?.full ?? '')}：${fmtValue(p.value[2], kind, lang)}`,
    },
    grid: { left: 150, right: 16, top: 8, bottom: 96 },
    xAxis: { type: 'category', data: cols.map((c) => c.label), axisLabel: { rotate: 50, interval: 0, fontSize: 11 }, splitArea: { show: true } },
    yAxis: {
      type: 'category', inverse: true, data: rows.map((r) => r.name),
      axisLabel: { interval: 0, fontSize: 11, formatter: (s: string) => truncateLabel(s, 11) },
    },
    visualMap: {
      min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
      text: [fmtValue(max, kind, lang), fmtValue(0, kind, lang)],
      inRange: { color: ['#f4f8fc', '#7fb3e6', '#2f6fb3', '#1f3b5c'] },
      formatter: (v: number) => fmtValue(v, kind, lang),
    },
    series: [{ type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  };
}

/** Grouped bars: agencies (categories, full names) × measures (series). */
export function agencyBarsOption(agencies: string[], series: Series[], lang: Lang, kind: ValueKind): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: AxisParam[]) =>
        [escapeHtml(agencies[ps[0]?.dataIndex] ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(p.seriesName)}：${fmtValue(p.value, kind, lang)}`)].join('<br>'),
    },
    legend: LEGEND,
    grid: { left: 56, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: agencies, axisLabel: { interval: 0, formatter: (s: string) => truncateLabel(s, 8) } },
    yAxis: axisValue(kind, lang),
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
  };
}

/** Horizontal bars of parts (e.g. the 19 reasons), long labels truncated. */
export function partsBarOption(labels: string[], fullLabels: string[], values: (number | null)[], lang: Lang, kind: ValueKind = 'count'): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; value: number | null }) => `${escapeHtml(fullLabels[p.dataIndex] ?? '')}：${fmtValue(p.value, kind, lang)}`,
    },
    grid: { left: 170, right: 40, top: 8, bottom: 24 },
    xAxis: axisValue(kind, lang),
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11, formatter: (s: string) => truncateLabel(s, 14) } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => fmtValue(p.value, kind, lang) } }],
  };
}
