// Each draft's agency as the review shows it: matched (by the registry or the user's choice),
// probable (candidates to accept or reject), or new (level, parent and aggregate flag to confirm,
// pre-filled from the name). Drafts are matched in order against the registry and each other, as
// a CSV file's rows are (resolve.ts), so the review and the commit agree. Pure.
import { AgencyMatcher, BatchMatcher, type MatchCandidate, type NewAgencyGuess } from './agencyMatch';
import type { MatchDecisions } from './resolve';

/** The user's answer for one draft: an agency_id accepted, or '' for a new agency. */
export interface DraftMatchFields {
  agency: string;
  match_decision?: string;
  /** a new agency's level, parent and aggregate flag as the user confirmed them */
  new_agency?: NewAgencyGuess;
}

export type DraftMatch =
  | { state: 'matched'; agency_id: string; name: string; how: 'id' | 'name' | 'alias' | 'normalised' | 'accepted' }
  | { state: 'probable'; candidates: MatchCandidate[] }
  | { state: 'new'; guess: NewAgencyGuess; rejected: MatchCandidate[] };

export function draftMatches(drafts: readonly DraftMatchFields[], registry: AgencyMatcher): DraftMatch[] {
  const batch = new BatchMatcher(registry);
  const names = new Set(drafts.map((d) => d.agency.trim()));
  return drafts.map((d) => {
    const name = d.agency.trim();
    if (!name) return { state: 'new', guess: registry.guess(''), rejected: [] };
    const out = batch.match(name, null, name);
    // an accepted draft of the batch that is gone (removed, renamed) is a decision no more
    const decided = d.match_decision && !registry.has(d.match_decision) && !names.has(d.match_decision) ? undefined : d.match_decision;
    if (decided) {
      const cand = out.state === 'probable' ? out.candidates.find((c) => c.agency_id === decided) : undefined;
      return { state: 'matched', agency_id: decided, name: cand?.name ?? registry.nameOf(decided), how: 'accepted' };
    }
    if (out.state === 'matched') return { state: 'matched', agency_id: out.agency_id, name: registry.nameOf(out.agency_id), how: out.how };
    if (out.state === 'probable' && decided === '') {
      return { state: 'new', guess: d.new_agency ?? registry.guess(normalisedGuessKey(name)), rejected: out.candidates };
    }
    if (out.state === 'probable') return out;
    return { state: 'new', guess: d.new_agency ?? out.guess, rejected: [] };
  });
}

const normalisedGuessKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** The decisions to commit with (reported name → agency_id or ''). */
export function decisionsOf(drafts: readonly DraftMatchFields[]): MatchDecisions {
  const out: MatchDecisions = {};
  for (const d of drafts) if (d.match_decision !== undefined) out[d.agency.trim()] = d.match_decision;
  return out;
}
