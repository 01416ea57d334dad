// Column tables ↔ Parquet bytes (hyparquet-writer / hyparquet: pure JS, ~60 KB together, chosen
// over parquet-wasm's 4.9 MB wasm by measurement — see the P5 commit message), and several
// files ↔ one zip (fflate).
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { unzipSync, zipSync } from 'fflate';
import { groupsByYear, type PqColumn, type PqType } from './tables';

type SchemaElement = { name: string; type?: string; converted_type?: string; repetition_type?: string; num_children?: number };

const PHYSICAL: Record<PqType, Omit<SchemaElement, 'name'>> = {
  STRING: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  INT32: { type: 'INT32' },
  DOUBLE: { type: 'DOUBLE' },
  BOOLEAN: { type: 'BOOLEAN' },
  DATE: { type: 'INT32', converted_type: 'DATE' },
  TIMESTAMP: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
};

const STATS = new Set(['year', 'agency_id', 'code']);

export function writeParquet(columns: PqColumn[]): Uint8Array {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({ name: c.name, ...PHYSICAL[c.type], repetition_type: 'OPTIONAL' })),
  ];
  const year = columns.find((c) => c.name === 'year');
  const buf = parquetWriteBuffer({
    // Statistics only where a reader filters (year, agency): 200 cells' min/max would double the footer.
    columnData: columns.map((c) => ({ name: c.name, data: c.data as never[], statistics: STATS.has(c.name) })),
    schema: schema as never,
    rowGroupSize: year ? groupsByYear(year.data) : 100_000,
    kvMetadata: [{ key: 'written_by', value: 'disclosure-dashboard' }],
  });
  return new Uint8Array(buf);
}

export type PqRow = Record<string, unknown>;

export async function readParquet(bytes: Uint8Array): Promise<{ columns: string[]; rows: PqRow[] }> {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const meta = parquetMetadata(buf);
  const columns = meta.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
  const rows = (await parquetReadObjects({ file: buf, metadata: meta })) as PqRow[];
  return { columns, rows };
}

export const isParquet = (b: Uint8Array) => b.length >= 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;
export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Deflated: small files are mostly footer (schema of 206 columns), which compresses 4×. */
export function zipFiles(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 6 });
}

/** The .parquet members of a zip (no nested folders are expected, any are flattened). Refuses
 *  archives that would expand past `maxBytes`, checked from the directory before inflating. */
export function unzipParquet(bytes: Uint8Array, maxBytes = 1 << 30): Record<string, Uint8Array> {
  let total = 0;
  const out = unzipSync(bytes, {
    filter: (f) => {
      if (!/\.parquet$/i.test(f.name)) return false;
      total += f.originalSize;
      if (total > maxBytes) throw new Error(`zip expands past ${maxBytes} bytes`);
      return true;
    },
  });
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k.split('/').pop()!, v]));
}

/** A Parquet value as the text the CSV validation reads (numbers exact, dates ISO, blank ''). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NaN';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return v.map(cellText).join(';');
  return String(v);
}
