// Scans in the browser: page images and PDF pages without a text layer, read in the OCR worker.
// PDF pages are drawn here with the pdf.js already loaded (the worker has no DOM to draw with).
import type { DocText } from '../docText';
import type { PageText } from '../pdfLayout';
import { ocrInWorker } from './client';
import { looksScanned, needsOcr } from './pipeline';
import { renderPdfPage, type CanvasLike, type PdfDocLike } from './pdfRender';
import { isTiff, tiffPages } from './tiff';
import type { WorkerPage } from './worker';

export type OcrProgress = (page: number, pages: number, fraction: number) => void;

/** Page images of one report, in the order given → one document. A TIFF may hold several pages
 *  (decoded here: the worker's createImageBitmap cannot read TIFF); `pageFiles` names each page's
 *  file, "scan.tif (2/3)" for a page of a multi-page file. */
export async function readPicturesBrowser(images: Uint8Array[], onProgress?: OcrProgress, names: string[] = []): Promise<DocText & { pageFiles: string[] }> {
  const pages: WorkerPage[] = [];
  const pageFiles: string[] = [];
  for (const [i, bytes] of images.entries()) {
    const name = names[i] ?? `${i + 1}`;
    if (!isTiff(bytes)) { pages.push({ bytes }); pageFiles.push(name); continue; }
    const rasters = await tiffPages(bytes);
    rasters.forEach((raster, k) => { pages.push({ raster }); pageFiles.push(rasters.length > 1 ? `${name} (${k + 1}/${rasters.length})` : name); });
  }
  return { ...(await ocrInWorker('image', pages, onProgress)), pageFiles };
}

interface PdfJsLike { getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocLike & { destroy(): Promise<void> }> } }

/** The PDF read with OCR where its pages have no text, or null when every page has. */
export async function readScannedPdfBrowser(pdfjs: PdfJsLike, bytes: Uint8Array, pages: PageText[], opts: Record<string, unknown>, onProgress?: OcrProgress): Promise<DocText | null> {
  if (!needsOcr(pages)) return null;
  const doc = await pdfjs.getDocument({ ...opts, data: bytes.slice(), isEvalSupported: false }).promise;
  const out: WorkerPage[] = [];
  try {
    for (let i = 0; i < pages.length; i++) {
      out.push(looksScanned(pages[i].lines)
        ? { raster: await renderPdfPage(doc, i + 1, (w, h) => new OffscreenCanvas(w, h) as unknown as CanvasLike) }
        : { lines: pages[i].lines });
    }
  } finally {
    await doc.destroy();
  }
  return ocrInWorker('pdf', out, onProgress);
}
