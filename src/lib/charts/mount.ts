// The analysis views' charts: the same attachment as echarts.ts, on the ECharts build with the
// heatmap parts, with a click handler (heatmap cell → agency page); and PNG export.
import { chart, type ChartClick, type ChartOption } from './echarts';

let core: Promise<typeof import('./analysisCore')> | null = null;
const load = () => (core ??= import('./analysisCore'));

export type { ChartClick };

export const mountChart = (option: ChartOption, onClick?: (p: ChartClick) => void) => chart(option, { onClick, load });

/** The chart drawn in `el` as PNG bytes (white background), or null if none is mounted there. */
export async function chartPng(el: HTMLElement): Promise<Uint8Array | null> {
  const { echarts } = await load();
  const c = echarts.getInstanceByDom(el);
  if (!c) return null;
  const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const b64 = url.slice(url.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}
