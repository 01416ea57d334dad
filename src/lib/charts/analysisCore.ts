// The analysis views' extra ECharts parts (heatmap and its colour scale), registered on the app's
// lazily loaded ECharts core, so neither weighs on the first screen.
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { echarts } from './echartsCore';

echarts.use([HeatmapChart, VisualMapComponent]);

export { echarts };
