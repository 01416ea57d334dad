// Small compliance scenarios: a registry and some reports loaded the app's way into one DuckDB
// that is emptied between scenarios (opening a fresh one per case would cost a second each).
import type { DbAdapter } from '../../../src/lib/db/adapter';
import { RULE_BY_ID, runRule, type Flag, type RuleId } from '../../../src/lib/rules/rules';
import { CELL_CODES, type CellCode } from '../../../src/lib/format/cells';
import { loadCsv } from './db';
import { clearSql, reportParts } from '../../../src/lib/db/reportParts';
import { wideCsv } from './records';

export const HEADER = 'agency_id,name,level,parent_id,category,is_aggregate,aliases';

export type ReportRow = Parameters<typeof wideCsv>[0][number];

export async function scenario(db: DbAdapter, registry: string[], reports: ReportRow[]): Promise<void> {
  for (const sql of clearSql(await reportParts(db))) await db.query(sql);
  await loadCsv(db, 'agencies.csv', `${HEADER}\n${registry.join('\n')}\n`);
  if (reports.length) await loadCsv(db, 'reports.csv', wideCsv(reports));
}

export async function flagsOf(db: DbAdapter, rule: RuleId): Promise<Flag[]> {
  return runRule(db, RULE_BY_ID.get(rule)!);
}

/** "agency_id year column" per flag, sorted: compact to compare. */
export const where = (fs: Flag[]) => fs.map((f) => `${f.agency_id} ${f.year} ${f.column ?? ''}`.trim()).sort();

/** Cells with every code present (all 0), then the given overrides. */
export function zeros(over: Partial<Record<CellCode, number | null>> = {}): Record<CellCode, number | null> {
  const c = Object.fromEntries(CELL_CODES.map((k) => [k, 0])) as Record<CellCode, number | null>;
  return Object.assign(c, over);
}
