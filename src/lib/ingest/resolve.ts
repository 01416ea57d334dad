// Matching report rows to the registry (agencyMatch.ts): by agency_id, name, alias or a normalised
// form the hierarchy implies. A probable match (a look-alike, a place name the registry does not
// imply, another name of the same file) is never taken silently: the file waits for the user's
// decision (`pending`), given back as `decisions` (reported name → agency_id, or '' for a new
// agency). An unmatched agency becomes a new registry entry (top-level, or under its `parent`
// when that exists), listed in the import summary. Pure.
import type { ReportRecord } from '../format/record';
import type { Problem } from '../i18n/messages';
import type { AgencyRow } from './csv';
import { AgencyMatcher, BatchMatcher, type MatchCandidate, type MatchEntry } from './agencyMatch';

/** A registry agency as matching needs it (the matcher's own entry). */
export type RegistryEntry = MatchEntry;

/** A reported name the user must decide on before the file loads. */
export interface PendingMatch {
  name: string;
  line: number;
  candidates: MatchCandidate[];
}

/** reported name → the agency_id the user accepted, or '' for "a new agency" */
export type MatchDecisions = Record<string, string>;

export interface ResolvedRecord extends ReportRecord {
  agency_id: string;
}

export interface Resolution {
  records: ResolvedRecord[];
  newAgencies: AgencyRow[];
  problems: Problem[];
  pending: Map<string, PendingMatch>;
  /** names the user accepted as an agency already in the registry: kept as its aliases, so the
   *  same name matches at once next time */
  learnedAliases: LearnedAlias[];
}

export interface LearnedAlias {
  agency_id: string;
  alias: string;
}

/** Resolves records one at a time, in file order: the same ids whether the whole file is resolved
 *  at the end (resolveRecords) or row by row while it is read (a big CSV's staged chunks). */
export class AgencyResolver {
  private ids: Set<string>;
  /** exact names, aliases and ids → agency_ids: most rows of a big file stop here */
  private exact = new Map<string, string[]>();
  private batch: BatchMatcher | null = null;
  private added = new Map<string, AgencyRow>();
  private seen = new Map<string, number>();
  private learned = new Map<string, string>();
  readonly problems: Problem[] = [];
  readonly pending = new Map<string, PendingMatch>();

  constructor(private file: string, private registry: RegistryEntry[], private decisions: MatchDecisions = {}) {
    this.ids = new Set(registry.map((a) => a.agency_id));
    const add = (k: string, id: string) => {
      const ids = this.exact.get(k.trim()) ?? [];
      if (!ids.includes(id)) ids.push(id);
      this.exact.set(k.trim(), ids);
    };
    for (const a of registry) {
      add(a.agency_id, a.agency_id);
      add(a.name, a.agency_id);
      for (const al of a.aliases) add(al, a.agency_id);
    }
  }

  /** The full matcher, built on the first name that is not exactly a registry name (building it
   *  normalises 25,000 names: ~0.2 s a big file of known names never pays). */
  private get matcher(): BatchMatcher {
    return (this.batch ??= new BatchMatcher(new AgencyMatcher(this.registry)));
  }

  /** The record's agency_id, or null when it cannot load (the reason is in `problems`). */
  resolve(r: ReportRecord): string | null {
    const { file } = this;
    let id: string | undefined;
    if (r.agency_id && this.ids.has(r.agency_id)) id = r.agency_id;
    else if (!r.agency_id) {
      const decided = this.decisions[r.agency];
      const hit = this.exact.get(r.agency);
      const out = decided !== undefined ? null
        : hit?.length === 1 ? { state: 'matched' as const, agency_id: hit[0] } : this.matcher.match(r.agency, null, r.agency, false);
      if (decided) {
        id = decided;
        if (this.ids.has(decided) && !this.exact.get(r.agency)?.includes(decided)) this.learned.set(r.agency, decided);
      }
      else if (out?.state === 'matched') id = out.agency_id;
      else if (out?.state === 'probable') {
        if (!this.pending.has(r.agency)) {
          this.pending.set(r.agency, { name: r.agency, line: r.line ?? 0, candidates: out.candidates });
          const names = out.candidates.map((c) => c.name);
          this.problems.push({
            file, line: r.line ?? 0, column: 'agency', severity: 'error',
            message_zh: `「${r.agency}」可能是「${names.join('」或「')}」：请在下方确认或作为新机构导入`,
            message_en: `"${r.agency}" may be ${names.map((n) => `"${n}"`).join(' or ')}: confirm below, or import it as a new agency`,
          });
        }
        return null;
      }
    }
    if (id && !this.ids.has(id) && !this.added.has(id)) {
      // accepted: another new name of this file (its new agency takes this name as an alias)
      const other = [...this.added.values()].find((a) => a.name === id);
      if (other) id = other.agency_id;
    }
    if (id && !this.ids.has(id) && !this.added.has(id)) id = undefined; // (a decision about another file)
    if (id && this.added.has(id) && r.agency !== this.added.get(id)!.name) {
      const a = this.added.get(id)!;
      if (!a.aliases.includes(r.agency)) a.aliases.push(r.agency);
    }
    if (!id) {
      id = r.agency_id || this.added.get(r.agency)?.agency_id || r.agency;
      if (!this.added.has(id)) {
        this.added.set(id, {
          agency_id: id, name: r.agency, level: r.level ?? null,
          parent_id: r.parent && this.ids.has(r.parent) ? r.parent : null,
          category: null, is_aggregate: false, aliases: [],
        });
      }
    }
    // The same agency-year twice under different names (an alias and the new name) is a duplicate.
    const key = `${id}\u0000${r.year}`;
    if (this.seen.has(key)) {
      this.problems.push({
        file, line: r.line ?? 0, column: 'agency', severity: 'error',
        message_zh: `${r.agency}（${id}）${r.year} 年的报告在第 ${this.seen.get(key)} 行已出现`,
        message_en: `${r.agency} (${id}) ${r.year} already appears on line ${this.seen.get(key)}`,
      });
      return null;
    }
    this.seen.set(key, r.line ?? 0);
    return id;
  }

  get newAgencies(): AgencyRow[] {
    return [...this.added.values()];
  }

  get learnedAliases(): LearnedAlias[] {
    return [...this.learned].map(([alias, agency_id]) => ({ agency_id, alias }));
  }
}

export function resolveRecords(file: string, records: ReportRecord[], registry: RegistryEntry[], decisions?: MatchDecisions): Resolution {
  const resolver = new AgencyResolver(file, registry, decisions);
  const out: Resolution = { records: [], newAgencies: [], problems: resolver.problems, pending: resolver.pending, learnedAliases: [] };
  for (const r of records) {
    const id = resolver.resolve(r);
    if (id !== null) out.records.push({ ...r, agency_id: id });
  }
  out.newAgencies = resolver.newAgencies;
  out.learnedAliases = resolver.learnedAliases;
  return out;
}

/** Registry rows whose parent is neither in the file nor in the registry. */
export function unknownParents(file: string, rows: AgencyRow[], registry: RegistryEntry[]): Problem[] {
  const known = new Set([...registry.map((a) => a.agency_id), ...rows.map((a) => a.agency_id)]);
  return rows
    .filter((a) => a.parent_id && !known.has(a.parent_id))
    .map((a) => ({
      file, line: a.line ?? 0, column: 'parent_id', severity: 'error' as const,
      message_zh: `上级机构「${a.parent_id}」不在名录中`, message_en: `parent "${a.parent_id}" is not in the registry`,
    }));
}
