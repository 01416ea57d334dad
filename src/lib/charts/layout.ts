// Fitting a chart's option to the width it is drawn at. Pure: the mount calls it with the
// element's width (again when the width changes). Legends are plain ECharts legends that wrap to
// as many lines as their items need (never cut, never paged); the plot starts below them and the
// chart grows by the extra lines. Options with several grids (small multiples) get their grids
// laid out in as many columns as the width holds.
import type { ChartOption } from './echarts';

export const LEGEND_FONT = 12;
/** ECharts' legend geometry: icon 25 px, 5 px to the text, `itemGap` between items and lines */
const ICON = 25 + 5;
const ITEM_GAP = 12;
const LINE = 14 + ITEM_GAP;
/** room for a panel's title above its grid, and for the x axis labels below it */
const PANEL_TITLE = 22;
const X_LABELS = 26;
const MIN_PANEL_WIDTH = 240;

export const LEGEND = { type: 'plain', top: 0, left: 0, right: 0, itemGap: ITEM_GAP, textStyle: { fontSize: LEGEND_FONT } } as const;

/** A conservative estimate of a label's width in px: wide (CJK, full-width) characters take the
 *  font size, others 0.6 of it; overestimating only costs a little space. */
export function textWidth(s: string, fontSize = LEGEND_FONT): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? fontSize : fontSize * 0.6;
  return Math.ceil(w);
}

/** How many lines a horizontal legend of `names` takes in `width` px (items never split). */
export function legendLines(names: readonly string[], width: number, fontSize = LEGEND_FONT): number {
  if (!names.length) return 0;
  let lines = 1;
  let x = 0;
  for (const n of names) {
    const w = ICON + textWidth(n, fontSize);
    if (x > 0 && x + w > width) {
      lines += 1;
      x = 0;
    }
    x += w + ITEM_GAP;
  }
  return lines;
}

export const legendHeight = (lines: number) => (lines ? lines * LINE : 0);

interface GridLike { left?: number; right?: number; top?: number; bottom?: number; width?: number; height?: number }
interface Fittable {
  legend?: { show?: boolean; data?: string[] };
  series?: { name?: string }[];
  grid?: GridLike | GridLike[];
  title?: { text?: string; left?: number; top?: number }[];
}

/** The option as drawn at `width` px, and the height the chart needs (`baseHeight` plus the
 *  legend lines beyond the first, or the panels' rows). */
export function fitChart(option: ChartOption, width: number, baseHeight: number): { option: ChartOption; height: number } {
  const o = structuredCloneOption(option) as Fittable;
  const names = o.legend && o.legend.show !== false ? (o.legend.data ?? [...new Set((o.series ?? []).map((s) => s.name).filter((n): n is string => !!n))]) : [];
  const legendH = legendHeight(legendLines(names, width));
  if (Array.isArray(o.grid)) return fitPanels(o, width, baseHeight, legendH);
  const grid = (o.grid ??= {}) as GridLike;
  const top0 = grid.top ?? 40;
  // the builder's top allowed one legend line; each further line pushes the plot down
  const extra = Math.max(0, legendH - LINE);
  grid.top = top0 + extra;
  return { option: o as ChartOption, height: baseHeight + extra };
}

/** Small multiples: `cols` columns of panels as wide as the width allows, each with its title. */
function fitPanels(o: Fittable, width: number, baseHeight: number, legendH: number) {
  const grids = o.grid as GridLike[];
  const n = grids.length;
  // as many columns as fit, then balanced: 6 panels in 5 possible columns are 3 + 3, not 5 + 1
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / MIN_PANEL_WIDTH)));
  const rows = Math.ceil(n / maxCols);
  const cols = Math.ceil(n / rows);
  const cellW = width / cols;
  const cellH = Math.max(130, Math.round((baseHeight - 30) / Math.min(rows, 2)));
  const top = legendH + 8;
  const titles = o.title ?? [];
  grids.forEach((g, i) => {
    const x = (i % cols) * cellW;
    const y = top + Math.floor(i / cols) * cellH;
    g.left = Math.round(x + 52);
    g.width = Math.max(40, Math.round(cellW - 52 - 16));
    g.top = y + PANEL_TITLE;
    g.height = Math.max(40, cellH - PANEL_TITLE - X_LABELS);
    delete g.right;
    delete g.bottom;
    if (titles[i]) Object.assign(titles[i], { left: Math.round(x + 8), top: y });
  });
  return { option: o as ChartOption, height: top + rows * cellH };
}

/** A deep copy of the plain parts of an option (functions are shared, not copied). */
function structuredCloneOption<T>(v: T): T {
  if (Array.isArray(v)) return v.map(structuredCloneOption) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = structuredCloneOption(x);
    return out as T;
  }
  return v;
}
