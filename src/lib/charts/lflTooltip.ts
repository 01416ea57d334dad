// Adds like-for-like changes and coverage to a year-axis chart's tooltip (pure): whatever the
// chart's own formatter shows, then per series its change over the panel of agencies counted in
// both years, and the year's coverage mark. Composes with the builder's formatter rather than
// replacing it.
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape';
import type { Lang } from '../i18n/messages';

interface AxisParam { dataIndex: number; seriesIndex: number; seriesName: string }
type Formatter = (ps: AxisParam[]) => string;

/** `lines(yearIndex, seriesIndex)` → the text of one series' change (or null: none); `mark(i)`
 *  → the year's coverage note (or null). */
export function withChangeTooltip(
  option: ChartOption,
  lines: (yearIndex: number, seriesIndex: number) => string | null,
  mark: (yearIndex: number) => string | null,
  heading: string,
  lang: Lang,
): ChartOption {
  const sep = lang === 'zh' ? '：' : ': ';
  const tooltip = (option.tooltip ?? {}) as { formatter?: Formatter };
  const base = tooltip.formatter;
  const formatter: Formatter = (ps) => {
    const head = base ? base(ps) : '';
    const i = ps[0]?.dataIndex ?? -1;
    const changes = ps.map((p) => {
      const t = lines(i, p.seriesIndex);
      return t == null ? null : `${escapeHtml(p.seriesName)}${sep}${escapeHtml(t)}`;
    }).filter((x): x is string => x != null);
    const m = mark(i);
    return [head, ...(changes.length ? [`<b>${escapeHtml(heading)}</b>`, ...changes] : []), ...(m ? [`<i>${escapeHtml(m)}</i>`] : [])].join('<br>');
  };
  return { ...option, tooltip: { ...tooltip, formatter } };
}
