// The analysis views' shared filters, as URL query params (#/refusals?year=2023&level=区县).
// Pure: parse from and serialise to route params, so a link reproduces the view and Back/Forward
// restore it. Unknown or malformed values are dropped (a link never breaks a view).
export interface Filters {
  /** the year of single-year views (refusals, compare, agency) */
  year: number | null;
  /** the period of the trends view, inclusive */
  from: number | null;
  to: number | null;
  level: string | null;
  category: string | null;
  /** agency search: part of a name or alias, or an exact agency_id */
  q: string | null;
  /** leave out the agency with the most new applications in the period (share-of-total effects) */
  excludeLargest: boolean;
}

/** Param names, stable in links. */
export const FILTER_PARAMS = { year: 'year', from: 'from', to: 'to', level: 'level', category: 'category', q: 'q', excludeLargest: 'xl' } as const;

export const EMPTY_FILTERS: Filters = { year: null, from: null, to: null, level: null, category: null, q: null, excludeLargest: false };

function yearOf(s: string | undefined): number | null {
  if (!s || !/^\d{4}$/.test(s.trim())) return null;
  return Number(s.trim());
}

function textOf(s: string | undefined, max = 100): string | null {
  // Control characters never belong in a search; they are also the SQL builder's list separator.
  const t = (s ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, max);
  return t === '' ? null : t;
}

export function parseFilters(params: Record<string, string>): Filters {
  const P = FILTER_PARAMS;
  return {
    year: yearOf(params[P.year]),
    from: yearOf(params[P.from]),
    to: yearOf(params[P.to]),
    level: textOf(params[P.level]),
    category: textOf(params[P.category]),
    q: textOf(params[P.q]),
    excludeLargest: params[P.excludeLargest] === '1',
  };
}

/** The filters as params, merged over `rest` (a view's own params such as sort or sel). */
export function filtersToParams(f: Filters, rest: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const P = FILTER_PARAMS;
  if (f.year != null) out[P.year] = String(f.year);
  if (f.from != null) out[P.from] = String(f.from);
  if (f.to != null) out[P.to] = String(f.to);
  if (f.level) out[P.level] = f.level;
  if (f.category) out[P.category] = f.category;
  if (f.q) out[P.q] = f.q;
  if (f.excludeLargest) out[P.excludeLargest] = '1';
  // the view's own params after the filters, so links read the same whatever was set first
  const filterKeys: readonly string[] = Object.values(P);
  for (const [k, v] of Object.entries(rest)) if (!filterKeys.includes(k)) out[k] = v;
  return out;
}

/** Params with one filter changed (null/false removes it). */
export function withFilter<K extends keyof Filters>(params: Record<string, string>, key: K, value: Filters[K]): Record<string, string> {
  return filtersToParams({ ...parseFilters(params), [key]: value }, params);
}

/** The year a single-year view shows: the requested one if loaded, else the latest. */
export function resolveYear(f: Filters, years: readonly number[]): number | null {
  if (f.year != null && years.includes(f.year)) return f.year;
  return years.length ? Math.max(...years) : null;
}

/** The trends period: requested bounds clamped to the loaded years, in order. */
export function resolvePeriod(f: Filters, years: readonly number[]): { from: number; to: number } | null {
  if (!years.length) return null;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const clamp = (y: number | null, d: number) => (y == null ? d : Math.min(hi, Math.max(lo, y)));
  const a = clamp(f.from, lo);
  const b = clamp(f.to, hi);
  return a <= b ? { from: a, to: b } : { from: b, to: a };
}

/** True when any agency filter is set (the views then say that totals are of a subset). */
export function hasAgencyFilter(f: Filters): boolean {
  return !!(f.level || f.category || f.q || f.excludeLargest);
}

/** Order levels as the registry hierarchy reads (known levels first, then any others by name). */
export function orderLevels(levels: readonly string[], known: readonly string[]): string[] {
  const rank = (l: string) => (known.includes(l) ? known.indexOf(l) : known.length);
  return [...new Set(levels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
}
