// A PreparedImport as it is stored: records' cells as Float64Arrays (NaN = blank) beside their
// metadata, in chunks of CHUNK_ROWS. A typed array clones as one copy (20,000 objects of 200 keys
// took seconds of the main thread), and Chrome refuses any single IndexedDB value over 127 MiB —
// a 50 MB CSV packs to 150 MB — so each chunk is its own value. Pure.
import type { PreparedImport } from './load';

type Rec = PreparedImport['records'][number];
export const CHUNK_ROWS = 10_000;

export interface PackedHead extends Omit<PreparedImport, 'records'> {
  packed: 2;
  codes: string[];
  rows: number;
}
export interface PackedChunk {
  cells: Float64Array;
  meta: Omit<Rec, 'cells'>[];
}

export function pack(imp: PreparedImport): { head: PackedHead; chunks: PackedChunk[] } {
  const { records, ...rest } = imp;
  const codes = records.length ? Object.keys(records[0].cells) : [];
  const chunks: PackedChunk[] = [];
  for (let at = 0; at < records.length; at += CHUNK_ROWS) chunks.push(packChunk(records.slice(at, at + CHUNK_ROWS), codes));
  return { head: { ...rest, packed: 2, codes, rows: records.length }, chunks };
}

/** The same, yielding to the page between chunks (a 170,000-record import packs in ~1 s). */
export async function packAsync(imp: PreparedImport): Promise<{ head: PackedHead; chunks: PackedChunk[] }> {
  const { records, ...rest } = imp;
  const codes = records.length ? Object.keys(records[0].cells) : [];
  const chunks: PackedChunk[] = [];
  for (let at = 0; at < records.length; at += CHUNK_ROWS) {
    chunks.push(packChunk(records.slice(at, at + CHUNK_ROWS), codes));
    await new Promise((r) => setTimeout(r, 0));
  }
  return { head: { ...rest, packed: 2, codes, rows: records.length }, chunks };
}

function packChunk(part: Rec[], codes: string[]): PackedChunk {
  const cells = new Float64Array(part.length * codes.length);
  part.forEach((r, i) => codes.forEach((c, j) => {
    const v = (r.cells as Record<string, number | null>)[c];
    cells[i * codes.length + j] = v === null || v === undefined ? NaN : v;
  }));
  return { cells, meta: part.map(({ cells: _, ...m }) => m) };
}

export function unpack(head: PackedHead, chunks: PackedChunk[]): PreparedImport {
  const { packed: _, codes, rows: __, ...rest } = head;
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
