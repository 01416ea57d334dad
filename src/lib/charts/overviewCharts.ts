// Pure ECharts option builders for the overview. Inputs are plain rows; labels come from the
// caller (already translated, from cells.csv); numbers are formatted by the one formatter.
import { fmtCompact, fmtCount } from '../format';
import type { Lang } from '../i18n/messages';
import { escapeHtml } from './escape';
import { LEGEND } from './layout';
import { colon } from './values';
import type { ChartOption } from './echarts';

export interface Series {
  /** the short name, for the legend (chartLabels.ts) */
  name: string;
  /** the full label, for the tooltip (default: `name`) */
  full?: string;
  /** one value per category; null = blank */
  values: (number | null)[];
}

const PALETTE = ['#2f6fb3', '#7fb3e6', '#d9534f', '#f0ad4e', '#8c8c8c', '#6b4fa3', '#3c9d6b', '#c17d2f'];

/** The tooltip's name of a series: its full label when it has one. */
export function fullNames(series: readonly Series[]): (name: string) => string {
  const m = new Map(series.map((s) => [s.name, s.full ?? s.name]));
  return (n) => m.get(n) ?? n;
}

function axisTooltip(lang: Lang, full: (n: string) => string = (n) => n) {
  return {
    trigger: 'axis',
    formatter: (ps: { axisValueLabel: string; seriesName: string; value: number | null; marker: string }[]) =>
      [escapeHtml(ps[0]?.axisValueLabel ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(full(p.seriesName))}${colon(lang)}${fmtCount(p.value, lang)}`)].join('<br>'),
  };
}

/** Stacked bars: categories (years) × series (outcome groups). */
export function stackedBarOption(categories: string[], series: Series[], lang: Lang): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: axisTooltip(lang, fullNames(series)),
    legend: LEGEND,
    grid: { left: 56, right: 16, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtCompact(v, lang) } },
    series: series.map((s) => ({ type: 'bar', stack: 'total', name: s.name, data: s.values, emphasis: { focus: 'series' } })),
  };
}

/** Grouped bars, for volumes of different kinds side by side. */
export function groupedBarOption(categories: string[], series: Series[], lang: Lang): ChartOption {
  const o = stackedBarOption(categories, series, lang) as { series: { stack?: string }[] };
  o.series.forEach((s) => delete s.stack);
  return o as ChartOption;
}

const share = (x: number, lang: Lang) => (lang === 'zh' ? `（${(x * 100).toFixed(1)}%）` : ` (${(x * 100).toFixed(1)}%)`);

/** A horizontal bar of parts of one whole (applicant types), with shares in the tooltip. */
export function sharesBarOption(labels: string[], values: (number | null)[], lang: Lang): ChartOption {
  const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  return {
    animation: false,
    color: PALETTE,
    aria: { enabled: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number | null }) =>
        `${escapeHtml(p.name)}${colon(lang)}${fmtCount(p.value, lang)}${total && p.value != null ? share(p.value / total, lang) : ''}`,
    },
    grid: { left: 140, right: 40, top: 8, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmtCompact(v, lang) } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 130, overflow: 'break' } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right', formatter: (p: { value: number | null }) => fmtCount(p.value, lang) } }],
  };
}
