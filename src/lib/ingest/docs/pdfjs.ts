// PDF → lines per page with pdf.js (the caller passes its build: the browser's, with its own
// worker, or Node's legacy build). Text items are placed into lines by position (pdfLayout.ts).
import { itemsToLines, type PageText, type TextItem } from './pdfLayout';

interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc> };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(o?: Record<string, unknown>): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}
interface RawItem { str?: string; transform?: number[]; width?: number; height?: number }

export interface PdfOptions {
  cMapUrl?: string;
  standardFontDataUrl?: string;
  onPage?: (done: number, total: number) => void;
  /** a pdf.js worker kept between documents (pdfjsWorkers.ts); else pdf.js starts one for this one */
  worker?: unknown;
}

export async function pdfToPages(pdfjs: PdfJs, bytes: Uint8Array, opts: PdfOptions = {}): Promise<PageText[]> {
  const doc = await pdfjs.getDocument({
    data: bytes.slice(), // pdf.js takes ownership of the buffer
    cMapUrl: opts.cMapUrl, cMapPacked: true, standardFontDataUrl: opts.standardFontDataUrl,
    // text only: no font faces, no images or canvases, no scripting, no warnings on the console
    isEvalSupported: false, disableFontFace: true, useSystemFonts: false, isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false, enableXfa: false, verbosity: 0,
    ...(opts.worker ? { worker: opts.worker } : {}),
  }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // no marked-content markers, and no Unicode normalisation: pdfLayout.ts applies NFKC itself
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: true });
      const items: TextItem[] = (content.items as RawItem[])
        .filter((i) => typeof i.str === 'string' && i.transform)
        .map((i) => ({
          str: i.str!, x: i.transform![4], y: i.transform![5], width: i.width ?? 0,
          height: i.height || Math.hypot(i.transform![2], i.transform![3]) || 10,
        }));
      pages.push({ page: n, lines: itemsToLines(items), items: items.filter((i) => i.str.trim() !== '').length });
      page.cleanup();
      opts.onPage?.(n, doc.numPages);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
