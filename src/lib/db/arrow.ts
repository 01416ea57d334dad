// Columns → an Arrow table, built with the caller's copy of apache-arrow: DuckDB-WASM only
// accepts tables from the very module instance it uses (a second copy inserts nothing, silently).
import type * as Arrow from 'apache-arrow';

export type ColumnType = 'int32' | 'float64' | 'utf8';
export interface Column {
  name: string;
  type: ColumnType;
  values: (number | string | null)[];
}

export function columnsToArrow(arrow: typeof Arrow, columns: Column[]): Arrow.Table {
  const vectors: Record<string, Arrow.Vector> = {};
  for (const c of columns) {
    const type = c.type === 'int32' ? new arrow.Int32() : c.type === 'float64' ? new arrow.Float64() : new arrow.Utf8();
    vectors[c.name] = arrow.vectorFromArray(c.values, type as Arrow.DataType);
  }
  return new arrow.Table(vectors);
}
