// Matching report rows to the registry: by agency_id, then name, then alias (old names after a
// reorganisation). An unmatched agency becomes a new top-level registry entry (or under its
// `parent` when that exists), listed in the import summary. Pure.
import type { ReportRecord } from '../format/record';
import type { Problem } from '../i18n/messages';
import type { AgencyRow } from './csv';

export interface RegistryEntry {
  agency_id: string;
  name: string;
  aliases: string[];
}

export interface ResolvedRecord extends ReportRecord {
  agency_id: string;
}

export interface Resolution {
  records: ResolvedRecord[];
  newAgencies: AgencyRow[];
  problems: Problem[];
}

export function buildLookup(registry: RegistryEntry[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const k = key.trim();
    const ids = map.get(k) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(k, ids);
  };
  for (const a of registry) {
    add(a.agency_id, a.agency_id);
    add(a.name, a.agency_id);
    for (const al of a.aliases) add(al, a.agency_id);
  }
  return map;
}

/** Resolves records one at a time, in file order: the same ids whether the whole file is resolved
 *  at the end (resolveRecords) or row by row while it is read (a big CSV's staged chunks). */
export class AgencyResolver {
  private ids: Set<string>;
  private lookup: Map<string, string[]>;
  private added = new Map<string, AgencyRow>();
  private seen = new Map<string, number>();
  readonly problems: Problem[] = [];

  constructor(private file: string, registry: RegistryEntry[]) {
    this.ids = new Set(registry.map((a) => a.agency_id));
    this.lookup = buildLookup(registry);
  }

  /** The record's agency_id, or null when it cannot load (the reason is in `problems`). */
  resolve(r: ReportRecord): string | null {
    const { file } = this;
    let id: string | undefined;
    if (r.agency_id && this.ids.has(r.agency_id)) id = r.agency_id;
    else if (!r.agency_id) {
      const hits = this.lookup.get(r.agency) ?? [];
      if (hits.length > 1) {
        this.problems.push({
          file, line: r.line ?? 0, column: 'agency', severity: 'error',
          message_zh: `「${r.agency}」对应名录中的多个机构（${hits.join('、')}）：请填写 agency_id`,
          message_en: `"${r.agency}" matches several registry agencies (${hits.join(', ')}): give an agency_id`,
        });
        return null;
      }
      id = hits[0];
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
}

export function resolveRecords(file: string, records: ReportRecord[], registry: RegistryEntry[]): Resolution {
  const resolver = new AgencyResolver(file, registry);
  const out: Resolution = { records: [], newAgencies: [], problems: resolver.problems };
  for (const r of records) {
    const id = resolver.resolve(r);
    if (id !== null) out.records.push({ ...r, agency_id: id });
  }
  out.newAgencies = resolver.newAgencies;
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
