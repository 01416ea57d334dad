// A PreparedImport as it is stored: its cells as typed arrays (NaN = blank) beside the records'
// metadata, in chunks of CHUNK_ROWS. A typed array clones as one copy (20,000 objects of 200 keys
// took seconds of the main thread), and Chrome refuses any single IndexedDB value over 127 MiB, so
// each chunk is its own value. Version 3 stores the chunks of packedCells.ts (column by column) as
// they are — a big CSV arrives already packed, and is replayed without unpacking; version 2
// (row by row) is still read. Pure.
import type { PreparedImport } from './load';
import { CellPacker, PACKED_CELLS, cellIndex, type PackedCells } from '../ingest/packedCells';
import type { CellCode } from '../format/cells';

export { CHUNK_ROWS } from '../ingest/packedCells';

type Rec = PreparedImport['records'][number];
type Meta = Omit<Rec, 'cells'>;

export interface PackedHead extends Omit<PreparedImport, 'records' | 'packedCells' | 'stagedCells'> {
  packed: 2 | 3;
  codes: string[];
  rows: number;
}
export interface PackedChunk {
  cells: Float64Array;
  meta: Meta[];
  /** version 3: rows in this chunk (cells column by column) */
  rows?: number;
}

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

export function pack(imp: PreparedImport): { head: PackedHead; chunks: PackedChunk[] } {
  const { records, packedCells: _, stagedCells: __s, ...rest } = imp;
  const cells = packedCellsOf(imp);
  let at = 0;
  const chunks = cells.chunks.map((ch): PackedChunk => {
    const meta = records.slice(at, at + ch.rows).map(({ cells: __, ...m }) => m);
    at += ch.rows;
    return { cells: ch.cells, meta, rows: ch.rows };
  });
  return { head: { ...rest, packed: 3, codes: cells.codes, rows: records.length }, chunks };
}

/** The same, after yielding to the page once (packing is now a copy of references at most). */
export async function packAsync(imp: PreparedImport): Promise<{ head: PackedHead; chunks: PackedChunk[] }> {
  await new Promise((r) => setTimeout(r, 0));
  return pack(imp);
}

export function unpack(head: PackedHead, chunks: PackedChunk[]): PreparedImport {
  const { packed: version, codes, rows: __, ...rest } = head;
  if (version === 3) {
    const records: Rec[] = [];
    for (const ch of chunks) for (const m of ch.meta) records.push({ ...m, cells: PACKED_CELLS } as Rec);
    return { ...rest, records, packedCells: { codes: codes as CellCode[], chunks: chunks.map((ch) => ({ rows: ch.rows!, cells: ch.cells })) } };
  }
  const records: Rec[] = [];
  for (const ch of chunks) {
    ch.meta.forEach((m, i) => {
      const c: Record<string, number | null> = {};
      codes.forEach((code, j) => {
        const v = ch.cells[i * codes.length + j];
        c[code] = Number.isNaN(v) ? null : v;
      });
      records.push({ ...m, cells: c } as Rec);
    });
  }
  return { ...rest, records };
}
