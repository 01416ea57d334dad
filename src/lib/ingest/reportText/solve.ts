// Rows of section 三 that more than one reading fits (cells run together): choose the combination
// that the section's own sums allow (balance 一+二=三（七）+四 and outcome_sum, per column). A row
// is settled only when every combination that fits agrees on it; otherwise it stays unresolved.
import type { CellCode } from '../../format/cells';
import type { CellValues } from '../../format/record';
import { WITHIN_REPORT_EQUATIONS, type Equation } from '../../rules/withinReport';
import type { Cell } from './region';

export interface Pending { codes: CellCode[]; candidates: Cell[][] }

/** Readings tried, at most: the reports met need a few hundred; a text whose every row many
 *  readings fit (25 rows of 50, from a double-spaced one-cell-per-line text) would take ~30 s to
 *  search through, and gives up instead (its rows stay unresolved, with their warnings). */
const MAX_CHECKS = 50_000;

const SECTION_EQS = WITHIN_REPORT_EQUATIONS.filter((e) => e.rule === 'balance' || e.rule === 'outcome_sum');

export interface Solved {
  /** the one reading all fitting combinations share, or null */
  row: Cell[] | null;
  /** per cell: the value every fitting combination gives it, or undefined where they differ */
  cells: (Cell | undefined)[];
  /** how many combinations fit (0 when the search gave up or none fits) */
  solutions: number;
}

/** The cells every one of `rows` agrees on (undefined where they differ). */
export function agreeing(rows: Cell[][]): (Cell | undefined)[] {
  return rows[0].map((v, j) => (rows.every((r) => r[j] === v) ? v : undefined));
}

/** For each pending row: what all fitting combinations of the rows' readings share. */
export function solveSection(known: Partial<CellValues>, pending: Pending[]): Solved[] {
  const cells: Partial<Record<CellCode, Cell | undefined>> = { ...known };
  for (const p of pending) for (const c of p.codes) cells[c] = undefined;
  const eqsOf = pending.map((p) => SECTION_EQS.filter((e) => [...e.lhs, ...e.rhs].some((c) => p.codes.includes(c))));
  const chosen: number[] = [];
  const agree: (number | null | undefined)[] = pending.map(() => undefined); // undefined: none yet; null: disagree
  const cellAgree: (Cell | undefined)[][] = pending.map((p) => p.codes.map(() => undefined));
  const cellSet: boolean[][] = pending.map((p) => p.codes.map(() => false));
  let solutions = 0;
  let visits = 0;
  let checks = 0;
  let aborted = false;

  // the range each unassigned cell can still take, from its row's candidates
  const lo: Partial<Record<CellCode, number | null>> = {};
  const hi: Partial<Record<CellCode, number | null>> = {};
  pending.forEach((p) =>
    p.codes.forEach((c, j) => {
      const vs = p.candidates.map((cand) => cand[j]);
      const blank = vs.some((v) => v === null);
      lo[c] = blank ? null : Math.min(...(vs as number[]));
      hi[c] = blank ? null : Math.max(...(vs as number[]));
    }),
  );
  const range = (c: CellCode): [number, number] | null => {
    const v = cells[c];
    if (v === null) return null;
    if (v !== undefined) return [v, v];
    const l = lo[c];
    const h = hi[c];
    return l === null || h === null || l === undefined || h === undefined ? null : [l, h];
  };
  /** Can the equation still hold? (a blank cell: not checkable, so yes) */
  const holds = (e: Equation): boolean => {
    let lMin = 0, lMax = 0, rMin = 0, rMax = 0;
    for (const c of e.lhs) {
      const r = range(c);
      if (!r) return true;
      lMin += r[0];
      lMax += r[1];
    }
    for (const c of e.rhs) {
      const r = range(c);
      if (!r) return true;
      rMin += r[0];
      rMax += r[1];
    }
    return lMin <= rMax && rMin <= lMax;
  };

  const rec = (i: number) => {
    if (aborted) return;
    if (++visits > 500_000) {
      aborted = true;
      return;
    }
    if (i === pending.length) {
      if (!SECTION_EQS.every(holds)) return;
      solutions++;
      chosen.forEach((k, j) => {
        if (agree[j] === undefined) agree[j] = k;
        else if (agree[j] !== k) agree[j] = null;
        pending[j].candidates[k].forEach((v, c) => {
          if (!cellSet[j][c]) {
            cellSet[j][c] = true;
            cellAgree[j][c] = v;
          } else if (cellAgree[j][c] !== v) cellAgree[j][c] = undefined;
        });
      });
      return;
    }
    const p = pending[i];
    p.candidates.forEach((cand, k) => {
      if (aborted) return;
      if (++checks > MAX_CHECKS) {
        aborted = true;
        return;
      }
      p.codes.forEach((c, j) => (cells[c] = cand[j]));
      if (eqsOf[i].every(holds)) {
        chosen[i] = k;
        rec(i + 1);
      }
    });
    for (const c of p.codes) cells[c] = undefined;
  };
  rec(0);
  if (aborted || solutions === 0) return pending.map((p) => ({ row: null, cells: p.codes.map(() => undefined), solutions: 0 }));
  return pending.map((p, i) => ({
    row: typeof agree[i] === 'number' ? p.candidates[agree[i] as number] : null,
    cells: cellAgree[i],
    solutions,
  }));
}
