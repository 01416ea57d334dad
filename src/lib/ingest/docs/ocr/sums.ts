// The form's sums, used on cells read by OCR: a cell in a sum that does not add up is not to
// be trusted, nor is a blank one. Every such cell is set aside; then, over and over, a sum with
// exactly one cell set aside and all others known gives that cell (a whole number ≥ 0). A value
// found so is kept only if every sum it is in then adds up. A row misread in one cell fails its
// row sum and its column's sums; the cells around it are given back by their other sums (the
// same as read), and the misread one by the crossing sums. Pure.
import type { CellCode } from '../../../format/cells';
import type { CellValues } from '../../../format/record';
import { WITHIN_REPORT_EQUATIONS, evalEquation, type Equation } from '../../../rules/withinReport';

export interface SumResult {
  cells: CellValues;
  /** cells whose value the sums gave */
  derived: Set<CellCode>;
  /** cells set aside and not given back: blank */
  unresolved: Set<CellCode>;
  /** for each cell set aside, the first sum that failed with it in it, if any */
  failedIn: Map<CellCode, Equation>;
}

const holds = (cells: Partial<CellValues>, e: Equation) => {
  const r = evalEquation(cells, e);
  return r === null || Math.abs(r.expected - r.actual) < 1e-9;
};

/** `open`: cells already set aside (blank or read without confidence). */
export function settleBySums(input: CellValues, open: Set<CellCode>): SumResult {
  const cells = { ...input };
  const failedIn = new Map<CellCode, Equation>();
  const aside = new Set(open);
  for (const e of WITHIN_REPORT_EQUATIONS) {
    if (holds(cells, e)) continue;
    for (const c of [...e.lhs, ...e.rhs]) {
      aside.add(c);
      if (!failedIn.has(c)) failedIn.set(c, e);
    }
  }
  const eqsOf = new Map<CellCode, Equation[]>();
  for (const e of WITHIN_REPORT_EQUATIONS) for (const c of [...e.lhs, ...e.rhs]) eqsOf.set(c, [...(eqsOf.get(c) ?? []), e]);
  // derive; a value that then breaks one of its sums is never derived again, and all is redone
  const frozen = new Set<CellCode>();
  let derived = new Set<CellCode>();
  for (let round = 0; round < 50; round++) {
    for (const c of aside) cells[c] = null;
    derived = derive(cells, aside, frozen);
    const bad = [...derived].filter((c) => !eqsOf.get(c)!.every((e) => holds(cells, e)));
    if (!bad.length) break;
    for (const c of bad) frozen.add(c);
  }
  const unresolved = new Set([...aside].filter((c) => cells[c] === null));
  return { cells, derived, unresolved, failedIn };
}

function derive(cells: CellValues, aside: Set<CellCode>, frozen: Set<CellCode>): Set<CellCode> {
  const derived = new Set<CellCode>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of WITHIN_REPORT_EQUATIONS) {
      const all = [...e.lhs, ...e.rhs];
      const unknown = all.filter((c) => cells[c] === null);
      if (unknown.length !== 1 || !aside.has(unknown[0]) || frozen.has(unknown[0])) continue;
      const u = unknown[0];
      const sum = (cs: CellCode[]) => cs.reduce((s, c) => s + (c === u ? 0 : (cells[c] as number)), 0);
      const v = e.lhs.includes(u) ? sum(e.rhs) - sum(e.lhs) : sum(e.lhs) - sum(e.rhs);
      if (!Number.isInteger(v) || v < 0) continue;
      cells[u] = v;
      derived.add(u);
      changed = true;
    }
  }
  return derived;
}
