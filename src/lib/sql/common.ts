// SQL fragments shared by the builders.
import { ident } from '../db/adapter';
import type { Measure } from './measures';

/** Σ over rows of Σ over codes, with SQL's NULL handling: NULL only when every input is blank
 *  (a blank cell is never counted as 0, and one blank does not blank the whole sum). */
export function sumOfCodes(codes: readonly string[]): string {
  if (codes.length === 1) return `SUM(${ident(codes[0])})::DOUBLE`;
  const counts = codes.map((c) => `COUNT(${ident(c)})`).join(' + ');
  const sums = codes.map((c) => `COALESCE(SUM(${ident(c)}), 0)`).join(' + ');
  return `CASE WHEN ${counts} = 0 THEN NULL ELSE (${sums})::DOUBLE END`;
}

/** Per-row Σ over codes (NULL only when all are blank). */
export function rowSumOfCodes(codes: readonly string[], alias = ''): string {
  const col = (c: string) => (alias ? `${alias}.${ident(c)}` : ident(c));
  if (codes.length === 1) return col(codes[0]);
  const all = codes.map((c) => `${col(c)} IS NULL`).join(' AND ');
  return `CASE WHEN ${all} THEN NULL ELSE ${codes.map((c) => `COALESCE(${col(c)}, 0)`).join(' + ')} END`;
}

export function measureSelect(m: Measure): string {
  return `${sumOfCodes(m.codes)} AS ${ident(m.name)}`;
}

/** Every year a report can have: the period of the unfiltered city-wide totals. */
export const ALL_YEARS = { from: 1900, to: 2200 } as const;
