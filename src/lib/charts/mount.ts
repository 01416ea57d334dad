// Mounting the analysis views' charts: like echarts.ts's `chart` (ECharts loaded on first use),
// with the heatmap parts registered and a click handler (heatmap cell → agency page). PNG export
// reads the mounted instance back from its element.
import type { Attachment } from 'svelte/attachments';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './echarts';

let core: Promise<typeof import('./analysisCore')> | null = null;
const load = () => (core ??= import('./analysisCore'));

export interface ChartClick {
  dataIndex: number;
  seriesIndex?: number;
  name?: string;
  value?: unknown;
}

export function mountChart(option: ChartOption, onClick?: (p: ChartClick) => void): Attachment<HTMLElement> {
  return (el) => {
    let c: EChartsType | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    load().then(({ echarts }) => {
      if (gone) return;
      c = echarts.init(el, undefined, { renderer: 'canvas' });
      if (onClick) c.on('click', (p: unknown) => onClick(p as ChartClick));
      c.setOption(option, true);
      el.dataset.drawn = 'true';
      ro = new ResizeObserver(() => c?.resize());
      ro.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      c?.dispose();
    };
  };
}

/** The chart drawn in `el` as PNG bytes (white background), or null if none is mounted there. */
export async function chartPng(el: HTMLElement): Promise<Uint8Array | null> {
  const { echarts } = await load();
  const c = echarts.getInstanceByDom(el);
  if (!c) return null;
  const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const b64 = url.slice(url.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}
