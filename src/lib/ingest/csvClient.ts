// Main-thread side of the CSV worker: one worker per file, progress as it reads, and a size guard
// so a file too big for the browser's memory gets a plain message instead of a crashed tab.
import type { MatchDecisions, RegistryEntry } from './resolve';
import type { Preparation } from './prepare';
import { PACKED_CELLS, type CellChunk } from './packedCells';

export interface CsvJob { file: File; registry: RegistryEntry[]; replace: boolean; nowYear?: number; decisions?: MatchDecisions }
export type CsvReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'records'; records: (NonNullable<Preparation['prepared']>['records'][number] | Omit<NonNullable<Preparation['prepared']>['records'][number], 'cells'>)[] }
  | { type: 'chunk'; chunk: CellChunk }
  /** the chunks sent so far are void (the file is read again by the general reader) */
  | { type: 'restart' }
  | { type: 'done'; prep: Preparation; ms: number }
  | { type: 'error'; message: string };

/** Measured (scripts/bench/bigcsv.ts, 2-core machine): a 100 MB wide CSV (170,000 agency-years)
 *  is read in the worker in ~3.8 s and loaded in ~7.6 s in all, the page's JS heap at ~540 MB and
 *  no main-thread task over ~0.17 s. Past ~120 MB an ordinary laptop's memory would be at risk:
 *  split by year or region instead. */
export const MAX_CSV_BYTES = 120e6;

export function tooBig(name: string, size: number): Preparation | null {
  if (size <= MAX_CSV_BYTES) return null;
  const mb = (n: number) => (n / 1e6).toFixed(0);
  return {
    file: name, encoding: null, prepared: null,
    problems: [{
      file: name, line: 0, column: '', severity: 'error',
      message_zh: `文件太大（${mb(size)} MB）：在浏览器中一次最多可导入 ${mb(MAX_CSV_BYTES)} MB 的 CSV。请按年度或地区拆分成几个文件后分别导入。`,
      message_en: `the file is too big (${mb(size)} MB): at most ${mb(MAX_CSV_BYTES)} MB of CSV can be imported at once in the browser. Split it by year or region and import the parts one by one.`,
    }],
  };
}

/** `onChunk`: a wide file's cells as each chunk is read (before the file is fully validated);
 *  `onRestart`: the chunks so far are void, the file is being read again. */
export function prepareCsvInWorker(
  file: File, registry: RegistryEntry[], replace: boolean, onProgress?: (done: number, total: number) => void,
  onChunk?: (chunk: CellChunk) => void, onRestart?: () => void, decisions?: MatchDecisions,
): Promise<Preparation> {
  const big = tooBig(file.name, file.size);
  if (big) return Promise.resolve(big);
  const worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module' });
  const records: NonNullable<Preparation['prepared']>['records'] = [];
  const chunks: CellChunk[] = [];
  return new Promise<Preparation>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<CsvReply>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress?.(m.done, m.total);
      if (m.type === 'records') {
        // records of packed cells come without them (their cells are in the chunks)
        for (const r of m.records) records.push('cells' in r ? r : { ...r, cells: PACKED_CELLS });
        return;
      }
      if (m.type === 'restart') {
        chunks.length = 0;
        return onRestart?.();
      }
      if (m.type === 'chunk') {
        chunks.push(m.chunk);
        return onChunk?.(m.chunk);
      }
      worker.terminate();
      if (m.type === 'done') {
        performance.measure(`dd:csv-worker ${file.name}`, { start: performance.now() - m.ms, duration: m.ms });
        const p = m.prep.prepared;
        resolve(p ? { ...m.prep, prepared: { ...p, records, ...(p.packedCells ? { packedCells: { codes: p.packedCells.codes, chunks } } : {}) } } : m.prep);
      } else reject(new Error(m.message));
    };
    // Worker errors don't reach the console on their own (PITFALLS.md): surface them.
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message || 'the CSV worker failed')); };
    worker.postMessage({ file, registry, replace, decisions } satisfies CsvJob);
  });
}
