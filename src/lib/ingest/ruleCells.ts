// A draft's failed within-report rules, each with the cells involved (pure): what the review lists
// by rule title and highlights in the form. The cells come from the rule's own equations
// (withinReport.ts), so a rule and its highlight never disagree.
import type { CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import { WITHIN_REPORT_EQUATIONS, checkWithinReport, type RuleFailure } from '../rules/withinReport';

/** One failing equation: its two sides (a failing cell alone, for `negative`). */
export interface SidedFailure extends RuleFailure {
  lhs: CellCode[];
  rhs: CellCode[];
}

export interface FailedRule {
  rule: string;
  failures: SidedFailure[];
  /** every cell involved, in order of first appearance, without repeats */
  cells: CellCode[];
}

function sides(f: RuleFailure): SidedFailure {
  const eq = WITHIN_REPORT_EQUATIONS.find((e) => e.rule === f.rule && e.lhs[0] === f.cells[0] && e.lhs.length + e.rhs.length === f.cells.length);
  return eq ? { ...f, lhs: eq.lhs, rhs: eq.rhs } : { ...f, lhs: f.cells, rhs: [] };
}

export function failedRulesOf(cells: Partial<CellValues>): FailedRule[] {
  const by = new Map<string, FailedRule>();
  for (const f of checkWithinReport(cells)) {
    const r = by.get(f.rule) ?? { rule: f.rule, failures: [], cells: [] };
    r.failures.push(sides(f));
    for (const c of f.cells) if (!r.cells.includes(c)) r.cells.push(c);
    by.set(f.rule, r);
  }
  return [...by.values()];
}

/** The ids of the failed rules, as a draft stores them (kept current as cells are typed). */
export const failedRuleIds = (cells: Partial<CellValues>): string[] => failedRulesOf(cells).map((r) => r.rule);
