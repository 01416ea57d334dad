// A CSV file read in slices: bytes → streaming decode (BOM, strict UTF-8, else GB18030) → one
// Papa pass over the text, a row at a time (as the whole-file reader parses, so both accept the
// same files) → the same validation as parseRows, batch by batch → one Preparation. Rows never
// pile up as strings. Runs in the CSV worker (csvWorker.ts) and in Node tests; no DOM. Problems
// carry the physical line of their row (blank lines and quoted newlines counted).
import Papa from 'papaparse';
import type { Problem } from '../i18n/messages';
import { META_LABELS_ZH, WIDE_BATCH_ROWS, detectKind, isEmptyRow, parseRows, type CsvResult } from './csv';
import { looksBinary, type Encoding } from './decode';
import { prepareParsed, type Preparation } from './prepare';
import { CellPacker, type CellChunk } from './packedCells';
import { readWideFast } from './wideFast';
import { AgencyResolver, type MatchDecisions, type RegistryEntry } from './resolve';
import type { ReportRecord } from '../format/record';

export interface StreamOptions {
  nowYear?: number;
  replace?: boolean;
  /** bytes read so far, of total */
  onProgress?: (done: number, total: number) => void;
  sliceBytes?: number;
  /** a wide file's cells, chunk by chunk as they fill (not called once the file has an error) */
  onChunk?: (chunk: CellChunk) => void;
  /** the chunks sent so far are void: the file is read again from its start */
  onRestart?: () => void;
  /** the user's decisions on probable agency matches (a second read of the file) */
  decisions?: MatchDecisions;
  /** false: never the fast reader (wideFast.ts), for tests that compare the two */
  fast?: boolean;
}

export type ReadSlice = (start: number, end: number) => Promise<Uint8Array>;

/** At most this many problems are kept; the rest are counted in one closing line. */
export const MAX_PROBLEMS = 1000;

const fileProblem = (file: string, zh: string, en: string): Problem => ({ file, line: 0, column: '', severity: 'error', message_zh: zh, message_en: en });

export async function prepareCsvStream(file: string, size: number, read: ReadSlice, registry: RegistryEntry[], opts: StreamOptions = {}): Promise<Preparation> {
  const stop = (zh: string, en: string): Preparation => ({ file, encoding: null, prepared: null, problems: [fileProblem(file, zh, en)] });
  if (size === 0) return stop('文件为空（0 字节）', 'the file is empty (0 bytes)');
  const head = await read(0, Math.min(size, 4096));
  const bom: Encoding | null = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-bom'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  if (!bom?.startsWith('utf-16') && looksBinary(head)) return stop('这不是文本文件（CSV），无法读取：文件开头含有二进制数据', 'this is not a text (CSV) file: it starts with binary data');
  const staged = new StagedMeta(file, registry, opts);
  let parts: CsvResult[];
  let encoding: Encoding = bom ?? 'utf-8';
  try {
    parts = await parseStream(file, size, read, encoding, opts, staged);
  } catch (e) {
    if (bom || !(e instanceof TypeError)) throw e;
    // not valid UTF-8 somewhere: read it again as GB18030 (a superset of GBK)
    encoding = 'gb18030';
    parts = await parseStream(file, size, read, encoding, opts, staged);
  }
  const prep = { ...prepareParsed(file, parts, registry, { replace: opts.replace, decisions: opts.decisions }), encoding };
  staged.check(prep);
  return prep;
}

/** The agency and report columns of each chunk sent on (onChunk), resolved row by row as the file
 *  is read — by the same resolver, in the same order, as the whole file is resolved at the end;
 *  check() makes sure both agree before anything staged can be loaded. */
class StagedMeta {
  private resolver: AgencyResolver;
  private ids: string[] = [];
  constructor(private file: string, private registry: RegistryEntry[], private opts: StreamOptions) {
    this.resolver = new AgencyResolver(file, registry, opts.decisions);
  }

  /** onChunk for the readers, or none when nothing is staged */
  get onChunk(): ((chunk: CellChunk, rows: ReportRecord[]) => void) | undefined {
    const send = this.opts.onChunk;
    if (!send) return undefined;
    return (chunk, rows) => {
      const agency_id = rows.map((r) => this.resolver.resolve(r) ?? '');
      this.ids.push(...agency_id);
      send({ ...chunk, meta: { agency_id, year: rows.map((r) => r.year), reported_name: rows.map((r) => r.agency), published_on: rows.map((r) => r.published_on ?? null) } });
    };
  }

  restart() {
    this.resolver = new AgencyResolver(this.file, this.registry, this.opts.decisions);
    this.ids = [];
    this.opts.onRestart?.();
  }

  check(prep: Preparation) {
    const recs = prep.prepared?.packedCells && this.opts.onChunk ? prep.prepared.records : null;
    if (recs && (recs.length !== this.ids.length || recs.some((r, i) => r.agency_id !== this.ids[i]))) {
      throw new Error(`internal: the staged rows of ${this.file} do not match its records`);
    }
  }
}

