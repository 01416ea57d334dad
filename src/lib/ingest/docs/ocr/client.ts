// Main-thread side of the OCR worker (worker.ts): pictures in, the document's text with its OCR
// tokens out, a progress call per page step, and object URLs of the upright page images.
import type { DocText } from '../docText';
import type { DocKind } from '../kind';
import type { OcrReply, WorkerPage } from './worker';

export interface OcrRun { doc: DocText; pageImages: (string | null)[] }

export function ocrInWorker(kind: DocKind, pages: WorkerPage[], onProgress?: (page: number, pages: number, fraction: number) => void): Promise<OcrRun> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const images: (string | null)[] = pages.map(() => null);
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<OcrReply>) => {
      const m = e.data;
      if ('progress' in m) onProgress?.(m.progress.page, m.progress.pages, m.progress.fraction);
      else if ('pageImage' in m) images[m.pageImage.page - 1] = URL.createObjectURL(m.pageImage.blob);
      else {
        worker.terminate();
        if ('doc' in m) resolve({ doc: m.doc, pageImages: images });
        else reject(new Error(m.error));
      }
    };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message || 'OCR failed')); };
    const transfer = pages.flatMap((p) => ('bytes' in p ? [p.bytes.buffer] : 'raster' in p ? [p.raster.data.buffer] : [])) as ArrayBuffer[];
    worker.postMessage({ base: new URL('ocr/', document.baseURI).href, kind, pages }, transfer);
  });
}
