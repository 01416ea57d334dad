// pdf.js for Node (the `npm run parse` command, tests and the benchmark), loaded once. Two things
// make the legacy build slow in Node, both undone here:
// - its core-js polyfills replace Array.prototype.push and JSON.parse/stringify with JavaScript
//   versions for the whole process (they fix edge cases Node does not have); the native ones are
//   put back once pdf.js and its worker code are loaded;
// - it inflates every compressed stream (each glyph of a Type 3 font: Chromium's prints have
//   thousands) through DecompressionStream, whose Web-streams plumbing costs far more than the
//   inflating; a one-shot replacement inflates with node:zlib instead. On a bad stream it throws
//   as the real one does, and pdf.js falls back to its own decoder.
// The worker code runs in this thread (pdf.js's "fake worker"); set as globalThis.pdfjsWorker it
// is not imported a second time.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
type PdfJsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJsModule> | null = null;

export function loadPdfJsNode(): Promise<PdfJsModule> {
  return (loading ??= (async () => {
    const saved = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // @ts-expect-error: the worker module has no type declarations
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    Array.prototype.push = saved.push;
    JSON.parse = saved.parse;
    JSON.stringify = saved.stringify;
    (globalThis as { DecompressionStream?: unknown }).DecompressionStream = OneShotDecompression;
    return pdfjs;
  })());
}

/** Where pdf.js's CJK character maps and standard fonts are, as directory paths. */
export function pdfJsDataDirs(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/** Just what pdf.js uses of DecompressionStream: write the bytes once, close, read the result. */
class OneShotDecompression {
  readonly writable: { getWriter(): { ready: Promise<void>; write(b: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: AsyncIterable<Uint8Array>;
  constructor(format: string) {
    const inflate = format === 'deflate' ? zlib.inflateSync : format === 'deflate-raw' ? zlib.inflateRawSync : format === 'brotli' ? zlib.brotliDecompressSync : null;
    if (!inflate) throw new TypeError(`unsupported format ${format}`);
    let input: Uint8Array | null = null;
    const done = Promise.resolve();
    this.writable = { getWriter: () => ({ ready: done, write: (b) => ((input = b), done), close: () => done }) };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        const out = inflate(input ?? new Uint8Array());
        yield new Uint8Array(out.buffer, out.byteOffset, out.length);
      },
    };
  }
}
