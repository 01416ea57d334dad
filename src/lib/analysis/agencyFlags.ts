// The compliance rules' findings for one agency-year (the agency page marks them on the form):
// each rule's own SQL, narrowed to that agency and year, mapped to flags by the rules module.
import { lit, type DbAdapter } from '../db/adapter';
import type { Lang } from '../i18n/messages';
import { RULES, toFlag, type Flag, type RuleDef } from '../rules/rules';
import type { RuleRow } from '../rules/types';

export function ruleForAgencyYearSql(rule: RuleDef, agencyId: string, year: number): string {
  return `SELECT * FROM (${rule.sql()}) AS f WHERE f.agency_id = ${lit(agencyId)} AND f.year = ${lit(year)}`;
}

export async function agencyYearFlags(db: DbAdapter, agencyId: string, year: number): Promise<Flag[]> {
  const out: Flag[] = [];
  for (const rule of RULES) {
    const rows = await db.query<RuleRow>(ruleForAgencyYearSql(rule, agencyId, year));
    out.push(...rows.map((r) => toFlag(rule, r)));
  }
  return out;
}

export interface CellMark {
  title: string;
  severity: 'error' | 'warning';
}

/** Flags by the cells they are about: titles joined, an error outranks a warning. */
export function marksOf(flags: readonly Flag[], lang: Lang): Record<string, CellMark> {
  const marks: Record<string, CellMark> = {};
  for (const f of flags) {
    const msg = `[${f.rule}] ${lang === 'zh' ? f.message_zh : f.message_en}`;
    for (const code of f.cells) {
      const m = marks[code];
      marks[code] = m
        ? { title: `${m.title}\n${msg}`, severity: m.severity === 'error' || f.severity === 'error' ? 'error' : 'warning' }
        : { title: msg, severity: f.severity };
    }
  }
  return marks;
}
