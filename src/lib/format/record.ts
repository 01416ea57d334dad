// A report as the app holds it: one agency, one year, the 200 cells (null = blank, never 0).
import { CELL_CODES, type CellCode } from './cells';

export type CellValues = Record<CellCode, number | null>;

export interface ReportRecord {
  /** the agency as written in the source (name, id or alias); resolved against the registry on load */
  agency: string;
  year: number;
  agency_id?: string;
  level?: string;
  parent?: string;
  published_on?: string | null;
  /** where it came from, for messages found after parsing */
  line?: number;
  /** the file it came from, when a batch mixes files (documents) */
  source?: string;
  cells: CellValues;
  /** numbers printed in count cells that a count cannot be (a fraction: 12.5): kept here as
   *  printed, for the `negative` rule; the cell itself is blank (never rounded into a total) */
  faults?: CellFault[];
}

export interface CellFault {
  code: CellCode;
  value: number;
}

export function emptyCells(): CellValues {
  const cells = {} as CellValues;
  for (const c of CELL_CODES) cells[c] = null;
  return cells;
}
