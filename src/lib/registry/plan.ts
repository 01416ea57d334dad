// Checking a registry edit before it is made, and planning a merge. Pure: the registry as it is
// (ids, names, aliases, parents) and the years each agency has a report in; a refusal in both
// languages, or the edit to apply. Names and aliases stay unique across the registry, since an
// import finds its agency by them.
import type { AgencyEdit, AgencyFields } from '../db/agencyEdit';

export interface RegistryAgency {
  agency_id: string;
  name: string;
  aliases: string[];
  parent_id: string | null;
}

export interface Refusal { zh: string; en: string }
export type Planned = { ok: true; edit: AgencyEdit } | { ok: false; refusal: Refusal };

const refuse = (zh: string, en: string): Planned => ({ ok: false, refusal: { zh, en } });

/** Years in which both agencies have a report (ascending). */
export function mergeConflicts(fromYears: readonly number[], intoYears: readonly number[]): number[] {
  const into = new Set(intoYears);
  return [...new Set(fromYears)].filter((y) => into.has(y)).sort((a, b) => a - b);
}

/** Which agency already goes by `name` (its name or an alias), other than `self`. */
function nameOwner(reg: readonly RegistryAgency[], name: string, self: string | null): RegistryAgency | null {
  return reg.find((a) => a.agency_id !== self && (a.name === name || a.agency_id === name || a.aliases.includes(name))) ?? null;
}

function clean(xs: readonly string[]): string[] {
  return [...new Set(xs.map((s) => s.trim()).filter(Boolean))];
}

/** Refusal for names/aliases/parent of `id` (null: a new agency). */
function checkFields(reg: readonly RegistryAgency[], id: string, f: Partial<AgencyFields>): Planned | null {
  if (f.name !== undefined && !f.name.trim()) return refuse('机构名称不能为空', 'the name cannot be empty');
  if (f.active_from != null && f.active_to != null && f.active_to < f.active_from) {
    return refuse(`存续截止年份 ${f.active_to} 早于起始年份 ${f.active_from}`, `active_to ${f.active_to} is before active_from ${f.active_from}`);
  }
  for (const n of [...(f.name !== undefined ? [f.name.trim()] : []), ...(f.aliases ?? [])]) {
    const owner = nameOwner(reg, n, id);
    if (owner) return refuse(`「${n}」已是机构 ${owner.name}（${owner.agency_id}）的名称或别名`, `"${n}" is already the name or an alias of ${owner.name} (${owner.agency_id})`);
  }
  if (f.parent_id) {
    const byId = new Map(reg.map((a) => [a.agency_id, a]));
    if (!byId.has(f.parent_id)) return refuse(`上级机构 ${f.parent_id} 不在名录中`, `the parent ${f.parent_id} is not in the registry`);
    // walking up from the new parent must never come back to this agency
    const seen = new Set<string>();
    for (let p: string | null = f.parent_id; p; p = byId.get(p)?.parent_id ?? null) {
      if (p === id) return refuse('上级机构不能是它自己或它的下级', 'the parent cannot be the agency itself or one of its members');
      if (seen.has(p)) break;
      seen.add(p);
    }
  }
  return null;
}

export function planCreate(reg: readonly RegistryAgency[], row: AgencyFields & { agency_id: string }): Planned {
  const id = row.agency_id.trim();
  if (!id) return refuse('机构代码不能为空', 'the agency_id cannot be empty');
  if (reg.some((a) => a.agency_id === id)) return refuse(`机构代码 ${id} 已存在`, `the agency_id ${id} already exists`);
  const fields = { ...row, name: row.name.trim(), aliases: clean(row.aliases) };
  const bad = checkFields(reg, id, fields);
  if (bad) return bad;
  return { ok: true, edit: { kind: 'create', row: { ...fields, agency_id: id } } };
}

export function planUpdate(reg: readonly RegistryAgency[], id: string, fields: Partial<AgencyFields>): Planned {
  if (!reg.some((a) => a.agency_id === id)) return refuse(`机构 ${id} 不在名录中`, `${id} is not in the registry`);
  const f = { ...fields };
  if (f.name !== undefined) f.name = f.name.trim();
  if (f.aliases !== undefined) f.aliases = clean(f.aliases);
  const bad = checkFields(reg, id, f);
  if (bad) return bad;
  return { ok: true, edit: { kind: 'update', agency_id: id, fields: f } };
}

/** Merge `from` into `into`: refused where both reported a year, unless `keep` names the side
 *  whose reports stay. `years`: each agency's years with a report. */
export function planMerge(
  reg: readonly RegistryAgency[], from: string, into: string, years: (id: string) => readonly number[], keep: 'from' | 'into' | null = null,
): Planned {
  if (from === into) return refuse('不能把机构合并到它自己', 'an agency cannot be merged into itself');
  const a = reg.find((x) => x.agency_id === from);
  const b = reg.find((x) => x.agency_id === into);
  if (!a || !b) return refuse(`机构 ${!a ? from : into} 不在名录中`, `${!a ? from : into} is not in the registry`);
  const clash = mergeConflicts(years(from), years(into));
  if (clash.length && !keep) {
    return refuse(`两个机构都有 ${clash.join('、')} 年度的报告：请选择保留哪一份后再合并`,
      `both agencies have a report for ${clash.join(', ')}: choose which to keep, then merge`);
  }
  const aliases = clean([...b.aliases, a.name, ...a.aliases]).filter((n) => n !== b.name);
  return { ok: true, edit: { kind: 'merge', from, into, keep: clash.length ? keep : null, aliases } };
}
