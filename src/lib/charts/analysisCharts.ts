// Pure ECharts option builders of the analysis views. Names from files are escaped before they
// reach a tooltip (tooltips render HTML); long agency names are truncated on axes, with the full
// name in the tooltip. Legends are never cut: series carry short names (chartLabels.ts), the
// legend wraps (layout.ts), and lines of very different size get panels of their own
// (multiples.ts). Numbers go through the one formatter.
import type { Lang } from '../i18n/messages';
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape';
import { LEGEND } from './layout';
import { multiplesOption, splitByMagnitude, truncateLabel } from './multiples';

export { truncateLabel };
import { fullNames, type Series } from './overviewCharts';
import { colon, fmtCompactValue, fmtValue, PALETTE, type ValueKind } from './values';

export { fmtValue, type ValueKind };

function axisValue(kind: ValueKind, lang: Lang) {
  return { type: 'value', axisLabel: { formatter: (v: number) => fmtCompactValue(v, kind, lang) } };
}

interface AxisParam { axisValueLabel: string; seriesName: string; value: number | null; marker: string; dataIndex: number }

/** Lines by year; blanks break the line. Series of very different size go to panels of their own. */
export function linesOption(categories: string[], series: Series[], lang: Lang, kind: ValueKind = 'count'): ChartOption {
  // rates share one scale (0–100%): 6% beside 95% is the comparison itself, never split
  const groups = kind === 'rate' ? [series] : splitByMagnitude(series);
  if (groups.length > 1) return multiplesOption(categories, groups.map((g) => ({ series: g })), lang, kind, 'line');
  const full = fullNames(series);
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: AxisParam[]) =>
        [escapeHtml(ps[0]?.axisValueLabel ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(full(p.seriesName))}${colon(lang)}${fmtValue(p.value, kind, lang)}`)].join('<br>'),
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
        `${escapeHtml(rows[p.value[1]]?.name ?? '')}<br>${escapeHtml(cols[p.value[0]]?.full ?? '')}${colon(lang)}${fmtValue(p.value[2], kind, lang)}`,
    },
    // room below for the reason names, turned 50°, above the colour scale
    grid: { left: 150, right: 16, top: 8, bottom: 150 },
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
  const groups = kind === 'rate' ? [series] : splitByMagnitude(series);
  if (groups.length > 1) return multiplesOption(agencies, groups.map((g) => ({ series: g })), lang, kind, 'bar', 8);
  const full = fullNames(series);
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true, label: { enabled: false } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: AxisParam[]) =>
        [escapeHtml(agencies[ps[0]?.dataIndex] ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(full(p.seriesName))}${colon(lang)}${fmtValue(p.value, kind, lang)}`)].join('<br>'),
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
      formatter: (p: { dataIndex: number; value: number | null }) => `${escapeHtml(fullLabels[p.dataIndex] ?? '')}${colon(lang)}${fmtValue(p.value, kind, lang)}`,
    },
    grid: { left: 170, right: 40, top: 8, bottom: 24 },
    xAxis: axisValue(kind, lang),
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { interval: 0, fontSize: 11, formatter: (s: string) => truncateLabel(s, 14) } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => fmtValue(p.value, kind, lang) } }],
  };
}
