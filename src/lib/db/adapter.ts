// The small surface every SQL-running module needs, so the same code runs on the browser's
// async DuckDB-WASM connection and on the Node blocking bundle used by tests and commands.
import type { Column } from './arrow';

export type Row = Record<string, unknown>;

export interface DbAdapter {
  /** Run SQL and return plain rows (BigInt/Decimal already cast to numbers). */
  query<T = Row>(sql: string): Promise<T[]>;
  /** Make a UTF-8 buffer readable by SQL under `name` (e.g. read_csv('name')). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Create table `name` from columns (through Arrow: ~3× faster than read_csv for wide rows). */
  /** a new table `name` from the columns, or (append) their rows added to it */
  insertColumns(name: string, columns: Column[], append?: boolean): Promise<void>;
}

/** Arrow rows → plain objects with JS numbers (dates as ISO strings). */
export function arrowToRows<T>(table: { toArray(): unknown[] }): T[] {
  return table.toArray().map((r) => {
    const o = (r as { toJSON(): Row }).toJSON();
    for (const k of Object.keys(o)) o[k] = plain(o[k]);
    return o as T;
  });
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
