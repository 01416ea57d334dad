// Main-thread side of the OCR workers (worker.ts): the pictures of one document are read by a
// pool of workers (one per core, two at most), one page each at a time (onnxruntime-web runs one thread per
// worker here), then laid out together (pipeline.ts's assemble). Progress per page; the upright page
// images come back as object URLs for the review's crops.
import type { DocText } from '../docText';
import type { DocKind } from '../kind';
import { assemble } from './pipeline';
import type { ModelFiles, OcrReply, WorkerPage } from './worker';

type Done = Extract<OcrReply, { done: unknown }>['done'];

/** Workers to run: one per core, two at most (each holds its own ~200 MB of model sessions).
 *  The models are fetched once, here, and each worker gets its copy with its first page (two
 *  workers each fetching the models themselves both failed to fetch them in our test). */
const MAX_WORKERS = 2;
const poolSize = (pictures: number) => Math.max(1, Math.min(pictures, MAX_WORKERS, navigator.hardwareConcurrency || 1));

/** One document at a time (documents dropped together are read ahead two at once, see
 *  readAhead.ts; two scans must not each start a worker with its own copy of the models). */
let queue: Promise<unknown> = Promise.resolve();

export function ocrInWorker(kind: DocKind, pages: WorkerPage[], onProgress?: (page: number, pages: number, fraction: number) => void): Promise<DocText> {
  const run = queue.then(() => ocrDocument(kind, pages, onProgress));
  queue = run.catch(() => {});
  return run;
}

async function ocrDocument(kind: DocKind, pages: WorkerPage[], onProgress?: (page: number, pages: number, fraction: number) => void): Promise<DocText> {
  const base = new URL('ocr/', document.baseURI).href;
  const todo = pages.map((p, i) => ({ p, i })).filter((x) => !('lines' in x.p));
  const done = new Map<number, Done>();
  const workers = Array.from({ length: poolSize(todo.length) }, () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
  const models = todo.length ? await modelFiles(base) : null;
  for (const { i } of todo) onProgress?.(i + 1, pages.length, 0); // a bar per page from the start
  try {
    let next = 0;
    await Promise.all(workers.map(async (w) => {
      let first = true;
      while (next < todo.length) {
        const { p, i } = todo[next++];
        const r = await new Promise<Done>((resolve, reject) => {
          w.onmessage = (e: MessageEvent<OcrReply>) => {
            const m = e.data;
            if ('progress' in m) onProgress?.(m.progress.page, pages.length, m.progress.fraction);
            else if ('done' in m) resolve(m.done);
            else reject(new Error(m.error));
          };
          w.onerror = (e) => reject(new Error(e.message || 'OCR failed'));
          const picture = p as Exclude<WorkerPage, { lines: string[] }>;
          w.postMessage({ page: i + 1, picture, ...(first ? { models } : {}) }, 'bytes' in picture ? [picture.bytes.buffer as ArrayBuffer] : [picture.raster.data.buffer as ArrayBuffer]);
          first = false;
        });
        done.set(i, r);
        onProgress?.(i + 1, pages.length, 1);
      }
    }));
  } finally {
    for (const w of workers) w.terminate();
  }
  const doc = assemble(kind, pages.map((p, i) => ('lines' in p ? { lines: p.lines } : done.get(i)!)));
  doc.ocr!.pages.forEach((info, i) => { const d = done.get(i); if (d) info.image = URL.createObjectURL(d.image); });
  return doc;
}

let files: Promise<ModelFiles> | null = null;

/** The model files, fetched once a session (a failed fetch is tried again next time). */
function modelFiles(base: string): Promise<ModelFiles> {
  files ??= (async () => {
    const get = async (f: string) => {
      const r = await fetch(base + f);
      if (!r.ok) throw new Error(`${f}: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    };
    const [det, rec, cls, dict] = await Promise.all([get('det.onnx'), get('rec.onnx'), get('cls.onnx'), get('dict.txt')]);
    return { det, rec, cls, dict: new TextDecoder().decode(dict) };
  })();
  files.catch(() => { files = null; });
  return files;
}
