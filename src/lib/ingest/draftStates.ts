// The review at a city's scale (pure): each draft's state (blocked, uncertain cells, failed rules,
// clean), the agency-years that appear twice in a batch (a report dropped as PDF and as Word), and
// a cell as people type it ("1,234", full-width digits, "—", "/", empty = blank).
import type { DraftMatch } from './draftMatch';
import { parseCellValue } from './values';

export type DraftState = 'blocked' | 'uncertain' | 'failed' | 'clean';
export const DRAFT_STATES: readonly DraftState[] = ['blocked', 'uncertain', 'failed', 'clean'];

export interface DraftFacts {
  file: string;
  agency: string;
  year: number | null;
  uncertain: readonly string[];
  failedRules: readonly string[];
}

/** The agency a draft will load under: its match, or its own name for a new agency. */
export function agencyKey(d: DraftFacts, m: DraftMatch | undefined): string {
  return m?.state === 'matched' ? `id:${m.agency_id}` : `name:${d.agency.trim()}`;
}

/** Groups of draft indexes that would load the same agency-year (two or more each). */
export function duplicateGroups(drafts: readonly DraftFacts[], matches: readonly (DraftMatch | undefined)[]): number[][] {
  const by = new Map<string, number[]>();
  drafts.forEach((d, i) => {
    if (d.year === null || !d.agency.trim()) return;
    const k = `${agencyKey(d, matches[i])}\u0000${d.year}`;
    by.set(k, [...(by.get(k) ?? []), i]);
  });
  return [...by.values()].filter((g) => g.length > 1);
}

export function draftState(d: DraftFacts, blocked: boolean): DraftState {
  if (blocked) return 'blocked';
  if (d.uncertain.length) return 'uncertain';
  if (d.failedRules.length) return 'failed';
  return 'clean';
}

/** Of drafts for one agency-year, the one with the fewest uncertain cells (then failed rules;
 *  then the first). */
export function bestOf(drafts: readonly DraftFacts[], group: readonly number[]): number {
  return [...group].sort((a, b) => drafts[a].uncertain.length - drafts[b].uncertain.length
    || drafts[a].failedRules.length - drafts[b].failedRules.length || a - b)[0];
}

export type TypedCell = { ok: true; value: number | null } | { ok: false; zh: string; en: string };

/** A value typed into a review cell: what the CSV readers accept (thousands separators, full-width
 *  digits, "—", "/", empty = blank); a negative or fractional count is the report's own fault and
 *  is kept, to be flagged. */
export function typedCell(raw: string, code: string): TypedCell {
  const r = parseCellValue(raw.trim(), code);
  return r.ok ? { ok: true, value: r.value } : { ok: false, zh: r.zh, en: r.en };
}
