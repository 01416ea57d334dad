// Filtering, counting and ranking flags for the compliance view. Pure; the filters are the
// view's URL parameters.
import { RULE_IDS, flagKey, type Flag, type RuleId } from '../../lib/rules/rules';

export interface FlagFilters {
  rule?: string;
  severity?: string;
  level?: string;
  year?: string;
  /** agency search: name or id, substring */
  q?: string;
  /** one agency, exactly (set from the scorecard) */
  agency?: string;
  /** open | confirmed */
  review?: string;
}
export const FILTER_PARAMS = ['rule', 'severity', 'level', 'year', 'q', 'agency', 'review'] as const;

export function filterFlags(flags: readonly Flag[], f: FlagFilters, confirmed: ReadonlySet<string>): Flag[] {
  const q = f.q?.trim().toLowerCase();
  return flags.filter((x) =>
    (!f.rule || x.rule === f.rule) &&
    (!f.severity || x.severity === f.severity) &&
    (!f.level || x.level === f.level) &&
    (!f.year || String(x.year) === f.year) &&
    (!f.agency || x.agency_id === f.agency) &&
    (!q || x.agency.toLowerCase().includes(q) || x.agency_id.toLowerCase().includes(q)) &&
    (!f.review || (f.review === 'confirmed') === confirmed.has(flagKey(x))));
}

export interface RuleCount { rule: RuleId; errors: number; warnings: number; total: number }

export function countByRule(flags: readonly Flag[]): RuleCount[] {
  return RULE_IDS.map((rule) => {
    const mine = flags.filter((f) => f.rule === rule);
    const errors = mine.filter((f) => f.severity === 'error').length;
    return { rule, errors, warnings: mine.length - errors, total: mine.length };
  });
}

export interface AgencyScore { agency_id: string; agency: string; level: string | null; errors: number; warnings: number; total: number; reports: number }
export type ScoreSort = 'agency' | 'errors' | 'warnings' | 'total';
export const SCORE_SORTS: readonly ScoreSort[] = ['agency', 'errors', 'warnings', 'total'];

/** Errors and warnings per agency (and how many of its agency-years are flagged). */
export function scorecard(flags: readonly Flag[], sort: ScoreSort = 'total', dir: 'asc' | 'desc' = 'desc'): AgencyScore[] {
  const by = new Map<string, AgencyScore & { years: Set<number> }>();
  for (const f of flags) {
    const s = by.get(f.agency_id) ?? { agency_id: f.agency_id, agency: f.agency, level: f.level, errors: 0, warnings: 0, total: 0, reports: 0, years: new Set<number>() };
    if (f.severity === 'error') s.errors++;
    else s.warnings++;
    s.total++;
    s.years.add(f.year);
    by.set(f.agency_id, s);
  }
  const rows = [...by.values()].map(({ years, ...s }) => ({ ...s, reports: years.size }));
  const sign = dir === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const d = sort === 'agency' ? a.agency.localeCompare(b.agency, 'zh-CN') : a[sort] - b[sort];
    return d !== 0 ? sign * d : a.agency_id.localeCompare(b.agency_id);
  });
}
