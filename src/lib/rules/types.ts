// The shapes shared by every compliance rule: a rule is data (id, severity, titles, explanation)
// plus a pure SQL builder over `reports`/`agencies` and a mapping of its result rows to flags.
import type { Row } from '../db/adapter';

export const RULE_IDS = [
  'balance', 'outcome_sum', 'column_sum', 's4_sum', 'negative', 'carryover', 'in_force',
  'missing', 'late', 'aggregate_mismatch', 'copied', 'narrative_mismatch', 'sections_missing', 'narrative_copied',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning';

export interface Flag {
  rule: RuleId;
  severity: Severity;
  agency_id: string;
  /** the registry's (current) name */
  agency: string;
  level: string | null;
  year: number;
  /** cell codes of this agency-year's report the finding is about (may be empty) */
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
  message_zh: string;
  message_en: string;
  /** Where in the report: the section-三 column key for per-column rules (balance, outcome_sum,
   *  carryover); the row key (column_sum), the section-四 group (s4_sum), the cell code (negative,
   *  in_force, aggregate_mismatch), the other agency or "prev" (copied); null for whole-report rules. */
  column: string | null;
}

/** Stable across reloads and re-imports: what review state is keyed by. */
export function flagKey(f: Pick<Flag, 'rule' | 'agency_id' | 'year' | 'column'>): string {
  return `${f.rule}|${f.agency_id}|${f.year}|${f.column ?? ''}`;
}

/** Every rule's SQL returns these columns (plus its own extras); `withAgency` adds agency, level. */
export interface RuleRow extends Row {
  agency_id: string;
  year: number;
  col: string | null;
  cells: string[] | null;
  expected: number | string | null;
  actual: number | string | null;
  agency: string | null;
  level: string | null;
}

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  title_zh: string;
  title_en: string;
  explain_zh: string;
  explain_en: string;
  /** SQL text finding the violations over the loaded data; pure */
  sql(): string;
  /** message (zh, en) for one violation row */
  message(row: RuleRow): [string, string];
  /** a row-specific severity (carryover across a rename is only a warning) */
  severityOf?(row: RuleRow): Severity;
}
