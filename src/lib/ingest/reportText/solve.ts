// Rows of section 三 that more than one reading fits (cells run together): choose the combination
// that the section's own sums allow (balance 一+二=三（七）+四 and outcome_sum, per column). A row
// is settled only when every combination that fits agrees on it; otherwise it stays unresolved.
import type { CellCode } from '../../format/cells';
import type { CellValues } from '../../format/record';
import { WITHIN_REPORT_EQUATIONS, type Equation } from '../../rules/withinReport';
import type { Cell } from './region';

export interface Pending { codes: CellCode[]; candidates: Cell[][] }

const SECTION_EQS = WITHIN_REPORT_EQUATIONS.filter((e) => e.rule === 'balance' || e.rule === 'outcome_sum');

/** For each pending row: the one reading all fitting combinations share, or null. */
export function solveSection(known: Partial<CellValues>, pending: Pending[]): (Cell[] | null)[] {
  const cells: Partial<Record<CellCode, Cell | undefined>> = { ...known };
  for (const p of pending) for (const c of p.codes) cells[c] = undefined;
  const eqsOf = pending.map((p) => SECTION_EQS.filter((e) => [...e.lhs, ...e.rhs].some((c) => p.codes.includes(c))));
  const chosen: number[] = [];
  const agree: (number | null | undefined)[] = pending.map(() => undefined); // undefined: none yet; null: disagree
  let solutions = 0;
  let visits = 0;
  let aborted = false;

  const holds = (e: Equation): boolean => {
    let l = 0;
    let r = 0;
    for (const c of e.lhs) {
      const v = cells[c];
      if (v === undefined) return true; // not yet assigned
      if (v === null) return true; // blank: not checkable
      l += v;
    }
    for (const c of e.rhs) {
      const v = cells[c];
      if (v === undefined || v === null) return true;
      r += v;
    }
    return l === r;
  };

  const rec = (i: number) => {
    if (aborted) return;
    if (++visits > 500_000) {
      aborted = true;
      return;
    }
    if (i === pending.length) {
      solutions++;
      chosen.forEach((k, j) => {
        if (agree[j] === undefined) agree[j] = k;
        else if (agree[j] !== k) agree[j] = null;
      });
      return;
    }
    const p = pending[i];
    p.candidates.forEach((cand, k) => {
      p.codes.forEach((c, j) => (cells[c] = cand[j]));
      if (eqsOf[i].every(holds)) {
        chosen[i] = k;
        rec(i + 1);
      }
    });
    for (const c of p.codes) cells[c] = undefined;
  };
  rec(0);
  if (aborted || solutions === 0) return pending.map(() => null);
  return pending.map((p, i) => (typeof agree[i] === 'number' ? p.candidates[agree[i] as number] : null));
}
