// The registry page's forms: edit the agency picked, create one, merge the picked one into
// another (with the years both reported, and which side to keep), undo, import and export.
// Every change goes through the plan checks (lib/registry/plan.ts), then registryOps.
import type { AgencyFields } from '../../lib/db/agencyEdit';
import { planCreate, planMerge, planUpdate, mergeConflicts, type Planned } from '../../lib/registry/plan';
import { commitAgencyEdit, registrySnapshot, reportYears, undoLastAgencyEdit } from '../../lib/state/registryOps';
import { importFile } from '../../lib/state/store';
import { problemText, type Lang } from '../../lib/i18n/messages';
import type { RegistryRow } from './agenciesModel.svelte';

export interface FieldDraft {
  agency_id: string;
  name: string;
  aliases: string;
  level: string;
  parent_id: string;
  category: string;
  is_aggregate: boolean;
  /** the registry has active_from/active_to columns: they are edited too */
  hasActive: boolean;
  active_from: string;
  active_to: string;
}

const blank = (hasActive: boolean): FieldDraft => ({ agency_id: '', name: '', aliases: '', level: '', parent_id: '', category: '', is_aggregate: false, hasActive, active_from: '', active_to: '' });

export function draftOf(r: RegistryRow): FieldDraft {
  const hasActive = 'active_from' in r || 'active_to' in r;
  return { agency_id: r.agency_id, name: r.name, aliases: r.aliases.join('; '), level: r.level ?? '', parent_id: r.parent_id ?? '', category: r.category ?? '', is_aggregate: r.is_aggregate,
    hasActive, active_from: r.active_from != null ? String(r.active_from) : '', active_to: r.active_to != null ? String(r.active_to) : '' };
}

const yearOrNull = (s: string) => (/^\d{4}$/.test(s.trim()) ? Number(s.trim()) : null);

/** The draft's fields as the registry holds them (blank → null, aliases split on ; or ；). */
export function fieldsOf(d: FieldDraft): AgencyFields {
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  return {
    name: d.name.trim(), level: orNull(d.level), parent_id: orNull(d.parent_id), category: orNull(d.category),
    is_aggregate: d.is_aggregate, aliases: d.aliases.split(/[;；]/).map((s) => s.trim()).filter(Boolean),
    ...(d.hasActive ? { active_from: yearOrNull(d.active_from), active_to: yearOrNull(d.active_to) } : {}),
  };
}

/** Only what changed, so the log says what the user did. */
function changed(before: AgencyFields, after: AgencyFields): Partial<AgencyFields> {
  const out: Partial<AgencyFields> = {};
  for (const k of Object.keys(after) as (keyof AgencyFields)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) (out as Record<string, unknown>)[k] = after[k];
  }
  return out;
}

export class AgencyEditor {
  edit = $state<FieldDraft | null>(null);
  create = $state<FieldDraft | null>(null);
  mergeInto = $state('');
  /** years both the picked agency and the merge target reported (asked when the target is typed) */
  conflicts = $state<number[]>([]);
  keep = $state<'from' | 'into' | null>(null);
  busy = $state(false);
  /** the last action's outcome, in both languages (shown in the one chosen, also after a switch) */
  message = $state<{ ok: boolean; zh: string; en: string } | null>(null);

  private say(zh: string, en: string, ok: boolean) {
    this.message = { ok, zh, en };
  }

  open(r: RegistryRow | null) {
    this.edit = r ? draftOf(r) : null;
    this.mergeInto = '';
    this.conflicts = [];
    this.keep = null;
  }

  startCreate(parent: string | null, hasActive: boolean) {
    this.create = { ...blank(hasActive), parent_id: parent ?? '' };
  }

  private async run(f: () => Promise<Planned>, done: [string, string]): Promise<boolean> {
    this.busy = true;
    try {
      const plan = await f();
      if (!plan.ok) {
        this.say(plan.refusal.zh, plan.refusal.en, false);
        return false;
      }
      const err = await commitAgencyEdit(plan.edit);
      if (err) this.say(err, err, false);
      else this.say(done[0], done[1], true);
      return !err;
    } finally {
      this.busy = false;
    }
  }

  async save(r: RegistryRow) {
    if (!this.edit) return;
    const fields = changed(fieldsOf(draftOf(r)), fieldsOf(this.edit));
    if (!Object.keys(fields).length) return;
    await this.run(async () => planUpdate(await registrySnapshot(), r.agency_id, fields), [`已保存：${r.agency_id}`, `Saved: ${r.agency_id}`]);
  }

  async saveNew(): Promise<string | null> {
    const c = this.create;
    if (!c) return null;
    const id = c.agency_id.trim();
    const ok = await this.run(async () => planCreate(await registrySnapshot(), { ...fieldsOf(c), agency_id: id }), [`已创建：${id}`, `Created: ${id}`]);
    if (ok) this.create = null;
    return ok ? id : null;
  }

  /** The years both reported, for the target typed (shown before merging). */
  async checkMerge(from: string) {
    const into = this.mergeInto.trim();
    this.keep = null;
    if (!into || into === from) { this.conflicts = []; return; }
    const years = await reportYears([from, into]);
    // the answer for what is typed now (a later keystroke may have asked again)
    if (into === this.mergeInto.trim()) this.conflicts = mergeConflicts(years.get(from) ?? [], years.get(into) ?? []);
  }

  async merge(from: string): Promise<boolean> {
    const into = this.mergeInto.trim();
    return this.run(async () => {
      const years = await reportYears([from, into]);
      this.conflicts = mergeConflicts(years.get(from) ?? [], years.get(into) ?? []);
      return planMerge(await registrySnapshot(), from, into, (id) => years.get(id) ?? [], this.keep);
    }, [`已合并：${from} → ${into}`, `Merged: ${from} → ${into}`]);
  }

  async undo() {
    this.busy = true;
    try {
      const what = await undoLastAgencyEdit();
      if (what) this.say(`已撤销：${what}`, `Undone: ${what}`, true);
      else this.say('没有可撤销的名录修改。', 'There is no registry edit to undo.', false);
    } finally {
      this.busy = false;
    }
  }

  /** A registry CSV through the import pipeline (validated, logged as an import). */
  async importCsv(file: File) {
    this.busy = true;
    try {
      const res = await importFile(file.name, new Uint8Array(await file.arrayBuffer()), true);
      if (res.applied) this.say(`已导入名录：${file.name}`, `Registry imported: ${file.name}`, true);
      else {
        const why = (l: Lang) => res.failure ?? res.problems.slice(0, 5).map((p) => problemText(p, l)).join('\n');
        this.say(why('zh'), why('en'), false);
      }
    } finally {
      this.busy = false;
    }
  }
}
