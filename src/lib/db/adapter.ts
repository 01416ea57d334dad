// The small surface every SQL-running module needs, so the same code runs on the browser's
// async DuckDB-WASM connection and on the Node blocking bundle used by tests and commands.
import type { Column } from './arrow';

export type Row = Record<string, unknown>;
export interface QueryOptions {
  lazy?: boolean;
  /** a read run on the database itself, its result neither taken from nor kept in the cache */
  uncached?: boolean;
}

export interface DbAdapter {
  /** Run SQL and return plain rows (BigInt/Decimal already cast to numbers). With `lazy`, each
   *  row reads its values from the result's columns when first asked (see lazyRows): for big
   *  results of which a view shows a page. */
  query<T = Row>(sql: string, opts?: QueryOptions): Promise<T[]>;
  /** Make a UTF-8 buffer readable by SQL under `name` (e.g. read_csv('name')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Create table `name` from columns (through Arrow: ~3× faster than read_csv for wide rows). */
  /** a new table `name` from the columns, or (append) their rows added to it */
  insertColumns(name: string, columns: Column[], append?: boolean): Promise<void>;
}

/** The parts of an Arrow table (apache-arrow 17) the conversion reads; typed loosely so this
 *  module does not import apache-arrow (the browser and Node load different copies of it). */
interface ArrowData {
  typeId: number; type: { bitWidth?: number; precision?: number }; offset: number; length: number; nullCount: number;
  values: ArrayLike<number | bigint> & { subarray?: unknown }; valueOffsets?: Int32Array; nullBitmap?: Uint8Array;
}
interface ArrowVector { data: ArrowData[]; get(i: number): unknown; length: number }
interface ArrowTable {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChildAt(i: number): ArrowVector | null;
}

// apache-arrow's Type enum values (stable across versions)
const T_INT = 2, T_FLOAT = 3, T_UTF8 = 5, T_BOOL = 6;

/** Arrow rows → plain objects with JS numbers (dates as ISO strings). Column by column: reading
 *  each row through Arrow's row proxies (toArray().map(toJSON)) cost ~680 ms for 100k rows × 6
 *  columns in DuckDB-WASM, ~1.3 s for 25k × 69 — more than the queries themselves. */
export function arrowToRows<T>(table: object, opts?: QueryOptions): T[] {
  if (opts?.lazy) return lazyRows<T>(table);
  const t = table as ArrowTable;
  const n = t.numRows;
  const names = t.schema.fields.map((f) => f.name);
  const cols = names.map((_, j) => columnValues(t.getChildAt(j)!, n));
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const o: Row = {};
    for (let j = 0; j < names.length; j++) o[names[j]] = cols[j][i];
    rows[i] = o as T;
  }
  return rows;
}

/** Rows that behave as plain objects (get, in, keys, spread, JSON, assignment) but read a value
 *  from its Arrow column only when asked, a column decoded whole on first use. Building 25,000
 *  objects of 69 properties took 250–500 ms in the browser — for a table that shows 50 rows and
 *  sorts on one column. A write (or defineProperty/delete) first copies the row's values into the
 *  object itself, which from then on is an ordinary object. */
