// The one place ECharts is set up (tree-shaken) and mounted: a Svelte attachment that creates a
// chart, updates it when its option changes, resizes with its box and disposes on removal.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Attachment } from 'svelte/attachments';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Mounts a chart on the element; `onRendered` fires once the chart has drawn (for data-ready). */
export function chart(option: ChartOption, onRendered?: () => void): Attachment<HTMLElement> {
  return (el) => {
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    // Listen before setOption: with animation off, 'finished' fires during setOption.
    if (onRendered) c.on('finished', onRendered);
    c.setOption(option, true);
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  };
}

export { echarts };
