// A report's agency name → the registry, as a supervisor would match it. Three outcomes:
// matched (an agency_id, the exact name or an alias, or a normalised form that is unique and whose
// stripped place names the registry's hierarchy implies), probable (candidates, each with its
// reason; never taken silently), new (with a guess of level, parent and aggregate flag). A
// look-alike character (沭/沐) only ever makes a candidate probable. Names of the same batch are
// matched against each other too. Pure.
import {
  governedPlace, kindOfName, leadingPlace, lookAlikePairs, normaliseAgencyName, placeForms, skeleton,
} from './agencyNames';

export { normaliseAgencyName } from './agencyNames';

export interface MatchEntry {
  agency_id: string;
  name: string;
  aliases: string[];
  parent_id?: string | null;
  level?: string | null;
  is_aggregate?: boolean;
}

export interface MatchCandidate {
  agency_id: string;
  name: string;
  reason_zh: string;
  reason_en: string;
  /** another name of the same batch (an agency not in the registry yet), not a registry agency */
  batch?: boolean;
}

export interface NewAgencyGuess {
  kind: 'government' | 'department' | 'township' | 'other';
  level: string | null;
  parent_id: string | null;
  is_aggregate: boolean;
}

export type MatchOutcome =
  | { state: 'matched'; agency_id: string; how: 'id' | 'name' | 'alias' | 'normalised' }
  | { state: 'probable'; candidates: MatchCandidate[] }
  | { state: 'new'; guess: NewAgencyGuess };

/** A form of an agency's name and the ancestor places stripped off to make it. */
interface Key { id: string; stripped: string[] }

const MAX_CANDIDATES = 5;
const NO_GUESS: NewAgencyGuess = Object.freeze({ kind: 'other', level: null, parent_id: null, is_aggregate: false });

export class AgencyMatcher {
  private byId = new Map<string, MatchEntry>();
  private exact = new Map<string, string[]>();
  private exactHow = new Map<string, 'name' | 'alias'>();
  private norm = new Map<string, Key[]>();
  private skel = new Map<string, Key[]>();
  /** forms with leading places stripped that the hierarchy does not imply (probable only) */
  private weak = new Map<string, Key[]>();
  /** every place a registry government governs (full and short forms), longest first */
  private places = new Set<string>();
  private placeLengths: number[] = [];
  /** place → the government governing it */
  private govOf = new Map<string, string>();
  private ancestorPlaces = new Map<string, Set<string>>();
  private empty: boolean;

  constructor(registry: readonly MatchEntry[]) {
    this.empty = registry.length === 0;
    for (const e of registry) this.byId.set(e.agency_id, e);
    for (const e of registry) {
      const p = governedPlace(normaliseAgencyName(e.name));
      if (!p) continue;
      for (const f of [p, ...this.coreForms(e, p)].flatMap(placeForms)) if (!this.govOf.has(f)) this.govOf.set(f, e.agency_id);
    }
    this.places = new Set(this.govOf.keys());
    this.placeLengths = [...new Set([...this.places].map((p) => p.length))].sort((a, b) => b - a);
    for (const e of registry) this.addNames(e);
  }

  /** Adds an agency with no parent (a new name of the batch being matched). */
  addTopLevel(e: MatchEntry) {
    this.empty = false;
    this.byId.set(e.agency_id, e);
    this.addNames(e);
  }

  private addNames(e: MatchEntry) {
    for (const [raw, how] of [[e.name, 'name'], ...e.aliases.map((a) => [a, 'alias'])] as [string, 'name' | 'alias'][]) {
      const k = raw.trim();
      const ids = this.exact.get(k) ?? [];
      if (!ids.includes(e.agency_id)) ids.push(e.agency_id);
      this.exact.set(k, ids);
      if (!this.exactHow.has(`${k}\u0000${e.agency_id}`)) this.exactHow.set(`${k}\u0000${e.agency_id}`, how);
      const n = normaliseAgencyName(raw);
      const implied = this.stripVariants(n, this.ancestorsOf(e));
      for (const v of implied) this.addKey(e.agency_id, v.form, v.stripped);
      for (const v of this.stripVariants(n, null).slice(1)) {
        if (implied.some((x) => x.form === v.form)) continue;
        const list = this.weak.get(v.form) ?? [];
        if (!list.some((x) => x.id === e.agency_id)) list.push({ id: e.agency_id, stripped: v.stripped });
        this.weak.set(v.form, list);
      }
    }
  }

  /** The longest registry place the text starts with. */
  private knownPlaceAt(rest: string): string | undefined {
    for (const n of this.placeLengths) if (rest.length > n && this.places.has(rest.slice(0, n))) return rest.slice(0, n);
    return undefined;
  }