export function lazyRows<T>(table: object): T[] {
  const t = table as ArrowTable;
  const n = t.numRows;
  const names = t.schema.fields.map((f) => f.name);
  const index = new Map<string, number>();
  names.forEach((name, j) => index.set(name, j)); // a repeated name: the last column, as toJSON
  const keys = [...index.keys()];
  const cols: (unknown[] | undefined)[] = [];
  const column = (j: number) => (cols[j] ??= columnValues(t.getChildAt(j)!, n));
  const value = (row: LazyTarget, key: string) => column(index.get(key)!)[row[ROW]];
  const own = (row: LazyTarget, key: PropertyKey) => !row[FILLED] && typeof key === 'string' && index.has(key);
  const fill = (row: LazyTarget) => {
    if (row[FILLED]) return;
    for (const k of keys) (row as unknown as Row)[k] = value(row, k);
    row[FILLED] = true;
  };
  const handler: ProxyHandler<LazyTarget> = {
    get: (row, key, recv) => (own(row, key) ? value(row, key as string) : Reflect.get(row, key, recv)),
    has: (row, key) => own(row, key) || Reflect.has(row, key),
    ownKeys: (row) => (row[FILLED] ? Reflect.ownKeys(row).filter((k) => typeof k !== 'symbol') : keys),
    getOwnPropertyDescriptor: (row, key) => own(row, key)
      ? { value: value(row, key as string), writable: true, enumerable: true, configurable: true }
      : typeof key === 'symbol' ? undefined : Reflect.getOwnPropertyDescriptor(row, key),
    set: (row, key, v, recv) => { fill(row); return Reflect.set(row, key, v, recv); },
    defineProperty: (row, key, d) => { fill(row); return Reflect.defineProperty(row, key, d); },
    deleteProperty: (row, key) => { fill(row); return Reflect.deleteProperty(row, key); },
  };
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) rows[i] = new Proxy({ [ROW]: i, [FILLED]: false } as LazyTarget, handler) as T;
  return rows;
}
const ROW = Symbol('row');
const FILLED = Symbol('filled');
interface LazyTarget { [ROW]: number; [FILLED]: boolean }

const utf8 = new TextDecoder();

function columnValues(v: ArrowVector, n: number): unknown[] {
  const out = new Array<unknown>(n);
  let k = 0;
  for (const d of v.data) {
    const { length, offset, nullBitmap } = d;
    const valid = d.nullCount > 0 && nullBitmap && nullBitmap.length
      ? (i: number) => (nullBitmap[(offset + i) >> 3] & (1 << ((offset + i) & 7))) !== 0
      : null;
    if (d.typeId === T_FLOAT || (d.typeId === T_INT && (d.type.bitWidth ?? 32) <= 32)) {
      const vals = d.values as ArrayLike<number>;
      for (let i = 0; i < length; i++) out[k++] = valid && !valid(i) ? null : vals[i];
    } else if (d.typeId === T_INT) {
      const vals = d.values as ArrayLike<bigint>;
      for (let i = 0; i < length; i++) out[k++] = valid && !valid(i) ? null : Number(vals[i]);
    } else if (d.typeId === T_UTF8 && d.valueOffsets) {
      const vals = d.values as unknown as Uint8Array;
      const offs = d.valueOffsets;
      for (let i = 0; i < length; i++) {
        if (valid && !valid(i)) { out[k++] = null; continue; }
        const a = offs[i], b = offs[i + 1];
        let ascii = b - a <= 64;
        for (let x = a; ascii && x < b; x++) if (vals[x] > 127) ascii = false;
        out[k++] = ascii ? String.fromCharCode.apply(null, vals.subarray(a, b) as unknown as number[]) : utf8.decode(vals.subarray(a, b));
      }
    } else if (d.typeId === T_BOOL) {
      const vals = d.values as unknown as Uint8Array;
      for (let i = 0; i < length; i++) {
        const x = offset + i;
        out[k++] = valid && !valid(i) ? null : (vals[x >> 3] & (1 << (x & 7))) !== 0;
      }
    } else {
      // dates, lists, anything else: Arrow's own getter, as before
      const base = k;
      for (let i = 0; i < length; i++) out[k++] = plain(v.get(base + i));
    }
  }
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object') {
    if (v instanceof Date) return v.toISOString();
    // Arrow list vectors come back as Vectors: make arrays of them.
    const maybe = v as { toArray?: () => unknown[]; toJSON?: () => unknown };
    if (typeof maybe.toArray === 'function') return Array.from(maybe.toArray(), plain);
  }
  return v;
}

/** SQL string literal. */
export function lit(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return 'NULL';
  if (typeof s === 'number') {
    if (!Number.isFinite(s)) throw new Error(`not a finite number: ${s}`);
    return String(s);
  }
  return `'${s.replace(/'/g, "''")}'`;
}

/** SQL identifier. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
