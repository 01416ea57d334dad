// Small multiples: series of very different size (规章 1–5 a year beside 行政许可 decisions in the
// tens of thousands) each get a panel with its own axis, in one chart (one legend, one PNG), so
// no series is a flat line at zero. Pure; `fitChart` (layout.ts) places the panels.
import type { Lang } from '../i18n/messages';
import { CELL_BY_CODE } from '../format/cells';
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape';
import { LEGEND } from './layout';
import { fullNames, type Series } from './overviewCharts';
import { colon, fmtCompactValue, fmtValue, PALETTE, type ValueKind } from './values';

export interface ChartPanelSpec {
  title?: string;
  series: Series[];
}

/** At most `max` characters, with an ellipsis (by code point: CJK names stay whole characters). */
export function truncateLabel(s: string, max = 8): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

const peak = (s: Series) => s.values.reduce<number>((m, v) => Math.max(m, Math.abs(v ?? 0)), 0);

/** Series grouped so that within a group the largest is at most `ratio` times the smallest
 *  (all-blank or all-zero series join the smallest group); groups largest first, series in their
 *  given order within a group. One group when they all fit on one axis. */
export function splitByMagnitude(series: readonly Series[], ratio = 15): Series[][] {
  const order = series.map((s, i) => ({ s, i, p: peak(s) })).sort((a, b) => b.p - a.p);
  const groups: { top: number; items: typeof order }[] = [];
  for (const it of order) {
    const g = groups.at(-1);
    if (g && (it.p === 0 || it.p * ratio >= g.top)) g.items.push(it);
    else groups.push({ top: it.p, items: [it] });
  }
  return groups.map((g) => g.items.sort((a, b) => a.i - b.i).map((x) => x.s));
}

/** Panels of lines or bars over the same categories (years, or agencies: `truncate` shortens
 *  their names on the axis, the tooltip has them whole), each on its own value axis. */
export function multiplesOption(categories: string[], panels: ChartPanelSpec[], lang: Lang, kind: ValueKind = 'count', type: 'line' | 'bar' = 'line', truncate?: number): ChartOption {
  const full = fullNames(panels.flatMap((p) => p.series));
  return {
    animation: false,
    color: PALETTE,
    // over agencies (truncated names): no generated description mixing names into its sentence
    aria: truncate ? { enabled: true, label: { enabled: false } } : { enabled: true },
    legend: { ...LEGEND, data: panels.flatMap((p) => p.series.map((s) => s.name)) },
    title: panels.map((p) => ({ text: p.title ?? '', textStyle: { fontSize: 12, fontWeight: 'normal', color: '#444' } })),
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { axisValueLabel: string; seriesName: string; value: number | null; marker: string }[]) =>
        [escapeHtml(ps[0]?.axisValueLabel ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(full(p.seriesName))}${colon(lang)}${fmtValue(p.value, kind, lang)}`)].join('<br>'),
    },
    grid: panels.map(() => ({})),
    xAxis: panels.map((_, i) => ({
      type: 'category', gridIndex: i, data: categories, boundaryGap: type === 'bar',
      axisLabel: truncate ? { interval: 0, formatter: (s: string) => truncateLabel(s, truncate) } : {},
    })),
    yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, splitNumber: 3, axisLabel: { formatter: (v: number) => fmtCompactValue(v, kind, lang) } })),
    series: panels.flatMap((p, i) =>
      p.series.map((s) => (type === 'line'
        ? { type, name: s.name, data: s.values, xAxisIndex: i, yAxisIndex: i, connectNulls: false, symbolSize: 6 }
        : { type, name: s.name, data: s.values, xAxisIndex: i, yAxisIndex: i, barMaxWidth: 18 })),
    ),
  };
}

/** Section 二's codes in panels by what they count: 规章, 规范性文件, decisions, fees (万元);
 *  within one, a stock (in force) far above the year's flow (issued, repealed) gets its own. */
export function proactivePanels(codes: readonly string[], series: (code: string) => Series): ChartPanelSpec[] {
  const key = (c: string) => (c.endsWith('_decisions') ? 'decisions' : CELL_BY_CODE.get(c)?.row_label_zh ?? c);
  const groups = new Map<string, string[]>();
  for (const c of codes) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  return [...groups.values()].flatMap((cs) => splitByMagnitude(cs.map(series), 6).map((g) => ({ series: g })));
}
