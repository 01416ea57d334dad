// State of the import screen. CSV files load one by one (each against the registry as the
// previous files left it). Report documents (PDF, Word, web pages, text) are read and parsed
// into drafts for review, then committed together in one transaction.
import { commitDocuments, ensureOwnWorkspace, importCsvFile, registryEntries, type DocumentsResult, type ImportResult } from '../../lib/state/store';
import { AgencyMatcher, type NewAgencyGuess } from '../../lib/ingest/agencyMatch';
import { draftMatches, type DraftMatch } from '../../lib/ingest/draftMatch';
import { GOVERNMENT_LEVELS, LEVELS } from '../../lib/format/levels';
import { bestOf, draftState, duplicateGroups, typedCell, type DraftState } from '../../lib/ingest/draftStates';
import { draftInWorker } from '../../lib/ingest/draftClient';
import { draftProblems, type DocumentDraft } from '../../lib/ingest/document';
import { sniffKind, type DocKind } from '../../lib/ingest/docs/kind';
import { DocumentError, kindError } from '../../lib/ingest/docs/docErrors';
import { importTableFile, tableFileKind } from '../../lib/state/tableImport';
import type { CellCode } from '../../lib/format/cells';
import { joinedName, picturesToJoin, reorderPages } from './pictures';
import { readAheadOf, readOne } from './readAheadFiles';
import type { ReadAhead } from '../../lib/ingest/docs/readAhead';
import type { DocText } from '../../lib/ingest/docs/docText';
import { failedRuleIds } from '../../lib/ingest/ruleCells';
// served as it is from public/samples/ (relative to the page: the app may live under any path)
const sampleUrl = 'samples/zhongwei-data-bureau-2024.txt';

export const SAMPLE_NAME = 'zhongwei-data-bureau-2024.txt';
/** Report documents are read whole (pdf.js, mammoth): past this, a plain message instead. */
export const MAX_DOCUMENT_BYTES = 200e6;

export interface FileOutcome {
  name: string;
  status: 'pending' | 'ok' | 'failed' | 'review';
  result: ImportResult | null;
  /** for documents that could not be read at all */
  error?: { zh: string; en: string };
}

export class ImportModel {
  files = $state<FileOutcome[]>([]);
  drafts = $state<DocumentDraft[]>([]);
  selected = $state(0);
  busy = $state(false);
  done = $state(0);
  total = $state(0);
  replace = $state(true);
  committed = $state<DocumentsResult | null>(null);
  /** registry names and aliases (offered while an agency is typed) and the matcher over it */
  registryNames = $state<string[]>([]);
  /** agencies a new agency may be placed under: local governments and aggregates */
  parents = $state<{ agency_id: string; name: string }[]>([]);
  levels = $state<string[]>([...LEVELS]);
  matcher = $state.raw(new AgencyMatcher([]));
  /** each draft's match state, in draft order (the drafts are matched against each other too) */
  matches = $derived<DraftMatch[]>(draftMatches(this.drafts, this.matcher));
  /** drafts that would load the same agency-year (indexes), two or more per group */
  duplicates = $derived(duplicateGroups(this.drafts, this.matches));
  /** each draft's state, for the list's filter and sort */
  states = $derived<DraftState[]>(this.drafts.map((d, i) => draftState(d, this.problemsOf(d, i).length > 0)));
  /** the review list shows drafts of this state only (null: all) */
  filter = $state<DraftState | null>(null);
  /** a typed cell that is not a number, by draft file and cell code: shown at the field */
  cellErrors = $state<Record<string, { zh: string; en: string }>>({});

  /** progress within the current file (0–1), and what is being done */
  fileProgress = $state(0);
  phase = $state<'read' | 'parse' | 'load' | null>(null);
  /** a scan being read by OCR: each page's progress (0–1) */
  ocrPages = $state<number[]>([]);

