// Spreadsheets (.xlsx) and Parquet (a .parquet table, or the app's dataset .zip) on the import
// screen: told apart by their first bytes, read by lazily loaded modules (ExcelJS and hyparquet
// stay out of the first screen's bundle), validated like a CSV and committed the same way.
import { putReviews, type Review } from '../db/reviews';
import { importFile, type ImportResult } from './store';

export type TableFileKind = 'xlsx' | 'parquet';

/** From the first bytes (and the name, for zips): an Excel workbook, Parquet, or neither. */
export function tableFileKind(name: string, head: Uint8Array): TableFileKind | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const magic = String.fromCharCode(...head.subarray(0, 4));
  if (magic === 'PAR1') return 'parquet';
  if (magic === 'PK\u0003\u0004') {
    if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
    if (ext === 'zip') return 'parquet';
  }
  return null;
}

export async function importTableFile(file: File, replace: boolean): Promise<ImportResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = tableFileKind(file.name, bytes);
  if (kind === 'xlsx') {
    const { prepareXlsx } = await import('../xlsx/read');
    return importFile(file.name, bytes, replace, prepareXlsx);
  }
  const { prepareParquet } = await import('../parquet/dataset');
  let reviews: Review[] = [];
  const result = await importFile(file.name, bytes, replace, async (name, b, registry, opts) => {
    const prep = await prepareParquet(name, b, registry, opts);
    reviews = prep.reviews;
    return prep;
  });
  // Reviews live in their own store; they follow the import once it has committed.
  if (result.applied && reviews.length) await putReviews(reviews);
  return result;
}
