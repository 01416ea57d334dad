// The common big file, read fast: a wide CSV with commas, no quote character anywhere and one kind
// of line ending, as spreadsheet exports and generated files are. Its cells are read straight from
// the text into the packer (no string per cell: Papa made 20 million of them for a 100k-row file)
// with the same checks as the general reader, through the same helpers (readMeta, parseCellNumber,
// noteDuplicate). Anything else — another layout, a bad header, any problem in any row — is left to
// the general reader (csvStream.ts), which then names every problem; so for a file this reader
// takes, its result is the general reader's, row for row. Pure.
import { PACKED_CELLS, CellPacker, cellIndex, type CellChunk } from './packedCells';
import { WIDE_BATCH_ROWS, detectKind, headerNames, isEmptyRow, noteDuplicate, parseRows, readMeta, wideCodes, type CsvResult, type Err } from './csv';
import { isFractionalCount, parseCellNumber } from './values';
import type { CellFault } from '../format/record';
import type { ReportRecord } from '../format/record';

export type FastOutcome =
  | { kind: 'read'; parts: CsvResult[] }
  /** not this reader's kind of file: nothing was sent on */
  | { kind: 'not-applicable' }
  /** a row has a problem: the general reader must read the file; chunks may have been sent on */
  | { kind: 'problem'; chunksSent: number };

export interface FastOptions {
  nowYear?: number;
  onChunk?: (chunk: CellChunk, rows: ReportRecord[]) => void;
  onFraction?: (f: number) => void;
}

const COMMA = 44, LF = 10;

/** How lines end when every line ends alike: '\n' or '\r\n' (as Papa would guess), else null. */
function lineEnding(text: string): '\n' | '\r\n' | null {
  if (text.indexOf('\r') < 0) return '\n';
  let crs = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== LF) return null;
    crs++;
  }
  let lfs = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lfs++;
  return crs === lfs ? '\r\n' : null;
}

/** Every field of the line empty or blank (the general reader skips such a row). */
function emptyLine(text: string, a: number, b: number): boolean {
  const first = text.indexOf(',', a);
  if (!isEmptyRow([text.slice(a, first < 0 || first > b ? b : first)])) return false; // the usual answer, at once
  return isEmptyRow(text.slice(a, b).split(','));
}

export function readWideFast(file: string, text: string, delimiter: string | undefined, opts: FastOptions = {}): FastOutcome {
  const no: FastOutcome = { kind: 'not-applicable' };
  if ((delimiter ?? ',') !== ',' || text.indexOf('"') >= 0) return no;
  const nl = lineEnding(text);
  if (!nl) return no;
  const cut = nl.length - 1; // a '\r' before each '\n'
  const nowYear = opts.nowYear ?? new Date().getFullYear();

  // lines as [start, end) without their ending, with their physical numbers
  let pos = 0;
  let lineNo = 0;
  const nextLine = (): [number, number] | null => {
    while (pos < text.length) {
      const nlAt = text.indexOf('\n', pos);
      const a = pos;
      const b = nlAt < 0 ? text.length : nlAt - cut;
      pos = nlAt < 0 ? text.length + 1 : nlAt + 1;
      lineNo++;
      if (!emptyLine(text, a, b)) return [a, b];
    }
    return null;
  };

  const headerAt = nextLine();
  if (!headerAt) return no;
  const headerLine = lineNo;
  const rawHeader = text.slice(headerAt[0], headerAt[1]).split(',');
  const header = headerNames(rawHeader);
  if (detectKind(header) !== 'wide') return no;
  const firstAt = nextLine();
  if (!firstAt) return no;
  // the header and the first row through the general reader: any problem there, or a second header
  // row of labels, and the file is its to read
  const check = parseRows(file, [rawHeader, text.slice(firstAt[0], firstAt[1]).split(',')], { nowYear, lines: [headerLine, lineNo] });
  if (check.problems.length || check.records.length !== 1) return no;

  const width = header.length;
  const codeAt = wideCodes(header);
  const indexAt = codeAt.map((c) => (c ? cellIndex(c) : -1));
  const col = (n: string) => header.indexOf(n);
  let failed = false;
  const err: Err = () => { failed = true; };
  let chunksSent = 0;
  const packer = new CellPacker((chunk, rows) => { chunksSent++; opts.onChunk?.(chunk, rows); });
  const records: ReportRecord[] = [];
  const metaRow: string[] = new Array(width).fill('');
  let seen = new Map<string, number>();
  let lastReport = 0;

  for (let at: [number, number] | null = firstAt; at; at = nextLine()) {
    const [a0, b0] = at;
    const line = lineNo;
    if (records.length % WIDE_BATCH_ROWS === 0) seen = new Map(); // as readWide, batch by batch
    packer.startRow();
    const faults: CellFault[] = [];
    let j = 0;
    let a = a0;
    let v = 0;
    let plain = true;
    for (let i = a0; ; i++) {
      const c = i < b0 ? text.charCodeAt(i) : COMMA; // the line's end closes its last field
      if (c !== COMMA) {
        if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
        else plain = false;
        continue;
      }
      if (j < width) {
        const k = indexAt[j];
        if (k < 0) metaRow[j] = text.slice(a, i);
        else if (i === a) packer.set(k, null);
        else if (plain && i - a <= 9) packer.set(k, v);
        else {
          const r = parseCellNumber(text.slice(a, i), codeAt[j]!);
          if (r !== null && typeof r !== 'number') return { kind: 'problem', chunksSent };
          if (r !== null && isFractionalCount(r, codeAt[j]!)) {
            faults.push({ code: codeAt[j]!, value: r });
            packer.set(k, null);
          } else packer.set(k, r);
        }
      }
      j++;
      if (i >= b0) break;
      a = i + 1;
      v = 0;
      plain = true;
    }
    if (j !== width) return { kind: 'problem', chunksSent };
    const rec = readMeta(metaRow, col, line, nowYear, err, PACKED_CELLS);
    if (rec) noteDuplicate(rec, line, seen, err);
    if (failed || !rec) return { kind: 'problem', chunksSent };
    if (faults.length) rec.faults = faults;
    packer.describeRow(rec);
    records.push(rec);
    if (b0 - lastReport > 1 << 20) { lastReport = b0; opts.onFraction?.(b0 / text.length); }
  }
  return { kind: 'read', parts: [{ kind: 'wide', records, agencies: [], problems: [], packed: packer.finish() }] };
}
