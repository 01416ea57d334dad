// An OCR worker: onnxruntime-web (wasm, bundled by Vite; one thread each: the page is not
// cross-origin isolated, so the client runs a worker per core instead) builds the models from the
// files the page fetched from the app's own ocr/ folder and sent with the first picture, then
// reads one page per message, with progress; each upright page comes back as a JPEG for the
// review's crops.
import * as ort from 'onnxruntime-web/wasm';
import type { OcrModels } from './engine';
import type { Raster } from './image';
import { createModels, type OrtLike } from './models';
import { readOnePage } from './pipeline';
import type { OcrPageInfo } from './draft';
import type { OcrToken } from './tokens';

export type WorkerPage = { raster: Raster } | { bytes: Uint8Array } | { lines: string[] };
export interface ModelFiles { det: Uint8Array; rec: Uint8Array; cls: Uint8Array; dict: string }
/** `models` comes with a worker's first page (client.ts fetches them once for all workers) */
export interface OcrRequest { page: number; picture: { raster: Raster } | { bytes: Uint8Array }; models?: ModelFiles }
export type OcrReply =
  | { progress: { page: number; fraction: number } }
  | { done: { page: number; tokens: OcrToken[]; info: OcrPageInfo; image: Blob } }
  | { error: string };

let models: Promise<OcrModels> | null = null;
const post = (m: OcrReply) => (self as unknown as Worker).postMessage(m);

/** The models, built from the files that come with this worker's first page. */
function load(given?: ModelFiles): Promise<OcrModels> {
  if (!models && !given) throw new Error('internal: the OCR models were not sent with the first page');
  models ??= (async () => {
    ort.env.wasm.numThreads = 1;
    return createModels(ort as unknown as OrtLike, given!);
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
    const { page, picture, models: given } = e.data;
    const m = await load(given);
    const img = 'raster' in picture ? picture.raster : await decode(picture.bytes);
    const r = await readOnePage(img, page, m, (fraction) => post({ progress: { page, fraction } }));
    post({ done: { page, tokens: r.tokens, info: r.info, image: await toJpeg(r.image) } });
  } catch (err) {
    post({ error: err instanceof Error ? err.message : String(err) });
  }
};
