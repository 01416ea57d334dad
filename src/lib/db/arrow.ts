// Columns → an Arrow table, built with the caller's copy of apache-arrow: DuckDB-WASM only
// accepts tables from the very module instance it uses (a second copy inserts nothing, silently).
// Buffers are laid out here (values, offsets, validity bitmap) rather than through Arrow's
// builders, which compile their null check with Function() — refused by the app's CSP
// (no 'unsafe-eval').
import type * as Arrow from 'apache-arrow';

/** date: ISO 'YYYY-MM-DD' text in, an Arrow date (days since 1970-01-01) out */
export type ColumnType = 'int32' | 'float64' | 'utf8' | 'date';
export interface Column {
  name: string;
  type: ColumnType;
  /** a Float64Array holds numbers with NaN for null (packed cells, used as they are) */
  values: (number | string | null)[] | Float64Array;
}

export function columnsToArrow(arrow: typeof Arrow, columns: Column[]): Arrow.Table {
  const vectors: Record<string, Arrow.Vector> = {};
  for (const c of columns) vectors[c.name] = arrow.makeVector(columnData(arrow, c));
  return new arrow.Table(vectors);
}

function columnData(arrow: typeof Arrow, c: Column): Arrow.Data {
  if (c.values instanceof Float64Array) return typedData(arrow, c.type, c.values);
  const length = c.values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  c.values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  });
  if (c.type === 'utf8') {
    // one encode for the whole column (one per value cost ~0.6 s for 4 columns of 100,000 rows),
    // offsets from each value's UTF-8 length counted here
    const strs = (c.values as (number | string | null)[]).map((v) => (v === null || v === undefined ? '' : String(v)));
    const valueOffsets = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) valueOffsets[i + 1] = valueOffsets[i] + utf8Length(strs[i]);
    const data = new Uint8Array(valueOffsets[length]);
    const { written } = new TextEncoder().encodeInto(strs.join(''), data);
    if (written !== data.length) throw new Error(`utf8 column ${c.name}: ${written} bytes written, ${data.length} counted`);
    return arrow.makeData({ type: new arrow.Utf8(), length, nullCount, nullBitmap, valueOffsets, data }) as Arrow.Data;
  }
  if (c.type === 'date') {
    const days = new Int32Array(length);
    (c.values as (string | null)[]).forEach((v, i) => { if (v) days[i] = isoDays(String(v)); });
    return arrow.makeData({ type: new arrow.DateDay(), length, nullCount, nullBitmap, data: days } as never) as Arrow.Data;
  }
  const data = c.type === 'int32' ? new Int32Array(length) : new Float64Array(length);
  (c.values as (number | string | null)[]).forEach((v, i) => { if (v !== null && v !== undefined) data[i] = Number(v); });
  const type = c.type === 'int32' ? new arrow.Int32() : new arrow.Float64();
  return arrow.makeData({ type, length, nullCount, nullBitmap, data } as never) as Arrow.Data;
}

/** A numeric column from a Float64Array (NaN = null): no per-value boxing. */
function typedData(arrow: typeof Arrow, type: ColumnType, values: Float64Array): Arrow.Data {
  const length = values.length;
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let nullCount = 0;
  const data = type === 'int32' ? new Int32Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v !== v) nullCount++; // NaN
    else {
      nullBitmap[i >> 3] |= 1 << (i & 7);
      data[i] = v;
    }
  }
  if (type === 'utf8' || type === 'date') throw new Error('a Float64Array column must be numeric');
  return arrow.makeData({ type: type === 'int32' ? new arrow.Int32() : new arrow.Float64(), length, nullCount, nullBitmap, data } as never) as Arrow.Data;
}

/** Days since 1970-01-01 of an ISO date (as parseDate writes them). */
function isoDays(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Bytes of a string in UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes, as TextEncoder writes it). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}
