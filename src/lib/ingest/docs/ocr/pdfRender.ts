// A PDF page drawn to pixels with pdf.js, for OCR: at a scale that puts about 2000 pixels on the
// page's longer side (≈170 dpi on A4: a scan's own resolution is rarely more useful to the
// models, which read at 1280 pixels). The canvas comes from the caller: OffscreenCanvas in the
// browser, @napi-rs/canvas in Node.
import type { Raster } from './image';

interface Ctx2d { fillStyle: unknown; fillRect(x: number, y: number, w: number, h: number): void; getImageData(x: number, y: number, w: number, h: number): { width: number; height: number; data: Uint8ClampedArray } }
export interface CanvasLike { getContext(kind: '2d'): unknown; width: number; height: number }
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: Record<string, unknown>): { promise: Promise<void> };
  cleanup(): void;
}
export interface PdfDocLike { numPages: number; getPage(n: number): Promise<unknown> }

export const RENDER_LONG_SIDE = 2000;

export async function renderPdfPage(doc: PdfDocLike, n: number, makeCanvas: (w: number, h: number) => CanvasLike): Promise<Raster> {
  const page = (await doc.getPage(n)) as PdfPage;
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: RENDER_LONG_SIDE / Math.max(base.width, base.height) });
  const w = Math.round(viewport.width), h = Math.round(viewport.height);
  const canvas = makeCanvas(w, h);
  const ctx = canvas.getContext('2d') as Ctx2d;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  await page.render({ canvasContext: ctx, canvas, viewport }).promise;
  const d = ctx.getImageData(0, 0, w, h);
  page.cleanup();
  return { width: d.width, height: d.height, data: d.data };
}
