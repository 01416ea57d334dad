// A CSV file read in slices (never whole in memory as text): bytes → streaming decode (BOM, strict
// UTF-8, else GB18030) → PapaParse on each run of complete rows → the same validation as
// parseRows, batch by batch → one Preparation. Runs in the CSV worker (csvWorker.ts) and in Node
// tests; no DOM. Problems carry the physical line of their row (blank lines and quoted newlines
// counted).
import Papa from 'papaparse';
import type { Problem } from '../i18n/messages';
import { META_LABELS_ZH, detectKind, parseRows, type CsvResult } from './csv';
import { looksBinary, type Encoding } from './decode';
import { prepareParsed, type Preparation } from './prepare';
import type { RegistryEntry } from './resolve';

export interface StreamOptions {
  nowYear?: number;
  replace?: boolean;
  /** bytes read so far, of total */
  onProgress?: (done: number, total: number) => void;
  sliceBytes?: number;
}

export type ReadSlice = (start: number, end: number) => Promise<Uint8Array>;

/** At most this many problems are kept; the rest are counted in one closing line. */
export const MAX_PROBLEMS = 1000;
/** Wide rows are validated in batches of this many, so rows never pile up as strings. */
const BATCH_ROWS = 2000;

const fileProblem = (file: string, zh: string, en: string): Problem => ({ file, line: 0, column: '', severity: 'error', message_zh: zh, message_en: en });

export async function prepareCsvStream(file: string, size: number, read: ReadSlice, registry: RegistryEntry[], opts: StreamOptions = {}): Promise<Preparation> {
  const stop = (zh: string, en: string): Preparation => ({ file, encoding: null, prepared: null, problems: [fileProblem(file, zh, en)] });
  if (size === 0) return stop('文件为空（0 字节）', 'the file is empty (0 bytes)');
  const head = await read(0, Math.min(size, 4096));
  const bom: Encoding | null = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-bom'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  if (!bom?.startsWith('utf-16') && looksBinary(head)) return stop('这不是文本文件（CSV），无法读取：文件开头含有二进制数据', 'this is not a text (CSV) file: it starts with binary data');
  let parts: CsvResult[];
  let encoding: Encoding = bom ?? 'utf-8';
  try {
    parts = await parseStream(file, size, read, encoding, opts);
  } catch (e) {
    if (bom || !(e instanceof TypeError)) throw e;
    // not valid UTF-8 somewhere: read it again as GB18030 (a superset of GBK)
    encoding = 'gb18030';
    parts = await parseStream(file, size, read, encoding, opts);
  }
  return { ...prepareParsed(file, parts, registry, { replace: opts.replace }), encoding };
}

async function parseStream(file: string, size: number, read: ReadSlice, encoding: Encoding, opts: StreamOptions): Promise<CsvResult[]> {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const decoder = new TextDecoder(label, { fatal: encoding === 'utf-8' });
  const rows = new RowSplitter(file);
  const out = new Collector(file, opts.nowYear);
  const step = opts.sliceBytes ?? 4 << 20;
  for (let at = 0; at < size; at += step) {
    const text = decoder.decode(await read(at, Math.min(size, at + step)), { stream: true });
    rows.push(at === 0 ? text.replace(/^\uFEFF/, '') : text, (r, line) => out.row(r, line), (p) => out.problem(p));
    opts.onProgress?.(Math.min(size, at + step), size);
  }
  rows.push(decoder.decode(), (r, line) => out.row(r, line), (p) => out.problem(p));
  rows.end((r, line) => out.row(r, line), (p) => out.problem(p));
  return out.finish();
}

/** Cuts decoded text at row ends (a newline outside quotes) and parses complete rows with Papa,
 *  keeping the delimiter detected on the first piece. */
class RowSplitter {
  private buf = '';
  private quotes = 0;
  private scanned = 0;
  private line = 1;
  private delimiter: string | undefined;
  constructor(private file: string) {}

  push(text: string, onRow: (r: string[], line: number) => void, onProblem: (p: Problem) => void) {
    this.buf += text;
    let cut = -1;
    for (let i = this.scanned; i < this.buf.length; i++) {
      const c = this.buf.charCodeAt(i);
      if (c === 34) this.quotes++;
      else if (c === 10 && this.quotes % 2 === 0) cut = i;
    }
    this.scanned = this.buf.length;
    if (cut < 0) return;
    // quotes after the cut belong to the remainder
    let after = 0;
    for (let i = cut + 1; i < this.buf.length; i++) if (this.buf.charCodeAt(i) === 34) after++;
    this.parse(this.buf.slice(0, cut + 1), onRow, onProblem);
    this.buf = this.buf.slice(cut + 1);
    this.quotes = after;
    this.scanned = this.buf.length;
  }

