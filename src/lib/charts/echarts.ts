// Mounting charts: a Svelte attachment that creates a chart (ECharts loaded on first use),
// draws its option, resizes with its box and disposes on removal.
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Attachment } from 'svelte/attachments';
import { fitChart } from './layout';

export type ChartOption = EChartsCoreOption;
type Core = { echarts: typeof import('echarts/core') };

let core: Promise<Core> | null = null;
export const loadECharts = () => (core ??= import('./echartsCore'));

export interface ChartClick {
  dataIndex: number;
  seriesIndex?: number;
  name?: string;
  value?: unknown;
}

export interface ChartHooks {
  /** fires once the chart has drawn */
  onRendered?: () => void;
  onClick?: (p: ChartClick) => void;
  /** which ECharts build to load (the analysis views add the heatmap) */
  load?: () => Promise<Core>;
}

export function chart(option: ChartOption, hooks: ChartHooks = {}): Attachment<HTMLElement> {
  return (el) => {
    let c: EChartsType | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    (hooks.load ?? loadECharts)().then(({ echarts }) => {
      if (gone) return;
      // the chart's own words (its description for screen readers) in the page's language
      const locale = document.documentElement.lang.startsWith('zh') ? 'ZH' : 'EN';
      c = echarts.init(el, undefined, { renderer: 'canvas', locale });
      // Listen before setOption: with animation off, 'finished' fires during setOption.
      if (hooks.onRendered) c.on('finished', hooks.onRendered);
      if (hooks.onClick) c.on('click', (p: unknown) => hooks.onClick!(p as ChartClick));
      // laid out for the element's width (legend lines, panels); again when the width changes
      const baseHeight = el.clientHeight || 280;
      let width = 0;
      const fit = () => {
        const w = el.clientWidth;
        if (!c || w === width || w === 0) return c?.resize();
        width = w;
        const f = fitChart(option, w, baseHeight);
        el.style.height = `${f.height}px`;
        c.resize();
        c.setOption(f.option, true);
      };
      fit();
      el.dataset.drawn = 'true';
      ro = new ResizeObserver(fit);
      ro.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      c?.dispose();
    };
  };
}
