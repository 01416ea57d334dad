// The OCR worker: onnxruntime-web (wasm, bundled by Vite; one thread: the page is not
// cross-origin isolated) runs the models fetched from the app's own ocr/ folder on the first picture, then each page is read
// with a progress report per page; each upright page comes back as a JPEG for the review's crops.
import * as ort from 'onnxruntime-web/wasm';
import type { OcrModels } from './engine';
import type { Raster } from './image';
import { createModels, type OrtLike } from './models';
import { readPages, type PageSource } from './pipeline';
import type { DocKind } from '../kind';

export type WorkerPage = { raster: Raster } | { bytes: Uint8Array } | { lines: string[] };
export interface OcrRequest { base: string; kind: DocKind; pages: WorkerPage[] }
export type OcrReply =
  | { progress: { page: number; pages: number; fraction: number } }
  | { pageImage: { page: number; blob: Blob } }
  | { doc: import('../docText').DocText }
  | { error: string };

let models: Promise<OcrModels> | null = null;
const post = (m: OcrReply) => (self as unknown as Worker).postMessage(m);

function load(base: string): Promise<OcrModels> {
  models ??= (async () => {
    ort.env.wasm.numThreads = 1;
    const get = async (f: string) => {
      const r = await fetch(base + f);
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    };
    const [det, rec, cls, dict] = await Promise.all([get('det.onnx'), get('rec.onnx'), get('cls.onnx'), get('dict.txt')]);
    return createModels(ort as unknown as OrtLike, { det, rec, cls, dict: new TextDecoder().decode(dict) });
  })();
  return models;
}

async function decode(bytes: Uint8Array): Promise<Raster> {
  const bmp = await createImageBitmap(new Blob([bytes.slice()]));
  const c = new OffscreenCanvas(bmp.width, bmp.height);
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(bmp, 0, 0);
  bmp.close();
  const d = ctx.getImageData(0, 0, c.width, c.height);
  return { width: d.width, height: d.height, data: d.data };
}

async function toJpeg(img: Raster): Promise<Blob> {
  const c = new OffscreenCanvas(img.width, img.height);
  c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  return c.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

self.onmessage = async (e: MessageEvent<OcrRequest>) => {
  try {
    const { base, kind, pages } = e.data;
    const sources: PageSource[] = pages.map((p) =>
      'lines' in p ? { lines: p.lines } : 'raster' in p ? { picture: async () => p.raster } : { picture: () => decode(p.bytes) });
    const doc = await readPages(kind, sources, () => load(base),
      (page, n, fraction) => post({ progress: { page, pages: n, fraction } }),
      (d) => { if (d.image) void toJpeg(d.image).then((blob) => post({ pageImage: { page: d.page, blob } })); });
    // let the last page's image go first
    await new Promise((r) => setTimeout(r, 50));
    post({ doc });
  } catch (err) {
    post({ error: err instanceof Error ? err.message : String(err) });
  }
};
