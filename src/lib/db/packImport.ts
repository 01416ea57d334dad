// A PreparedImport as it is stored: its cells as typed arrays (NaN = blank) beside the records'
// metadata, in chunks of CHUNK_ROWS. A typed array clones as one copy (20,000 objects of 200 keys
// took seconds of the main thread), and Chrome refuses any single IndexedDB value over 127 MiB, so
// each chunk is its own value. Version 3 stores the chunks of packedCells.ts (column by column) as
// they are — a big CSV arrives already packed, and is replayed without unpacking; version 2
// (row by row) is still read. Pure.
import type { PreparedImport } from './load';
import { CellPacker, PACKED_CELLS, cellIndex, type PackedCells } from '../ingest/packedCells';
import { allowsFraction, type CellCode } from '../format/cells';

export { CHUNK_ROWS } from '../ingest/packedCells';

type Rec = PreparedImport['records'][number];
type Meta = Omit<Rec, 'cells'>;

export interface PackedHead extends Omit<PreparedImport, 'records' | 'packedCells' | 'stagedCells'> {
  packed: 2 | 3;
  codes: string[];
  rows: number;
}
export interface PackedChunk {
  /** version 2: row by row, NaN = blank */
  cells?: Float64Array;
  meta: Meta[];
  /** version 3: rows in this chunk; its cells column by column, counts as 32-bit integers (half
   *  the bytes of doubles: a 100k-row import stores 80 MB instead of 160 MB) with BLANK for
   *  blank, and the money columns (allowsFraction) apart as doubles */
  rows?: number;
  ints?: Int32Array;
  money?: Float64Array;
}

/** A blank count as stored (counts are 0 … 2^31−1). */
const BLANK = -2147483648;

/** Records → column-major cells (an import not packed yet: documents, spreadsheets, small CSVs). */
function packedCellsOf(imp: PreparedImport): PackedCells {
  if (imp.packedCells) return imp.packedCells;
  const packer = new CellPacker();
  for (const r of imp.records) {
    packer.startRow();
    for (const [code, v] of Object.entries(r.cells)) packer.set(cellIndex(code as CellCode), v);
  }
  return packer.finish();
}

/** An import as stored: its head and its chunks. */
export interface PackedImport { head: PackedHead; chunks: PackedChunk[] }

export function pack(imp: PreparedImport): PackedImport {
  const p = packing(imp);
  return { head: p.head, chunks: p.cells.chunks.map(p.chunk) };
}

/** The same, a chunk at a time with the page served in between (a 170k-row import packed in one
 *  go held the main thread ~0.7 s). */
export async function packAsync(imp: PreparedImport): Promise<PackedImport> {
  const p = packing(imp);
  const chunks: PackedChunk[] = [];
  for (const ch of p.cells.chunks) {
    await new Promise((r) => setTimeout(r, 0));
    chunks.push(p.chunk(ch));
  }
  return { head: p.head, chunks };
}

function packing(imp: PreparedImport) {
  const { records, packedCells: _, stagedCells: __s, ...rest } = imp;
  const cells = packedCellsOf(imp);
  const moneyCols = cells.codes.flatMap((c, j) => (allowsFraction(c) ? [j] : []));
  let at = 0;
  const chunk = (ch: PackedCells['chunks'][number]): PackedChunk => {
    const meta = records.slice(at, at + ch.rows).map(({ cells: __, ...m }) => m);
    at += ch.rows;
    const ints = new Int32Array(ch.cells.length);
    for (let i = 0; i < ch.cells.length; i++) {
      const v = ch.cells[i];
      ints[i] = v !== v ? BLANK : v; // money columns are overwritten below, from `money`
    }
    const money = new Float64Array(moneyCols.length * ch.rows);
    moneyCols.forEach((j, k) => money.set(ch.cells.subarray(j * ch.rows, (j + 1) * ch.rows), k * ch.rows));
    return { meta, rows: ch.rows, ints, money };
  };
  return { head: { ...rest, packed: 3 as const, codes: cells.codes, rows: records.length }, cells, chunk };
}

export function unpack(head: PackedHead, chunks: PackedChunk[]): PreparedImport {
  const { packed: version, codes, rows: __, ...rest } = head;
  if (version === 3) {
    const records: Rec[] = [];
    for (const ch of chunks) for (const m of ch.meta) records.push({ ...m, cells: PACKED_CELLS } as Rec);
    const moneyCols = codes.flatMap((c, j) => (allowsFraction(c) ? [j] : []));
    return { ...rest, records, packedCells: { codes: codes as CellCode[], chunks: chunks.map((ch) => ({ rows: ch.rows!, cells: widen(ch, moneyCols) })) } };
  }
  const records: Rec[] = [];
  for (const ch of chunks) {
    const cells = ch.cells!;
    ch.meta.forEach((m, i) => {
      const c: Record<string, number | null> = {};
      codes.forEach((code, j) => {
        const v = cells[i * codes.length + j];
        c[code] = Number.isNaN(v) ? null : v;
      });
      records.push({ ...m, cells: c } as Rec);
    });
  }
  return { ...rest, records };
}

/** A stored version-3 chunk's cells back as doubles, column by column (NaN = blank). */
function widen(ch: PackedChunk, moneyCols: number[]): Float64Array {
  if (!ch.ints && ch.cells) return ch.cells; // stored before counts were packed as integers
  const ints = ch.ints!;
  const rows = ch.rows!;
  const out = new Float64Array(ints.length);
  for (let i = 0; i < ints.length; i++) {
    const v = ints[i];
    out[i] = v === BLANK ? NaN : v;
  }
  moneyCols.forEach((j, k) => out.set(ch.money!.subarray(k * rows, (k + 1) * rows), j * rows));
  return out;
}