  async run(list: File[]) {
    this.busy = true;
    this.done = 0;
    this.total = list.length;
    this.committed = null;
    this.files = list.map((f) => ({ name: f.name, status: 'pending', result: null }));
    // the user's files never join the demo: from the demo, they open the user's own workspace
    // first (so documents are matched against the user's registry, not the demo's)
    await ensureOwnWorkspace();
    const joined = await this.pictures(list);
    this.ahead = readAheadOf(list, joined, MAX_DOCUMENT_BYTES, (i) => i === this.current_i, this.fileProgressTo, this.onOcr);
    for (let i = 0; i < list.length; i++) {
      const file = list[i];
      if (joined.includes(i)) continue;
      this.current_i = i;
      this.fileProgress = 0;
      this.phase = 'read';
      try {
        // the kind from the first bytes only: a 100 MB CSV is never read whole on this thread
        const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
        const kind = sniffKind(file.name, head);
        if (kind === 'csv') await this.csv(i, file);
        else if (tableFileKind(file.name, head)) await this.table(i, file);
        else await this.document(i, file, kind);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        const error = e instanceof DocumentError ? { zh: e.zh, en: e.en } : { zh: `无法读取：${why}`, en: `cannot read: ${why}` };
        this.files[i] = { name: file.name, status: 'failed', result: null, error };
      }
      this.done++;
    }
    this.phase = null;
    this.ahead = null;
    await this.loadRegistry();
    this.busy = false;
  }

  /** the file being handled, and the documents read ahead of it (readAhead.ts) */
  private current_i = -1;
  private ahead: ReadAhead<DocText | null> | null = null;

  runBytes(list: { name: string; bytes: Uint8Array }[]) {
    return this.run(list.map((f) => new File([f.bytes.slice()], f.name)));
  }

  /** CSV files whose names wait for the user's decisions (PendingMatches), by file name */
  private csvFiles = new Map<string, File>();

  /** CSV: parsed and validated in the worker (progress as it reads), then committed here. */
  private async csv(i: number, file: File, decisions?: Record<string, string>) {
    const result = await importCsvFile(file, this.replace, (d, t) => {
      this.fileProgress = d / t;
      if (d === t) this.phase = 'load';
    }, decisions);
    performance.mark('dd:csv-committed');
    if (result.pending?.length) this.csvFiles.set(file.name, file);
    this.files[i] = { name: file.name, status: result.applied ? 'ok' : 'failed', result };
  }

  /** The same CSV file again, with the user's decisions on its probable agency names. */
  async retryCsv(i: number, decisions: Record<string, string>) {
    const file = this.csvFiles.get(this.files[i]?.name ?? '');
    if (!file || this.busy) return;
    this.busy = true;
    this.phase = 'read';
    try {
      await this.csv(i, file, decisions);
    } finally {
      this.phase = null;
      await this.loadRegistry();
      this.busy = false;
    }
  }

  /** Excel workbooks and Parquet (a table or the dataset zip): read by lazily loaded modules. */
  private async table(i: number, file: File) {
    this.phase = 'load';
    const result = await importTableFile(file, this.replace);
    this.files[i] = { name: file.name, status: result.applied ? 'ok' : 'failed', result };
  }

  private async document(i: number, file: File, kind: string) {
    const name = file.name;
    const refused = kindError(kind as DocKind, name);
    if (refused) {
      this.files[i] = { name, status: 'failed', result: null, error: { zh: refused.zh, en: refused.en } };
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      const mb = (n: number) => (n / 1e6).toFixed(0);
      this.files[i] = { name, status: 'failed', result: null, error: {
        zh: `文件太大（${mb(file.size)} MB）：年报原文一次最多可读取 ${mb(MAX_DOCUMENT_BYTES)} MB`,
        en: `the file is too big (${mb(file.size)} MB): a report document may be at most ${mb(MAX_DOCUMENT_BYTES)} MB` } };
      return;
    }
    const doc = (await this.ahead?.take(i)) ?? (await readOne(file, this.fileProgressTo, this.onOcr));
    this.ocrPages = [];
    this.phase = 'parse';
    this.drafts.push(await draftInWorker(name, doc));
    this.files[i] = { name, status: 'review', result: null };
  }

