// Mounting charts: a Svelte attachment that creates a chart (ECharts loaded on first use),
// draws its option, resizes with its box and disposes on removal.
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Attachment } from 'svelte/attachments';

export type ChartOption = EChartsCoreOption;

let core: Promise<typeof import('./echartsCore')> | null = null;
export const loadECharts = () => (core ??= import('./echartsCore'));

/** Mounts a chart on the element; `onRendered` fires once it has drawn; `onChart` hands out the
 *  instance (e.g. for PNG export). */
export function chart(option: ChartOption, onRendered?: () => void, onChart?: (c: EChartsType | null) => void): Attachment<HTMLElement> {
  return (el) => {
    let c: EChartsType | null = null;
    let ro: ResizeObserver | null = null;
    let gone = false;
    loadECharts().then(({ echarts }) => {
      if (gone) return;
      c = echarts.init(el, undefined, { renderer: 'canvas' });
      // Listen before setOption: with animation off, 'finished' fires during setOption.
      if (onRendered) c.on('finished', onRendered);
      c.setOption(option, true);
      onChart?.(c);
      ro = new ResizeObserver(() => c?.resize());
      ro.observe(el);
    });
    return () => {
      gone = true;
      ro?.disconnect();
      c?.dispose();
      onChart?.(null);
    };
  };
}
