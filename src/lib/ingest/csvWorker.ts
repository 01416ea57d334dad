// The CSV module worker: reads a File in slices, validates and resolves it off the main thread,
// and posts progress, then the Preparation. (Papa's own `worker: true` hangs in production builds:
// shared/design/PITFALLS.md.)
import { prepareCsvStream } from './csvStream';
import type { CsvJob, CsvReply } from './csvClient';

const post = (m: CsvReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);
const PIECE = 5000;

self.onmessage = async (e: MessageEvent<CsvJob>) => {
  const { file, registry, replace, nowYear, decisions } = e.data;
  try {
    const t0 = performance.now();
    let last = 0;
    const prep = await prepareCsvStream(file.name, file.size, async (a, b) => new Uint8Array(await file.slice(a, b).arrayBuffer()), registry, {
      replace, nowYear, decisions,
      // cells go on as each chunk fills (moved, not copied), to be staged while the rest is read
      onChunk: (chunk) => post({ type: 'chunk', chunk }, [chunk.cells.buffer]),
      onRestart: () => post({ type: 'restart' }),
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last > 100 || done === total) { last = now; post({ type: 'progress', done, total }); }
      },
    });
    // Records go in pieces: one message of 170,000 records took the main thread 4 s to receive.
    // Packed cells went on chunk by chunk (onChunk); their records go without cells.
    const records = prep.prepared?.records ?? [];
    const packed = prep.prepared?.packedCells;
    for (let i = 0; i < records.length; i += PIECE) {
      const piece = records.slice(i, i + PIECE);
      post({ type: 'records', records: packed ? piece.map(({ cells: _, ...meta }) => meta) : piece });
    }
    const head = prep.prepared ? { ...prep, prepared: { ...prep.prepared, records: [], packedCells: packed ? { codes: packed.codes, chunks: [] } : undefined } } : prep;
    post({ type: 'done', prep: head, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