async function parseStream(file: string, size: number, read: ReadSlice, encoding: Encoding, opts: StreamOptions, staged: StagedMeta): Promise<CsvResult[]> {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const decoder = new TextDecoder(label, { fatal: encoding === 'utf-8' });
  const step = opts.sliceBytes ?? 4 << 20;
  // Decoded in slices (a multi-byte character may straddle two), then parsed by Papa in one pass
  // as the whole-file reader does, so both read any text alike; rows go on one by one.
  const pieces: string[] = [];
  for (let at = 0; at < size; at += step) {
    pieces.push(decoder.decode(await read(at, Math.min(size, at + step)), { stream: true }));
    opts.onProgress?.(Math.min(size, at + step) / 2, size);
  }
  pieces.push(decoder.decode());
  const text = pieces.join('').replace(/^\uFEFF/, '');
  pieces.length = 0;
  const delimiter = guessDelimiter(text);
  const onFraction = (f: number) => opts.onProgress?.(size / 2 + (f * size) / 2, size);
  if (opts.fast !== false) {
    const fast = readWideFast(file, text, delimiter, { nowYear: opts.nowYear, onChunk: staged.onChunk, onFraction });
    if (fast.kind === 'read') return fast.parts;
    if (fast.kind === 'problem' && fast.chunksSent) staged.restart();
  }
  const out = new Collector(file, opts.nowYear, staged.onChunk);
  parseText(file, text, delimiter, (r, line) => out.row(r, line), (p) => out.problem(p), onFraction);
  return out.finish();
}

/** The delimiter as Papa guesses it for the whole text, from the text's start: Papa looks at its
 *  first rows and first 1 MB only, but handed 50 MB it still spent ~0.25 s on them. */
function guessDelimiter(text: string): string | undefined {
  let end = Math.min(text.length, 1 << 20);
  for (let i = 0, at = 0; i < 20 && at >= 0; i++) {
    at = text.indexOf('\n', at + 1);
    if (at >= end) end = at + 1;
  }
  return Papa.parse<string[]>(text.slice(0, end), { skipEmptyLines: 'greedy', preview: 1 }).meta.delimiter || undefined;
}

/** Papa over the text, a row at a time, with the physical line of each row. Empty rows are
 *  dropped here as Papa's 'greedy' option would (whose step mode would also drop their errors, a
 *  lone open quote at the end, say); the delimiter is guessed as the whole-file reader guesses. */
function parseText(file: string, text: string, delimiter: string | undefined, onRow: (r: string[], line: number) => void, onProblem: (p: Problem) => void, onFraction: (f: number) => void) {
  let line = 1;
  let prev = 0;
  let lastReport = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (r) => {
      const cursor = r.meta.cursor;
      const rowLine = line;
      // newlines up to the cursor (indexOf: a char-by-char loop over a 50 MB text cost ~0.3 s)
      for (let i = text.indexOf('\n', prev); i >= 0 && i < cursor; i = text.indexOf('\n', i + 1)) line++;
      prev = cursor;
      if (!isEmptyRow(r.data)) onRow(r.data, rowLine);
      for (const e of r.errors) {
        if (e.code === 'UndetectableDelimiter') continue;
        onProblem({ file, line: rowLine, column: '', severity: 'error', message_zh: `CSV 格式错误：${e.message}`, message_en: `malformed CSV: ${e.message}` });
      }
      if (cursor - lastReport > 1 << 20) { lastReport = cursor; onFraction(cursor / text.length); }
    },
  });
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
  private packer: CellPacker | null = null;
  constructor(private file: string, private nowYear?: number, private onChunk?: (chunk: CellChunk, rows: ReportRecord[]) => void) {}

  row(r: string[], line: number) {
    if (!this.header) {
      this.header = r;
      this.wide = detectKind(r.map((x) => ZH_META.get(x.trim()) ?? x.trim())) === 'wide';
      // a wide file's cells go straight into typed arrays (packedCells.ts)
      if (this.wide) this.packer = new CellPacker((chunk, rows) => { if (!this.anyError) this.onChunk?.(chunk, rows); });
      this.lines = [line];
      return;
    }
    this.batch.push(r);
    this.lines.push(line);
    if (this.wide && this.batch.length >= WIDE_BATCH_ROWS) this.flush();
  }

  problem(p: Problem) {
    if (p.severity === 'error') this.anyError = true;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
    else this.dropped++;
  }

  private flush(last = false) {
    if (!this.header || (!this.batch.length && !last)) return;
    if (!this.batch.length && this.parts.length) return;
    const res = parseRows(this.file, [this.header, ...this.batch], { lines: this.lines, nowYear: this.nowYear, packer: this.packer ?? undefined });
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
    parts[0] = { ...parts[0], problems: this.problems, ...(this.packer && !this.anyError ? { packed: this.packer.finish() } : {}) };
    return parts;
  }
}
