// The 200 cells of many agency-years as numbers in typed arrays (NaN = blank), column by column,
// in chunks: how a big wide CSV is read, handed from the CSV worker to the page (transferred, not
// copied), staged into DuckDB (each column is already one array) and stored for reloads. A record
// object with 200 keys per agency-year cost a 100,000-row file ~4 s of garbage collection and
// gigabytes of memory. Pure.
import { CELL_CODES, isCellCode, type CellCode } from '../format/cells';
import type { CellValues, ReportRecord } from '../format/record';

export interface CellChunk {
  rows: number;
  /** column-major: cell j of row i at [j * rows + i]; NaN = blank */
  cells: Float64Array;
  /** the rows' agency (resolved) and report columns, when the chunk is staged as it is read */
  meta?: ChunkMeta;
}

export interface ChunkMeta {
  agency_id: string[];
  year: number[];
  reported_name: string[];
  published_on: (string | null)[];
}

export interface PackedCells {
  codes: CellCode[];
  chunks: CellChunk[];
}

/** The cells of a record whose values live in PackedCells: reading a cell from it is a bug, and
 *  throws; anything else (inspection, equality checks, cloning by key) sees an empty object. */
export const PACKED_CELLS = new Proxy(Object.freeze({}), {
  get: (_t, key) => {
    if (typeof key === 'string' && isCellCode(key)) throw new Error(`packed record: cell ${key} is in PackedCells, not in the record`);
    return undefined;
  },
}) as CellValues;

/** Records with their cells read back out of PackedCells (tests, and rare readers of one row). */
export function withCells<R extends { cells: CellValues }>(records: R[], packed: PackedCells | undefined): R[] {
  if (!packed) return records;
  return records.map((r, i) => ({ ...r, cells: packedRow(packed, i) }));
}

/** Rows per chunk: also the rows per Arrow batch staged into DuckDB. */
export const CHUNK_ROWS = 10_000;

const INDEX = new Map(CELL_CODES.map((c, j) => [c, j]));
export const cellIndex = (code: CellCode): number => INDEX.get(code)!;

/** Fills chunks row by row. */
export class CellPacker {
  private chunks: CellChunk[] = [];
  /** the records of the current chunk's rows (describeRow), handed to onSeal with it */
  private recs: ReportRecord[] = [];
  /** onSeal: each chunk as it fills, with its rows' records (the CSV worker sends it on at once,
   *  to be staged while the rest of the file is read) */
  constructor(private onSeal?: (chunk: CellChunk, rows: ReportRecord[]) => void) {}
  private cur = new Float64Array(CELL_CODES.length * CHUNK_ROWS).fill(NaN);
  private n = 0;
  private total = 0;

  /** Start the next row; returns its index in the whole set. */
  startRow(): number {
    if (this.n === CHUNK_ROWS) this.seal();
    this.n++;
    return this.total++;
  }

  /** The current row's record (its agency, year…), for onSeal. */
  describeRow(rec: ReportRecord) {
    this.recs.push(rec);
  }

  /** Cell j (catalogue order, cellIndex) of the current row. */
  set(j: number, v: number | null) {
    this.cur[j * CHUNK_ROWS + this.n - 1] = v === null ? NaN : v;
  }

  get rows() { return this.total; }

  private seal() {
    if (this.n === CHUNK_ROWS) this.chunks.push({ rows: this.n, cells: this.cur });
    else if (this.n > 0) {
      // the last, partly filled chunk: copied down to its own size
      const cells = new Float64Array(CELL_CODES.length * this.n);
      for (let j = 0; j < CELL_CODES.length; j++) cells.set(this.cur.subarray(j * CHUNK_ROWS, j * CHUNK_ROWS + this.n), j * this.n);
      this.chunks.push({ rows: this.n, cells });
    }
    if (this.chunks.length && this.n > 0) this.onSeal?.(this.chunks[this.chunks.length - 1], this.recs);
    this.recs = [];
    this.cur = new Float64Array(CELL_CODES.length * CHUNK_ROWS).fill(NaN);
    this.n = 0;
  }

  finish(): PackedCells {
    this.seal();
    return { codes: [...CELL_CODES], chunks: this.chunks };
  }
}

/** One column of a chunk (a view, not a copy). */
export function chunkColumn(p: PackedCells, chunk: CellChunk, code: CellCode): Float64Array {
  const j = p.codes.indexOf(code);
  if (j < 0) throw new Error(`packed cells have no column ${code}`);
  return chunk.cells.subarray(j * chunk.rows, (j + 1) * chunk.rows);
}

/** Rows of all chunks. */
export const packedRows = (p: PackedCells) => p.chunks.reduce((a, c) => a + c.rows, 0);

/** The cells of row i as a record's values (tests, and the rare reader that wants one row). */
export function packedRow(p: PackedCells, i: number): CellValues {
  let at = i;
  for (const ch of p.chunks) {
    if (at < ch.rows) {
      const out = {} as CellValues;
      p.codes.forEach((c, j) => { const v = ch.cells[j * ch.rows + at]; out[c] = Number.isNaN(v) ? null : v; });
      return out;
    }
    at -= ch.rows;
  }
  throw new Error(`row ${i} is past the packed cells (${packedRows(p)})`);
}