  private addKey(id: string, form: string, stripped: string[]) {
    for (const [map, k] of [[this.norm, form], [this.skel, skeleton(form)]] as const) {
      const list = map.get(k) ?? [];
      if (!list.some((x) => x.id === id)) list.push({ id, stripped });
      map.set(k, list);
    }
  }

  /** The places of an agency's ancestors (each government's place, full and short forms). */
  private ancestorsOf(e: MatchEntry): Set<string> {
    const hit = this.ancestorPlaces.get(e.agency_id);
    if (hit) return hit;
    const out = new Set<string>();
    this.ancestorPlaces.set(e.agency_id, out); // (a cycle in the registry stops here)
    const seen = new Set<string>([e.agency_id]);
    let p = e.parent_id ? this.byId.get(e.parent_id) : undefined;
    while (p && !seen.has(p.agency_id)) {
      seen.add(p.agency_id);
      const place = governedPlace(normaliseAgencyName(p.name)) ?? leadingPlace(normaliseAgencyName(p.name));
      if (place) for (const f of [place, ...this.coreForms(p, place)].flatMap(placeForms)) out.add(f);
      p = p.parent_id ? this.byId.get(p.parent_id) : undefined;
    }
    return out;
  }

  /** "淮安市洪泽区" under 淮安市 is also "洪泽区". */
  private coreForms(e: MatchEntry, place: string): string[] {
    const anc = this.ancestorsOf(e);
    return this.stripVariants(place, anc).slice(1).map((v) => v.form);
  }

  /** A name and the forms left after stripping leading places, one at a time. `allowed` limits
   *  the places stripped (a registry name: its ancestors'); null strips any place. A form must
   *  still start with a place (never down to a bare "教育局"). */
  private stripVariants(name: string, allowed: Set<string> | null): { form: string; stripped: string[] }[] {
    const out = [{ form: name, stripped: [] as string[] }];
    let rest = name;
    const stripped: string[] = [];
    for (let guard = 0; guard < 6; guard++) {
      const tries = allowed
        ? [...allowed].filter((p) => rest.startsWith(p)).sort((a, b) => b.length - a.length)
        : [this.knownPlaceAt(rest), leadingPlace(rest)];
      const known = tries.find((p) => p && p.length < rest.length && leadingPlace(rest.slice(p.length)));
      if (!known) break;
      const next = rest.slice(known.length);
      stripped.push(known);
      rest = next;
      out.push({ form: rest, stripped: [...stripped] });
    }
    return out;
  }

  /** (`withGuess` false: a new name's guess is left out — the CSV resolver never shows it) */
  match(raw: string, agencyId?: string | null, withGuess = true): MatchOutcome {
    if (agencyId && this.byId.has(agencyId)) return { state: 'matched', agency_id: agencyId, how: 'id' };
    const name = raw.trim();
    const exact = this.exact.get(name) ?? (this.byId.has(name) ? [name] : []);
    if (exact.length === 1) {
      return { state: 'matched', agency_id: exact[0], how: this.exactHow.get(`${name}\u0000${exact[0]}`) ?? 'name' };
    }
    if (exact.length > 1) {
      return { state: 'probable', candidates: exact.slice(0, MAX_CANDIDATES).map((id) => this.candidate(id, '名录中有多个机构使用这一名称或别名', 'several registry agencies have this name or alias')) };
    }
    const n = normaliseAgencyName(name);
    if (this.empty) return { state: 'new', guess: withGuess ? this.guess(n) : NO_GUESS };
    const variants = this.stripVariants(n, null);
    for (const v of variants) {
      const keys = this.norm.get(v.form);
      if (!keys?.length) continue;
      const strong = keys.filter((k) => v.stripped.every((t) => this.ancestorsOf(this.byId.get(k.id)!).has(t) || k.stripped.includes(t)));
      if (strong.length === 1) return { state: 'matched', agency_id: strong[0].id, how: 'normalised' };
      const list = strong.length ? strong : keys;
      return {
        state: 'probable',
        candidates: list.slice(0, MAX_CANDIDATES).map((k) => {
          const e = this.byId.get(k.id)!;
          if (strong.length) return this.candidate(k.id, `规范化后与「${e.name}」同名，但名录中有多个这样的机构`, `the same as "${e.name}" once normalised, but several registry agencies are`);
          const t = v.stripped.join('');
          return this.candidate(k.id, `去掉地名「${t}」后与「${e.name}」同名，但名录中该机构不在「${t}」之下`, `the same as "${e.name}" without the place name "${t}", but the registry does not place it under "${t}"`);
        }),
      };
    }
    for (const v of variants) {
      const keys = this.weak.get(v.form);
      if (!keys?.length) continue;
      return {
        state: 'probable',
        candidates: keys.slice(0, MAX_CANDIDATES).map((k) => {
          const e = this.byId.get(k.id)!;
          const t = k.stripped.join('');
          return this.candidate(k.id, `「${e.name}」去掉地名「${t}」后与之同名，但名录中该机构不在「${t}」之下`, `the same as "${e.name}" without its place name "${t}", but the registry does not place it under "${t}"`);
        }),
      };
    }
    for (const v of variants) {
      const keys = this.skel.get(skeleton(v.form));
      if (!keys?.length) continue;
      return {
        state: 'probable',
        candidates: keys.slice(0, MAX_CANDIDATES).map((k) => {
          const e = this.byId.get(k.id)!;
          const pairs = lookAlikePairs(v.form, this.formOf(e, k)).join('、');
          return this.candidate(k.id, `与「${e.name}」仅有形近字不同（${pairs}），可能是识别或录入错误`, `differs from "${e.name}" only by look-alike characters (${pairs}): possibly a reading or typing error`);
        }),
      };
    }
    return { state: 'new', guess: withGuess ? this.guess(n) : NO_GUESS };
  }

