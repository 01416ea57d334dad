// One agency's report for one year, consistent by construction: section 三 is built per applicant
// column (new + carried in = handled + carried out, handled = Σ outcomes) and the total column is
// the sum of the parts; section 四 totals are the sums of their parts; 现行有效 follows the
// previous year's figure. Shapes (who applies, what the outcomes are) follow real reports.
import { S4_GROUPS } from '../../src/lib/format/cells';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import {
  CARRIED_IN_ROW, CARRIED_OUT_ROW, DECISION_CODES, FEE_CODE, HANDLED_ROW, IN_FORCE_FAMILIES, NEW_ROW, OUTCOME_ROWS,
  S3_PART_COLUMNS, S3_ROWS, S3_TOTAL_COLUMN, keyed,
} from './codes';
import type { Agency } from './registry';
import { round2, type Random } from './rng';

/** Share ranges of new applications per applicant column. */
const APPLICANT_SHARE: Record<string, [number, number]> = {
  natural: [0.84, 0.95], business: [0.03, 0.09], research: [0.001, 0.004],
  ngo: [0.001, 0.004], legal: [0.005, 0.03], other_org: [0.003, 0.02],
};
/** Share of handled applications per outcome group… */
const GROUP_SHARE: Record<string, number> = {
  outcome_granted: 0.4, outcome_partial: 0.07, outcome_refused: 0.08,
  outcome_unable: 0.3, outcome_not_processed: 0.08, outcome_other: 0.05,
};
/** …and the relative weight of a row within its group (rows not listed weigh 1). */
const ROW_EMPHASIS: Record<string, number> = {
  deny_third_party: 5, deny_process_info: 4, deny_internal_affairs: 3, deny_state_secret: 0.3,
  unable_not_held: 14, unable_needs_creation: 3,
  reject_petition: 6, reject_duplicate: 4,
  other_no_correction: 5, other_misc: 4, other_unpaid_fee: 0.05,
};
/** Section 四 cases per new application, per group; then how they ended. */
const S4_RATE: Record<string, number> = { s4_review: 0.02, s4_suit_direct: 0.01, s4_suit_after_review: 0.004 };
const S4_RESULT_SHARE = [0.62, 0.12, 0.14, 0.12]; // upheld, corrected, other, pending

export interface Profile {
  applicant: number[];
  outcome: number[];
  carryRate: number;
  /** per in-force family: mean issued and repealed a year */
  docs: { issued: number; repealed: number }[];
  /** per decision code: the base yearly count */
  decisions: number[];
}

export interface State {
  factor: number;
  /** carried out last year, per part column */
  carriedOut: number[];
  /** in force at the end of last year, per in-force family */
  inForce: number[];
}

export interface GenOptions {
  /** added to 二、上年结转 of the first part column (自然人) and so to its total: the carryover fault */
  carryInDelta?: number;
  /** carry out exactly what came in and repeal what is issued, so next year can repeat this one */
  steady?: boolean;
  /** carry out at least this many of the first part column (to show carry-over across a rename) */
  minCarryOut?: number;
}

export function makeProfile(a: Agency, rnd: Random): Profile {
  const applicant = keyed(S3_PART_COLUMNS, APPLICANT_SHARE).map(([lo, hi]) => rnd.uniform(lo, hi));
  const outcome = outcomeWeights(rnd);
  const carryRate = a.level === '乡镇街道' ? 0.02 : rnd.uniform(0.02, 0.06);
  const docs = IN_FORCE_FAMILIES.map((_, i) => docRates(a, isRegulation(i)));
  const decisions = DECISION_CODES.map((_, i) => decisionBase(a, i, rnd));
  return { applicant, outcome, carryRate, docs, decisions };
}

function outcomeWeights(rnd: Random): number[] {
  const groupJitter = new Map(Object.keys(GROUP_SHARE).map((g) => [g, rnd.jitter(0.25)]));
  keyed(OUTCOME_ROWS.map((r) => r.key), ROW_EMPHASIS, 1);
  return OUTCOME_ROWS.map((r) => {
    const siblings = OUTCOME_ROWS.filter((s) => s.group === r.group);
    const sum = siblings.reduce((t, s) => t + (ROW_EMPHASIS[s.key] ?? 1), 0);
    const share = GROUP_SHARE[r.group];
    if (share === undefined) throw new Error(`no share for ${r.group}`);
    return share * (groupJitter.get(r.group) ?? 1) * ((ROW_EMPHASIS[r.key] ?? 1) / sum) * rnd.jitter(0.3);
  });
}

/** The form lists 规章 first, then 行政规范性文件. */
const isRegulation = (family: number) => family === 0;

/** 规章 are issued by the city government only; normative documents by every agency. */
function docRates(a: Agency, isRegulation: boolean): { issued: number; repealed: number } {
  if (isRegulation) return a.level === '市级' ? { issued: 3, repealed: 1.5 } : { issued: 0, repealed: 0 };
  switch (a.level) {
    case '市级': return { issued: 15, repealed: 10 };
    case '市级部门': return { issued: 4, repealed: 3 };
    case '区县部门': return { issued: 2, repealed: 1.5 };
    default: return { issued: 0.8, repealed: 0.5 };
  }
}