  private fileProgressTo = (d: number, t: number) => (this.fileProgress = d / t);

  private onOcr = (page: number, pages: number, fraction: number) => {
    if (this.ocrPages.length !== pages) this.ocrPages = Array(pages).fill(0);
    this.ocrPages[page - 1] = fraction;
    this.fileProgress = this.ocrPages.reduce((a, b) => a + b, 0) / pages;
  };

  /** Page images dropped together: one report, pages in file-name order (reorderable later). */
  private async pictures(list: File[]): Promise<number[]> {
    const kinds = await Promise.all(list.map(async (f) => ({ name: f.name, kind: sniffKind(f.name, new Uint8Array(await f.slice(0, 512).arrayBuffer())) })));
    const idx = picturesToJoin(kinds);
    if (!idx.length) return [];
    this.phase = 'read';
    this.fileProgress = 0;
    const names = idx.map((i) => list[i].name);
    try {
      const { readPicturesBrowser } = await import('../../lib/ingest/docs/ocr/readBrowser');
      const doc = await readPicturesBrowser(await Promise.all(idx.map(async (i) => new Uint8Array(await list[i].arrayBuffer()))), this.onOcr, names);
      this.phase = 'parse';
      const draft = await draftInWorker(joinedName(names), doc);
      this.drafts.push({ ...draft, ocr: { ...draft.ocr!, files: doc.pageFiles } });
      for (const i of idx) this.files[i] = { name: list[i].name, status: 'review', result: null };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      for (const i of idx) this.files[i] = { name: list[i].name, status: 'failed', result: null, error: { zh: `无法读取：${why}`, en: `cannot read: ${why}` } };
    }
    this.ocrPages = [];
    this.done += idx.length;
    return idx;
  }

  /** Moves page `from` of a joined scan to place `to`, and reads the pages again in that order. */
  movePage(d: DocumentDraft, from: number, to: number) {
    const n = d.ocr?.pages.length ?? 0;
    if (to < 0 || to >= n) return;
    const order = [...Array(n).keys()];
    order.splice(to, 0, order.splice(from, 1)[0]);
    const i = this.drafts.indexOf(d);
    if (i >= 0) this.drafts[i] = reorderPages($state.snapshot(d) as DocumentDraft, order);
  }

  async trySample() {
    const bytes = new Uint8Array(await (await fetch(sampleUrl)).arrayBuffer());
    await this.runBytes([{ name: SAMPLE_NAME, bytes }]);
    this.selected = this.drafts.length - 1;
  }

  private async loadRegistry() {
    const reg = await registryEntries();
    this.registryNames = reg.flatMap((a) => [a.name, ...a.aliases]);
    this.matcher = new AgencyMatcher(reg);
    this.parents = reg.filter((a) => a.is_aggregate || GOVERNMENT_LEVELS.includes(a.level ?? '') || /人民政府$/.test(a.name)).map((a) => ({ agency_id: a.agency_id, name: a.name }));
    this.levels = [...new Set([...LEVELS, ...reg.map((a) => a.level).filter((l): l is string => !!l)])];
  }

  /** Accept a candidate (an agency_id), or '' to make the draft a new agency; undefined: undecided. */
  decide(d: DocumentDraft, agencyId: string | undefined) {
    d.match_decision = agencyId;
    if (agencyId !== '') d.new_agency = undefined;
  }

  /** The level, parent or aggregate flag of a draft's new agency, as the user sets it. */
  setNewAgency(d: DocumentDraft, i: number, patch: Partial<NewAgencyGuess>) {
    const m = this.matches[i];
    if (m?.state !== 'new') return;
    d.new_agency = { ...m.guess, ...patch };
  }