  /** The registry form (name or alias, stripped as the key was) a skeleton key came from. */
  private formOf(e: MatchEntry, k: Key): string {
    let f = normaliseAgencyName(e.name);
    for (const t of k.stripped) if (f.startsWith(t)) f = f.slice(t.length);
    return f;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  nameOf(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }

  private candidate(id: string, zh: string, en: string): MatchCandidate {
    return { agency_id: id, name: this.byId.get(id)?.name ?? id, reason_zh: zh, reason_en: en };
  }

  /** Level, parent and aggregate flag a new name suggests: the parent is the registry government
   *  whose place the name starts with (the longest such place that is not the name's own). */
  guess(normalised: string): NewAgencyGuess {
    const kind = kindOfName(normalised);
    let parent: string | null = null;
    // the deepest registry place the name starts with ("淮安市洪泽区财政局" → 淮安市, then 洪泽区)
    let rest = normalised;
    for (let guard = 0; guard < 6; guard++) {
      const p = this.knownPlaceAt(rest);
      // (a government's own place is not its parent: "淮安市人民政府" has none)
      if (!p || /^(?:人民政府|政府)$/.test(rest.slice(p.length))) break;
      parent = this.govOf.get(p)!;
      rest = rest.slice(p.length);
    }
    // a name that does not start with a place may still be a department of the only city
    const parentLevel = parent ? this.byId.get(parent)?.level ?? null : null;
    const underCity = !parent || parentLevel === '市级';
    const level = kind === 'government' ? (parent && !/省$/.test(parentLevel ?? '') ? '区县' : /市(?:人民政府|政府)$/.test(normalised) ? '市级' : '区县')
      : kind === 'department' ? (underCity ? '市级部门' : '区县部门')
      : kind === 'township' ? '乡镇街道' : null;
    return { kind, level, parent_id: parent, is_aggregate: kind === 'government' };
  }
}

/** Matches a batch of names (in order) against the registry and against each other: a name not in
 *  the registry is offered as the same agency as an earlier new name of the batch when their
 *  normalised forms agree (with or without a leading place name) or differ by look-alikes only.
 *  `newId` gives the id an earlier new name will get (its agency_id column, or the name). */
export class BatchMatcher {
  private batch = new AgencyMatcher([]);
  private batchIds = new Set<string>();
  private cache = new Map<string, MatchOutcome>();

  constructor(private registry: AgencyMatcher) {}

  match(raw: string, agencyId?: string | null, newId: string = agencyId || raw.trim(), withGuess = true): MatchOutcome {
    const key = `${agencyId ?? ''}\u0000${raw}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let out = this.registry.match(raw, agencyId, withGuess);
    if (out.state === 'new' && !this.batchIds.has(newId)) {
      const other = this.batchIds.size ? this.batch.match(raw, null, false) : null;
      if (other && other.state !== 'new') {
        const ids = other.state === 'matched' ? [other.agency_id] : other.candidates.map((c) => c.agency_id);
        out = {
          state: 'probable',
          candidates: ids.map((id) => {
            const name = other.state === 'matched' ? this.batch.nameOf(id) : other.candidates.find((c) => c.agency_id === id)!.name;
            return {
              agency_id: id, name, batch: true,
              reason_zh: `与同一批导入中的「${name}」可能是同一机构（名录中都没有）`,
              reason_en: `possibly the same agency as "${name}" in this batch (neither is in the registry)`,
            };
          }),
        };
      } else {
        this.batch.addTopLevel({ agency_id: newId, name: raw.trim(), aliases: [] });
        this.batchIds.add(newId);
      }
    }
    this.cache.set(key, out);
    return out;
  }
}
