// Columns → an Arrow table, built with the caller's copy of apache-arrow: DuckDB-WASM only
// accepts tables from the very module instance it uses (a second copy inserts nothing, silently).
// Buffers are laid out here (values, offsets, validity bitmap) rather than through Arrow's
// builders, which compile their null check with Function() — refused by the app's CSP
// (no 'unsafe-eval').
import type * as Arrow from 'apache-arrow';

export type ColumnType = 'int32' | 'float64' | 'utf8';
export interface Column {
  name: string;
  type: ColumnType;
  values: (number | string | null)[];
}

export function columnsToArrow(arrow: typeof Arrow, columns: Column[]): Arrow.Table {
  const vectors: Record<string, Arrow.Vector> = {};
  for (const c of columns) vectors[c.name] = arrow.makeVector(columnData(arrow, c));
  return new arrow.Table(vectors);
}

function columnData(arrow: typeof Arrow, c: Column): Arrow.Data {
  const length = c.values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  c.values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  if (c.type === 'utf8') {
    const enc = new TextEncoder();
    const parts = c.values.map((v) => (v === null || v === undefined ? new Uint8Array() : enc.encode(String(v))));
    const valueOffsets = new Int32Array(length + 1);
    parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
    const data = new Uint8Array(valueOffsets[length]);
    parts.forEach((p, i) => data.set(p, valueOffsets[i]));
    return arrow.makeData({ type: new arrow.Utf8(), length, nullCount, nullBitmap, valueOffsets, data }) as Arrow.Data;
  }
  const data = c.type === 'int32' ? new Int32Array(length) : new Float64Array(length);
  c.values.forEach((v, i) => { if (v !== null && v !== undefined) data[i] = Number(v); });
  const type = c.type === 'int32' ? new arrow.Int32() : new arrow.Float64();
  return arrow.makeData({ type, length, nullCount, nullBitmap, data } as never) as Arrow.Data;
}
