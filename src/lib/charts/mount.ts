// The analysis views' charts: the same attachment as echarts.ts, on the ECharts build with the
// heatmap parts, with a click handler (heatmap cell → agency page); and PNG export.
import { chart, type ChartClick, type ChartOption } from './echarts';

let core: Promise<typeof import('./analysisCore')> | null = null;
const load = () => (core ??= import('./analysisCore'));

export type { ChartClick };

export const mountChart = (option: ChartOption, onClick?: (p: ChartClick) => void) => chart(option, { onClick, load });

/** The chart drawn in `el` as PNG bytes (white background), or null if none is mounted there;
 *  with `caption` (captionLines: title, filters, source, date) drawn above and below it. */
export async function chartPng(el: HTMLElement, caption: string[] = []): Promise<Uint8Array | null> {
  const { echarts } = await load();
  const c = echarts.getInstanceByDom(el);
  if (!c) return null;
  const url = c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
  const out = caption.length ? await withCaption(url, caption) : url;
  const b64 = out.slice(out.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
}

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Lines of `text` that fit `width` px in the context's font (breaks anywhere: CJK has no spaces). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width) {
      const cut = /\s/.test(ch) ? -1 : line.lastIndexOf(' ');
      if (cut > line.length / 2) { lines.push(line.slice(0, cut)); line = line.slice(cut + 1); } else { lines.push(line); line = ''; }
      if (/\s/.test(ch)) continue;
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The chart image with its title and filters above, source and export date below (2× scale). */
async function withCaption(chartUrl: string, [title, ...rest]: string[]): Promise<string> {
  const img = new Image();
  img.src = chartUrl;
  await img.decode();
  const pad = 32;
  const width = img.width + pad * 2;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const fonts = { title: `bold 32px ${FONT}`, text: `24px ${FONT}` };
  ctx.font = fonts.title;
  const titleLines = wrap(ctx, title, img.width);
  ctx.font = fonts.text;
  const [filters, ...foot] = rest;
  const filterLines = filters ? wrap(ctx, filters, img.width) : [];
  const footLines = foot.flatMap((l) => wrap(ctx, l, img.width));
  const head = pad + titleLines.length * 44 + filterLines.length * 34 + 16;
  canvas.width = width;
  canvas.height = head + img.height + 16 + footLines.length * 34 + pad;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'top';
  let y = pad;
  ctx.font = fonts.title;
  for (const l of titleLines) { ctx.fillText(l, pad, y); y += 44; }
  ctx.font = fonts.text;
  ctx.fillStyle = '#444';
  for (const l of filterLines) { ctx.fillText(l, pad, y); y += 34; }
  ctx.drawImage(img, pad, head);
  y = head + img.height + 16;
  ctx.fillStyle = '#666';
  for (const l of footLines) { ctx.fillText(l, pad, y); y += 34; }
  return canvas.toDataURL('image/png');
}
