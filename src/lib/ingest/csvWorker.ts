// The CSV module worker: reads a File in slices, validates and resolves it off the main thread,
// and posts progress, then the Preparation. (Papa's own `worker: true` hangs in production builds:
// shared/design/PITFALLS.md.)
import { prepareCsvStream } from './csvStream';
import type { CsvJob, CsvReply } from './csvClient';

const post = (m: CsvReply) => (self as unknown as Worker).postMessage(m);
const PIECE = 5000;

self.onmessage = async (e: MessageEvent<CsvJob>) => {
  const { file, registry, replace, nowYear } = e.data;
  try {
    const t0 = performance.now();
    let last = 0;
    const prep = await prepareCsvStream(file.name, file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()), registry, {
      replace, nowYear,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last > 100 || done === total) { last = now; post({ type: 'progress', done, total }); }
      },
    });
    // Records go in pieces: one message of 170,000 records took the main thread 4 s to receive.
    const records = prep.prepared?.records ?? [];
    for (let i = 0; i < records.length; i += PIECE) post({ type: 'records', records: records.slice(i, i + PIECE) });
    const head = prep.prepared ? { ...prep, prepared: { ...prep.prepared, records: [] } } : prep;
    post({ type: 'done', prep: head, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