  get current(): DocumentDraft | null {
    return this.drafts[this.selected] ?? null;
  }

  problemsOf(d: DocumentDraft, i = this.drafts.indexOf(d)) {
    const out = draftProblems(d);
    if (this.matches[i]?.state === 'probable') {
      out.push({ file: d.file, line: 0, column: 'agency', severity: 'error', message_zh: `「${d.agency}」可能是名录中已有的机构：请确认或作为新机构`, message_en: `"${d.agency}" may be an agency already in the registry: confirm it, or make it a new agency` });
    }
    const twins = this.duplicates.find((g) => g.includes(i))?.filter((j) => j !== i).map((j) => this.drafts[j].file) ?? [];
    if (twins.length) {
      out.push({ file: d.file, line: 0, column: 'agency', severity: 'error',
        message_zh: `与「${twins.join('」「')}」是同一机构同一年度（${d.agency} ${d.year}）：请只保留一份`,
        message_en: `the same agency and year (${d.agency} ${d.year}) as "${twins.join('", "')}": keep only one` });
    }
    for (const [k, e] of Object.entries(this.cellErrors)) {
      const [file, code] = k.split('\u0000');
      if (file === d.file) out.push({ file, line: 0, column: code, severity: 'error', message_zh: e.zh, message_en: e.en });
    }
    return out;
  }

  /** A typed cell: accepted as the CSV readers accept it, or its error kept at the field (the
   *  cell keeps its value until the input reads as a number). */
  setCell(d: DocumentDraft, code: CellCode, raw: string) {
    const key = `${d.file}\u0000${code}`;
    const r = typedCell(raw, code);
    if (r.ok) {
      d.cells[code] = r.value;
      // the draft's state follows the corrected figures (a fixed sum is no longer a failed check)
      d.failedRules = failedRuleIds(d.cells);
      delete this.cellErrors[key];
    } else this.cellErrors[key] = { zh: r.zh, en: r.en };
  }

  cellError(d: DocumentDraft, code: string) {
    return this.cellErrors[`${d.file}\u0000${code}`] ?? null;
  }

  /** Of drafts for one agency-year, keep draft `keep` (index) and remove the others. */
  keepOnly(group: readonly number[], keep: number) {
    const keepFile = this.drafts[keep];
    this.drafts = this.drafts.filter((_, i) => i === keep || !group.includes(i));
    this.selected = Math.max(0, this.drafts.indexOf(keepFile));
  }

  keepBest(group: readonly number[]) {
    this.keepOnly(group, bestOf(this.drafts, group));
  }

  remove(i: number) {
    this.drafts.splice(i, 1);
    this.selected = Math.min(this.selected, Math.max(0, this.drafts.length - 1));
  }

  /** Commit every draft, or only the clean ones (the rest wait in the review). */
  async commit(onlyClean = false) {
    this.busy = true;
    let chosen = this.drafts.filter((_, i) => !onlyClean || this.states[i] === 'clean');
    // a draft accepted as the same agency as another draft of the batch waits for that draft
    const names = new Set(chosen.map((d) => d.agency.trim()));
    chosen = chosen.filter((d) => !d.match_decision || this.matcher.has(d.match_decision) || names.has(d.match_decision));
    const result = await commitDocuments($state.snapshot(chosen) as DocumentDraft[], this.replace);
    this.committed = result;
    if (result.applied) {
      const names = new Set(chosen.flatMap((d) => d.ocr?.files ?? [d.file]));
      this.files = this.files.map((f) => (names.has(f.name) && f.status === 'review' ? { ...f, status: 'ok' } : f));
      this.drafts = this.drafts.filter((d) => !chosen.includes(d));
      this.selected = 0;
      if (this.drafts.length) await this.loadRegistry();
    }
    this.busy = false;
  }
}
