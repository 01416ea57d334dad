// Two or more drafts of one agency-year side by side (pure): the cells where the copies differ,
// which of those each copy read with doubt, and how many cells agree. A blank is not a zero: a
// blank in one copy and 0 in the other is a difference.
import { CELL_CODES, type CellCode } from '../format/cells';

export interface DraftCopy {
  cells: Readonly<Partial<Record<CellCode, number | null>>>;
  uncertain: readonly string[];
}

export interface CellDiff {
  code: CellCode;
  /** each copy's value (null: blank), in copy order */
  values: (number | null)[];
  /** each copy: was the cell uncertain there */
  uncertain: boolean[];
}

export interface DraftComparison {
  diffs: CellDiff[];
  /** cells with the same value (or blank) in every copy */
  agree: number;
}

const valueOf = (c: DraftCopy, code: CellCode): number | null => {
  const v = c.cells[code];
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
};

export function compareDrafts(copies: readonly DraftCopy[]): DraftComparison {
  const diffs: CellDiff[] = [];
  let agree = 0;
  for (const code of CELL_CODES) {
    const values = copies.map((c) => valueOf(c, code));
    if (values.every((v) => v === values[0])) {
      agree++;
      continue;
    }
    diffs.push({ code, values, uncertain: copies.map((c) => c.uncertain.includes(code)) });
  }
  return { diffs, agree };
}
