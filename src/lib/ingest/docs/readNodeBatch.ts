// Many documents at once in Node (`npm run parse` with several files, the benchmark): one worker
// thread per core, each reading (pdf.js, mammoth, word97.ts) and, if asked, parsing the documents
// it is handed, one at a time. Results come back in the input's order; a file that cannot be read
// gets its error instead. A pool can be kept open across batches (its workers load pdf.js once).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { DocText } from './docText';
import type { ParsedReport } from '../reportText';

export interface BatchInput { name: string; bytes: Uint8Array }
export interface BatchResult {
  name: string;
  doc?: DocText;
  parsed?: ParsedReport;
  error?: { message: string; zh?: string; en?: string };
}

export class DocumentPool {
  private readonly workers: Worker[];

  constructor(size = availableParallelism()) {
    // the bootstrap registers tsx's loader in the worker, then loads readNodeWorker.ts
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL('./readNodeWorkerBoot.mjs', import.meta.url)));
  }

  get size(): number {
    return this.workers.length;
  }

  async read(files: BatchInput[], opts: { parse?: boolean } = {}): Promise<BatchResult[]> {
    const results: BatchResult[] = new Array(files.length);
    let next = 0;
    const drain = (worker: Worker) => new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      worker.once('error', onError);
      const send = () => {
        if (next >= files.length) {
          worker.off('error', onError);
          return resolve();
        }
        const i = next++;
        worker.once('message', (r: BatchResult) => {
          results[i] = r;
          send();
        });
        worker.postMessage({ name: files[i].name, bytes: files[i].bytes, parse: !!opts.parse });
      };
      send();
    });
    await Promise.all(this.workers.map(drain));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One batch on a pool of its own (one worker per core, at most one per file). */
export async function readDocumentsNode(files: BatchInput[], opts: { parse?: boolean; workers?: number } = {}): Promise<BatchResult[]> {
  const pool = new DocumentPool(Math.min(files.length, opts.workers ?? availableParallelism()));
  try {
    return await pool.read(files, opts);
  } finally {
    await pool.close();
  }
}
