// The planted faults: one per rule id of the report format, each on its own agency-year and each
// planted so that it breaks ONLY its own rule. Within-report and across-year faults sit on
// municipal departments, which belong to no aggregate: a fault in a district member would be summed
// into the district's report and break the same rule there too.
import { S4_GROUPS } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { deadlineFor } from '../../src/lib/format/levels';
import {
  CARRIED_IN_ROW, DECISION_CODES, FEE_CODE, IN_FORCE_FAMILIES, NEW_ROW, OUTCOME_ROWS, S3_PART_COLUMNS, S3_TOTAL_COLUMN,
  type CellCode, rowIndex,
} from './codes';
import type { GenOptions } from './report';

export const RULE_IDS = [
  'balance', 'outcome_sum', 'column_sum', 's4_sum', 'negative', 'carryover', 'in_force',
  'missing', 'late', 'aggregate_mismatch', 'copied',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface FaultSpec {
  rule: RuleId;
  agency_id: string;
  year: number;
}

export interface Fault extends FaultSpec {
  cells: string[];
  expected: string;
  actual: string;
}

export const FAULT_PLAN: readonly FaultSpec[] = [
  { rule: 'balance', agency_id: 'SL-D09', year: 2022 },
  { rule: 'outcome_sum', agency_id: 'SL-D18', year: 2023 },
  { rule: 'column_sum', agency_id: 'SL-D02', year: 2024 },
  { rule: 's4_sum', agency_id: 'SL-D12', year: 2021 },
  { rule: 'negative', agency_id: 'SL-D14', year: 2022 },
  { rule: 'carryover', agency_id: 'SL-D05', year: 2023 },
  { rule: 'in_force', agency_id: 'SL-D01', year: 2022 },
  { rule: 'missing', agency_id: 'SL-D27', year: 2022 },
  { rule: 'copied', agency_id: 'SL-D23', year: 2023 },
  { rule: 'late', agency_id: 'SL-Q2-T03', year: 2023 },
  { rule: 'aggregate_mismatch', agency_id: 'SL-Q3', year: 2022 },
];

const CARRY_IN_DELTA = 2;
const LAPSED_DOCS = 3;
const FEE_TYPO = -0.5;
const AGGREGATE_TYPO = 15;
const LATE_DATE = (year: number) => `${year + 1}-02-19`;

export function faultAt(agencyId: string, year: number, rule?: RuleId): FaultSpec | undefined {
  return FAULT_PLAN.find((f) => f.agency_id === agencyId && f.year === year && (!rule || f.rule === rule));
}

/** Options for generating a clean-by-construction report that a later fault relies on. */
export function faultOptions(agencyId: string, year: number): GenOptions {
  const opts: GenOptions = {};
  if (faultAt(agencyId, year, 'carryover')) opts.carryInDelta = CARRY_IN_DELTA;
  // a report copied into next year must itself carry out what came in and repeal what it issued,
  // or the copy would also break carryover / in_force
  if (faultAt(agencyId, year + 1, 'copied')) opts.steady = true;
  return opts;
}

const natural = S3_PART_COLUMNS[0];
const total = S3_TOTAL_COLUMN;
const show = (cells: CellValues, codes: CellCode[]) => codes.map((c) => `${c} = ${cells[c]}`).join('; ');

/** Apply a within-report / across-year fault to the cells as filed; returns the record of it. */
export function applyCellFault(spec: FaultSpec, cells: CellValues, prev: CellValues | undefined): Fault | undefined {
  const f = (codes: CellCode[], expected: string, mutate: () => void): Fault => {
    mutate();
    return { ...spec, cells: codes, expected, actual: show(cells, codes) };
  };
  switch (spec.rule) {
    case 'balance': {
      // one more application counted as received than was handled or carried over (自然人 and 总计)
      const codes = [NEW_ROW.codes[natural], NEW_ROW.codes[total]];
      return f(codes, show(cells, codes), () => codes.forEach((c) => (cells[c] = (cells[c] ?? 0) + 1)));
    }
    case 'outcome_sum': {
      // a refusal counted twice: the outcome rows no longer add up to 三（七） (自然人 and 总计)
      const row = OUTCOME_ROWS[rowIndex(OUTCOME_ROWS, 'deny_third_party')];
      const codes = [row.codes[natural], row.codes[total]];
      return f(codes, show(cells, codes), () => codes.forEach((c) => (cells[c] = (cells[c] ?? 0) + 1)));
    }
    case 'column_sum': {
      // a total-column slip between two outcome rows: the total column still balances and still
      // adds up to 三（七）, but two rows' 总计 no longer equal the sum of their applicant columns
      const up = OUTCOME_ROWS[rowIndex(OUTCOME_ROWS, 'granted')].codes[total];
      const down = OUTCOME_ROWS[rowIndex(OUTCOME_ROWS, 'unable_not_held')].codes[total];
      if (!cells[down]) throw new Error('column_sum fault needs a non-zero 不掌握 total');
      return f([up, down], show(cells, [up, down]), () => {
        cells[up] = (cells[up] ?? 0) + 1;
        cells[down] = (cells[down] ?? 0) - 1;
      });
    }
    case 's4_sum': {
      const g = S4_GROUPS[0];
      return f([g.total], show(cells, [g.total]), () => (cells[g.total] = (cells[g.total] ?? 0) + 1));
    }
    case 'negative':
      return f([FEE_CODE], `${FEE_CODE} ≥ 0 (or blank)`, () => (cells[FEE_CODE] = FEE_TYPO));
    case 'in_force': {
      // documents that lapsed without being counted as repealed
      const fam = IN_FORCE_FAMILIES[IN_FORCE_FAMILIES.length - 1];
      if ((cells[fam.inForce] ?? 0) < LAPSED_DOCS) throw new Error('in_force fault needs documents in force');
      return f([fam.inForce], show(cells, [fam.inForce]), () => (cells[fam.inForce] = (cells[fam.inForce] ?? 0) - LAPSED_DOCS));
    }
    case 'carryover': {
      // planted at generation (GenOptions.carryInDelta); the expected values are last year's carried out
      const codes = [CARRIED_IN_ROW.codes[natural], CARRIED_IN_ROW.codes[total]];
      const expected = codes.map((c) => `${c} = ${(cells[c] ?? 0) - CARRY_IN_DELTA}`).join('; ');
      return { ...spec, cells: codes, expected: `${expected} (上年结转下年度)`, actual: show(cells, codes) };
    }
    case 'copied': {
      if (!prev) throw new Error('copied fault needs the previous year');
      Object.assign(cells, prev);
      const n = Object.values(prev).filter((v) => v !== null && v !== 0).length;
      return { ...spec, cells: [], expected: `numbers differ from ${spec.year - 1}`, actual: `all ${n} non-zero numbers identical to ${spec.year - 1}` };
    }
    default:
      return undefined;
  }
}

/** An aggregate whose licensing count disagrees with the sum of its members (a cell no other rule reads). */
export function applyAggregateFault(spec: FaultSpec, cells: CellValues): Fault {
  const code = DECISION_CODES[0];
  const expected = show(cells, [code]) + ' (sum of members)';
  cells[code] = (cells[code] ?? 0) + AGGREGATE_TYPO;
  return { ...spec, cells: [code], expected, actual: show(cells, [code]) };
}

export function lateFault(spec: FaultSpec, level: string): { date: string; fault: Fault } {
  const date = LATE_DATE(spec.year);
  const deadline = deadlineFor(level, spec.year);
  if (date <= deadline) throw new Error('late date is not late');
  return { date, fault: { ...spec, cells: [], expected: `published_on ≤ ${deadline}`, actual: `published_on = ${date}` } };
}

export function missingFault(spec: FaultSpec): Fault {
  return { ...spec, cells: [], expected: `a report for ${spec.year}`, actual: 'no row' };
}