/** Licensing (0), penalty (1) and coercion (2) decisions: thousands for enforcement agencies. */
function decisionBase(a: Agency, i: number, rnd: Random): number {
  if (a.level === '市级') return 0;
  const ranges: [number, number][] =
    a.category === '执法' ? [[200, 3000], [100, 2500], [10, 300]]
    : a.category === '基层' ? [[2, 30], [5, 60], [0, 8]]
    : [[10, 90], [0, 40], [0, 5]];
  const [lo, hi] = ranges[Math.min(i, ranges.length - 1)];
  return rnd.uniform(lo, hi) * (a.level === '区县部门' && a.category === '执法' ? 0.4 : 1);
}

export function initialState(a: Agency, p: Profile, rnd: Random): State {
  const factor = Math.min(1.4, Math.max(0.7, rnd.jitter(0.25)));
  const carriedOut = rnd.multinomial(rnd.poisson(a.scale * factor * p.carryRate), p.applicant);
  const inForce = IN_FORCE_FAMILIES.map((_, i) => initialInForce(a, isRegulation(i), rnd));
  return { factor, carriedOut, inForce };
}

function initialInForce(a: Agency, isRegulation: boolean, rnd: Random): number {
  if (isRegulation) return a.level === '市级' ? rnd.int(50, 90) : 0;
  switch (a.level) {
    case '市级': return rnd.int(150, 300);
    case '市级部门': return rnd.int(5, 60);
    case '区县部门': return rnd.int(2, 25);
    default: return rnd.int(0, 6);
  }
}

export function generateReport(a: Agency, p: Profile, st: State, year: number, rnd: Random, opts: GenOptions = {}): CellValues {
  const cells = emptyCells();
  fillS2(cells, a, p, st, year, rnd, opts);
  const newTotal = fillS3(cells, a, p, st, rnd, opts);
  fillS4(cells, newTotal, rnd);
  return cells;
}

function fillS2(cells: CellValues, a: Agency, p: Profile, st: State, year: number, rnd: Random, opts: GenOptions): void {
  IN_FORCE_FAMILIES.forEach((f, i) => {
    const issued = rnd.poisson(p.docs[i].issued);
    const repealed = opts.steady ? issued : Math.min(st.inForce[i] + issued, rnd.poisson(p.docs[i].repealed));
    cells[f.issued] = issued;
    cells[f.repealed] = repealed;
    cells[f.inForce] = st.inForce[i] + issued - repealed;
  });
  const trend = 1 + 0.04 * (year - 2021);
  DECISION_CODES.forEach((c, i) => {
    const v = Math.round(p.decisions[i] * trend * rnd.jitter(0.15));
    // every leaf report keeps a distinct licensing count, so no two reports are alike by accident
    cells[c] = i === 0 && a.level !== '市级' ? Math.max(1, v) : v;
  });
  cells[FEE_CODE] = a.fee ? round2(rnd.uniform(a.fee[0], a.fee[1])) : null;
}

/** Section 三, column by column; returns the total of new applications. */
function fillS3(cells: CellValues, a: Agency, p: Profile, st: State, rnd: Random, opts: GenOptions): number {
  const newTotal = rnd.poisson(a.scale * st.factor * rnd.jitter(0.1));
  const newBy = rnd.multinomial(newTotal, p.applicant);
  S3_PART_COLUMNS.forEach((col, i) => {
    const carriedIn = st.carriedOut[i] + (i === 0 ? opts.carryInDelta ?? 0 : 0);
    const pool = newBy[i] + carriedIn;
    let carriedOut = opts.steady ? carriedIn : rnd.binomial(pool, p.carryRate);
    if (i === 0 && opts.minCarryOut) carriedOut = Math.min(pool, Math.max(carriedOut, opts.minCarryOut));
    const outcomes = rnd.multinomial(pool - carriedOut, p.outcome);
    cells[NEW_ROW.codes[col]] = newBy[i];
    cells[CARRIED_IN_ROW.codes[col]] = carriedIn;
    OUTCOME_ROWS.forEach((r, k) => (cells[r.codes[col]] = outcomes[k]));
    cells[HANDLED_ROW.codes[col]] = pool - carriedOut;
    cells[CARRIED_OUT_ROW.codes[col]] = carriedOut;
  });
  for (const r of S3_ROWS) {
    cells[r.codes[S3_TOTAL_COLUMN]] = S3_PART_COLUMNS.reduce((t, col) => t + (cells[r.codes[col]] ?? 0), 0);
  }
  return newTotal;
}

function fillS4(cells: CellValues, newTotal: number, rnd: Random): void {
  const rates = keyed(S4_GROUPS.map((g) => g.group), S4_RATE);
  S4_GROUPS.forEach((g, i) => {
    const n = rnd.poisson(newTotal * rates[i]);
    const [upheld, corrected, other, pending] = rnd.multinomial(n, S4_RESULT_SHARE);
    Object.assign(cells, { [g.upheld]: upheld, [g.corrected]: corrected, [g.other]: other, [g.pending]: pending, [g.total]: n });
  });
}

/** Next year starts from what this year's file says (so a planted fault carries forward as filed). */
export function advanceState(st: State, cells: CellValues, rnd: Random): State {
  return {
    // drift a little upward, as requests did nationally, but keep each agency within its size class
    factor: Math.min(1.6, Math.max(0.6, st.factor * rnd.jitter(0.18, 0.07))),
    carriedOut: S3_PART_COLUMNS.map((col) => cells[CARRIED_OUT_ROW.codes[col]] ?? 0),
    inForce: IN_FORCE_FAMILIES.map((f) => cells[f.inForce] ?? 0),
  };
}
