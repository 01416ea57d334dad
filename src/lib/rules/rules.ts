// The compliance rules of the report format (shared README "Rules a supervisor checks"), as data:
// one object per rule id. The same objects drive the checks (here, in the app and in
// `npm run audit`), the UI's titles and explanations, and the export.
import type { DbAdapter } from '../db/adapter';
import { CALENDAR_RULES } from './calendarRules';
import { CROSS_RULES } from './crossRules';
import { NARRATIVE_RULES } from './narrativeRules';
import { REPORT_RULES } from './reportRules';
import { RULE_IDS, type Flag, type RuleDef, type RuleId, type RuleRow } from './types';
import { YEAR_RULES } from './yearRules';

export const RULES: readonly RuleDef[] = [...REPORT_RULES, ...YEAR_RULES, ...CALENDAR_RULES, ...CROSS_RULES, ...NARRATIVE_RULES];
export const RULE_BY_ID: ReadonlyMap<RuleId, RuleDef> = new Map(RULES.map((r) => [r.id, r]));

if (RULES.length !== RULE_IDS.length || RULE_IDS.some((id) => !RULE_BY_ID.has(id))) {
  throw new Error('rules: every rule id of the format needs exactly one rule object');
}

export function toFlag(rule: RuleDef, row: RuleRow): Flag {
  const [message_zh, message_en] = rule.message(row);
  return {
    rule: rule.id,
    severity: rule.severityOf?.(row) ?? rule.severity,
    agency_id: row.agency_id,
    agency: row.agency ?? row.agency_id,
    level: row.level ?? null,
    year: Number(row.year),
    cells: row.cells ?? [],
    expected: row.expected ?? null,
    actual: row.actual ?? null,
    message_zh,
    message_en,
    column: row.col ?? null,
  };
}

export async function runRule(db: DbAdapter, rule: RuleDef): Promise<Flag[]> {
  const rows = await db.query<RuleRow>(rule.sql());
  return rows.map((r) => toFlag(rule, r));
}

/** Every rule over the loaded data, in rule order (then agency, year, location). */
export async function runAllRules(db: DbAdapter): Promise<Flag[]> {
  const out: Flag[] = [];
  for (const rule of RULES) out.push(...(await runRule(db, rule)));
  return out;
}

export { RULE_IDS, flagKey } from './types';
export type { Flag, RuleDef, RuleId, Severity } from './types';
