// Within-report checks (README "Rules a supervisor checks": balance, outcome_sum, column_sum,
// s4_sum, negative). Pure: cells in, failures out. Every group and code comes from cells.csv via
// the format module. A blank (null) cell makes a check "not checkable" for that column: it is
// skipped — never counted as a pass, never as a failure.
import {
  CELL_CODES, HANDLED_ROW, CARRIED_OUT_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_COLUMNS, S3_PART_COLUMNS,
  S3_ROWS, S3_TOTAL_COLUMN, S4_GROUPS, allowsFraction, s3RowsOfGroup, type CellCode,
} from '../format/cells';
import type { CellValues } from '../format/record';

export interface RuleFailure {
  rule: string;
  cells: CellCode[];
  expected: number;
  actual: number;
  /** the section-三 column key (natural … total) the failure is in, where it has one */
  column?: string;
}

export const WITHIN_REPORT_RULES = ['balance', 'outcome_sum', 'column_sum', 's4_sum', 'negative'] as const;

/** Σ of the given cells, or null when any of them is blank (the check is then not checkable). */
function sumOf(cells: Partial<CellValues>, codes: CellCode[]): number | null {
  let s = 0;
  for (const c of codes) {
    const v = cells[c];
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    s += v;
  }
  return s;
}

const OUTCOME_ROWS = OUTCOME_GROUPS.flatMap((g) => s3RowsOfGroup(g));

/** The checks as equations: the left-hand cells must sum to the right-hand cells. */
export interface Equation { rule: string; column?: string; lhs: CellCode[]; rhs: CellCode[] }

export const WITHIN_REPORT_EQUATIONS: readonly Equation[] = (() => {
  const eqs: Equation[] = [];
  for (const col of S3_COLUMNS) {
    // 一 + 二 = 三（七） + 四
    eqs.push({
      rule: 'balance', column: col,
      lhs: RECEIVED_ROWS.map((r) => r.codes[col]),
      rhs: [HANDLED_ROW.codes[col], CARRIED_OUT_ROW.codes[col]],
    });
    // 三（七） = Σ outcomes
    eqs.push({ rule: 'outcome_sum', column: col, lhs: [HANDLED_ROW.codes[col]], rhs: OUTCOME_ROWS.map((r) => r.codes[col]) });
  }
  for (const row of S3_ROWS) {
    eqs.push({
      rule: 'column_sum', column: S3_TOTAL_COLUMN,
      lhs: [row.codes[S3_TOTAL_COLUMN]], rhs: S3_PART_COLUMNS.map((c) => row.codes[c]),
    });
  }
  for (const g of S4_GROUPS) eqs.push({ rule: 's4_sum', lhs: [g.total], rhs: [g.upheld, g.corrected, g.other, g.pending] });
  return eqs;
})();

/** Evaluates one equation: null when not checkable, else { expected, actual }. */
export function evalEquation(cells: Partial<CellValues>, eq: Equation): { expected: number; actual: number } | null {
  const l = sumOf(cells, eq.lhs);
  const r = sumOf(cells, eq.rhs);
  if (l === null || r === null) return null;
  return { expected: l, actual: r };
}

/** Same within a relative tolerance that only absorbs floating-point noise (counts are integers). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function checkWithinReport(cells: Partial<CellValues>): RuleFailure[] {
  const out: RuleFailure[] = [];
  for (const eq of WITHIN_REPORT_EQUATIONS) {
    const r = evalEquation(cells, eq);
    if (r && !same(r.expected, r.actual)) {
      out.push({ rule: eq.rule, cells: [...eq.lhs, ...eq.rhs], expected: r.expected, actual: r.actual, column: eq.column });
    }
  }
  for (const code of CELL_CODES) {
    const v = cells[code];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < 0) out.push({ rule: 'negative', cells: [code], expected: 0, actual: v, column: columnOf(code) });
    else if (!allowsFraction(code) && !Number.isInteger(v)) {
      out.push({ rule: 'negative', cells: [code], expected: Math.round(v), actual: v, column: columnOf(code) });
    }
  }
  return out;
}

function columnOf(code: CellCode): string | undefined {
  if (!code.startsWith('s3_')) return undefined;
  return [...S3_COLUMNS].sort((a, b) => b.length - a.length).find((c) => code.endsWith(`_${c}`));
}