  end(onRow: (r: string[], line: number) => void, onProblem: (p: Problem) => void) {
    if (this.buf) this.parse(this.buf, onRow, onProblem);
    this.buf = '';
  }

  private parse(text: string, onRow: (r: string[], line: number) => void, onProblem: (p: Problem) => void) {
    let prev = 0;
    Papa.parse<string[]>(text, {
      skipEmptyLines: 'greedy', delimiter: this.delimiter,
      step: (r) => {
        const cursor = r.meta.cursor;
        // the row starts after any blank lines Papa skipped
        let start = prev;
        for (;;) {
          const nl = text.indexOf('\n', start);
          if (nl < 0 || nl >= cursor || text.slice(start, nl).trim() !== '') break;
          this.line++;
          start = nl + 1;
        }
        const rowLine = this.line;
        for (let i = start; i < cursor; i++) if (text.charCodeAt(i) === 10) this.line++;
        prev = cursor;
        this.delimiter ??= r.meta.delimiter || undefined;
        onRow(r.data, rowLine);
        for (const e of r.errors) {
          if (e.code === 'UndetectableDelimiter') continue;
          onProblem({ file: this.file, line: rowLine, column: '', severity: 'error', message_zh: `CSV 格式错误：${e.message}`, message_en: `malformed CSV: ${e.message}` });
        }
      },
    });
    // blank lines after the piece's last row
    for (let i = prev; i < text.length; i++) if (text.charCodeAt(i) === 10) this.line++;
  }
}

const ZH_META = new Map(Object.entries(META_LABELS_ZH).map(([k, v]) => [v, k]));

/** Rows → parseRows results: wide files in batches; long and registry files (whose checks span
 *  rows) at the end. Problems past MAX_PROBLEMS are only counted. */
class Collector {
  private header: string[] | null = null;
  private wide = false;
  private batch: string[][] = [];
  private lines: number[] = [];
  private parts: CsvResult[] = [];
  private problems: Problem[] = [];
  private dropped = 0;
  private anyError = false;
  constructor(private file: string, private nowYear?: number) {}

  row(r: string[], line: number) {
    if (!this.header) {
      this.header = r;
      this.wide = detectKind(r.map((x) => ZH_META.get(x.trim()) ?? x.trim())) === 'wide';
      this.lines = [line];
      return;
    }
    this.batch.push(r);
    this.lines.push(line);
    if (this.wide && this.batch.length >= BATCH_ROWS) this.flush();
  }

  problem(p: Problem) {
    if (p.severity === 'error') this.anyError = true;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    else this.dropped++;
  }

  private flush(last = false) {
    if (!this.header || (!this.batch.length && !last)) return;
    if (!this.batch.length && this.parts.length) return;
    const res = parseRows(this.file, [this.header, ...this.batch], { lines: this.lines, nowYear: this.nowYear });
    // only the first batch may report header problems
    const probs = this.parts.length ? res.problems.filter((p) => p.line !== this.lines[0]) : res.problems;
    probs.forEach((p) => this.problem(p));
    // once the file has an error nothing will load: keep validating, stop keeping records
    this.parts.push(this.anyError ? { ...res, records: [], agencies: [], problems: [] } : { ...res, problems: [] });
    this.batch = [];
    this.lines = [this.lines[0]];
  }

  finish(): CsvResult[] {
    if (!this.header) return [{ kind: null, records: [], agencies: [], problems: [fileProblem(this.file, '文件为空', 'the file is empty')] }];
    this.flush(true);
    if (this.dropped) {
      this.problems.push(fileProblem(this.file, `另有 ${this.dropped} 个问题未列出（只列出前 ${MAX_PROBLEMS} 个）`,
        `${this.dropped} more problems not listed (only the first ${MAX_PROBLEMS} are)`));
    }
    const parts = this.parts.length ? this.parts : [{ kind: null, records: [], agencies: [], problems: [] }];
    parts[0] = { ...parts[0], problems: this.problems };
    return parts;
  }
}
