// Named measures over the 200 cells: a measure is a set of cell codes summed together
// (a single cell, or a group subtotal derived from cells.csv's `group` column).
import { CELL_CODES, S3_TOTAL_COLUMN, S4_GROUPS, s3RowsOfGroup, type CellCode, type CellGroup } from '../format/cells';

export interface Measure {
  /** a cell code, or a derived name such as outcome_refused_total */
  name: string;
  codes: CellCode[];
}

export const cellMeasure = (code: CellCode): Measure => ({ name: code, codes: [code] });

/** Σ of one section-三 group in one column, e.g. Σ不予公开 in the total column. */
export function groupMeasure(group: CellGroup, column: string = S3_TOTAL_COLUMN): Measure {
  return { name: `${group}_${column}`, codes: s3RowsOfGroup(group).map((r) => r.codes[column]) };
}

/** Both litigation groups' totals. */
export const suitTotalMeasure: Measure = {
  name: 'suit_total',
  codes: S4_GROUPS.filter((g) => g.group !== 's4_review').map((g) => g.total),
};

export function isKnownCode(c: string): c is CellCode {
  return (CELL_CODES as readonly string[]).includes(c);
}


