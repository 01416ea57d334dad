// Pure ECharts option builder for the compliance view: horizontal bars of flag counts (errors
// and warnings stacked) per category — rules or agencies. Labels arrive translated; agency names
// come from files, so tooltips escape them and long names are truncated on the axis.
import { fmtCount } from '../format';
import type { Lang } from '../i18n/messages';
import { escapeHtml } from './escape';
import { LEGEND } from './layout';
import { colon } from './values';
import type { ChartOption } from './echarts';

export interface CountSeries {
  name: string;
  color: string;
  values: number[];
}

export function countBarOption(labels: string[], series: CountSeries[], lang: Lang): ChartOption {
  return {
    animation: false,
    // no generated description: it would mix agency names into the UI's sentence
    aria: { enabled: true, label: { enabled: false } },
    color: series.map((s) => s.color),
    legend: LEGEND,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { axisValueLabel: string; seriesName: string; value: number; marker: string }[]) =>
        [escapeHtml(ps[0]?.axisValueLabel ?? ''), ...ps.map((p) => `${p.marker}${escapeHtml(p.seriesName)}${colon(lang)}${fmtCount(p.value, lang)}`)].join('<br>'),
    },
    grid: { left: 150, right: 24, top: 28, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    // rule titles wrap onto a second line rather than being cut
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 140, overflow: 'break', lineHeight: 12, fontSize: 11 } },
    series: series.map((s) => ({ type: 'bar', stack: 'n', name: s.name, data: s.values, barMaxWidth: 18 })),
  };
}
