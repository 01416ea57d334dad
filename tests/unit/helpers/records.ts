// Small consistent records for tests, built from the format module (no hand-typed code lists).
import { CELL_CODES, S3_TOTAL_COLUMN, S4_GROUPS, s3Code, type CellCode } from '../../../src/lib/format/cells';
import { emptyCells, type CellValues } from '../../../src/lib/format/record';
import Papa from 'papaparse';

/** A report consistent by every within-report rule: `n` new applications from natural persons,
 *  granted `g`, not held n-g; section 二 values distinct so shifts would show. */
export function consistentCells(n: number, g: number, seed = 1): CellValues {
  const cells = emptyCells();
  for (const c of CELL_CODES) cells[c] = 0;
  const set = (row: string, col: string, v: number) => (cells[s3Code(row, col)] = v);
  // natural persons n, business 1 (granted), others 0
  set('new', 'natural', n); set('new', 'business', 1); set('new', S3_TOTAL_COLUMN, n + 1);
  set('granted', 'natural', g); set('granted', 'business', 1); set('granted', S3_TOTAL_COLUMN, g + 1);
  set('unable_not_held', 'natural', n - g); set('unable_not_held', S3_TOTAL_COLUMN, n - g);
  set('handled_total', 'natural', n); set('handled_total', 'business', 1); set('handled_total', S3_TOTAL_COLUMN, n + 1);
  cells.s2_regulation_issued = seed;
  cells.s2_normative_issued = seed + 2;
  cells.s2_normative_in_force = seed + 10;
  cells.s2_license_decisions = 100 + seed;
  cells.s2_fee_amount = null;
  const review = S4_GROUPS[0];
  cells[review.upheld] = 1; cells[review.corrected] = 1; cells[review.total] = 2;
  return cells;
}

export function wideCsv(rows: { agency: string; year: number; agency_id?: string; published_on?: string; cells: Partial<Record<CellCode, number | null>> }[]): string {
  return Papa.unparse({
    fields: ['agency', 'year', 'agency_id', 'published_on', ...CELL_CODES],
    data: rows.map((r) => [r.agency, r.year, r.agency_id ?? '', r.published_on ?? '', ...CELL_CODES.map((c) => r.cells[c] ?? '')]),
  });
}
