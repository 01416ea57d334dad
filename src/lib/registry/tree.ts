// The registry as a tree and as a searchable list (pure). Built once per load in O(n); the tree's
// visible rows are the roots plus the children of expanded nodes only, so a registry of 25,000
// agencies renders only what is open (and the rows are paged like any long table).
export interface TreeAgency {
  agency_id: string;
  name: string;
  parent_id: string | null;
  aliases: readonly string[];
}

export interface TreeIndex<T extends TreeAgency> {
  roots: T[];
  children: Map<string, T[]>;
}

/** Roots: no parent, or a parent not in the registry (shown at the top, not lost). */
export function treeIndex<T extends TreeAgency>(rows: readonly T[]): TreeIndex<T> {
  const ids = new Set(rows.map((r) => r.agency_id));
  const roots: T[] = [];
  const children = new Map<string, T[]>();
  for (const r of rows) {
    if (!r.parent_id || !ids.has(r.parent_id) || r.parent_id === r.agency_id) roots.push(r);
    else {
      const list = children.get(r.parent_id);
      if (list) list.push(r);
      else children.set(r.parent_id, [r]);
    }
  }
  return { roots, children };
}

export interface TreeRow<T> { item: T; depth: number; members: number }

/** The rows shown: depth-first, children listed only under expanded nodes. A cycle in the data
 *  (never made by the editor, but a registry file may hold one) is walked once. */
export function visibleRows<T extends TreeAgency>(index: TreeIndex<T>, expanded: ReadonlySet<string>): TreeRow<T>[] {
  const out: TreeRow<T>[] = [];
  const seen = new Set<string>();
  const walk = (list: readonly T[], depth: number) => {
    for (const item of list) {
      if (seen.has(item.agency_id)) continue;
      seen.add(item.agency_id);
      const kids = index.children.get(item.agency_id) ?? [];
      out.push({ item, depth, members: kids.length });
      if (kids.length && expanded.has(item.agency_id)) walk(kids, depth + 1);
    }
  };
  walk(index.roots, 0);
  return out;
}

/** The ancestors of an agency, nearest first (to open the tree down to it). */
export function ancestors(byId: ReadonlyMap<string, TreeAgency>, id: string): string[] {
  const out: string[] = [];
  for (let p = byId.get(id)?.parent_id ?? null; p && byId.has(p) && !out.includes(p); p = byId.get(p)?.parent_id ?? null) out.push(p);
  return out;
}

/** Agencies whose name, id or an alias contains the query (case-insensitive, spaces ignored). */
export function searchAgencies<T extends TreeAgency>(rows: readonly T[], query: string): readonly T[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return rows;
  const hit = (s: string) => s.replace(/\s+/g, '').toLowerCase().includes(q);
  return rows.filter((r) => hit(r.name) || hit(r.agency_id) || r.aliases.some(hit));
}
