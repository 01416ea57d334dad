// State of the import screen. CSV files load one by one (each against the registry as the
// previous files left it). Report documents (PDF, Word, web pages, text) are read and parsed
// into drafts for review, then committed together in one transaction.
import { commitDocuments, importFile, registryLookup, type DocumentsResult, type ImportResult } from '../../lib/state/store';
import { draftFromText, draftProblems, type DocumentDraft } from '../../lib/ingest/document';
import { sniffKind } from '../../lib/ingest/docs/kind';
import type { CellCode } from '../../lib/format/cells';
import sampleUrl from '../../../data/samples/zhongwei-data-bureau-2024.txt?url';

export const SAMPLE_NAME = 'zhongwei-data-bureau-2024.txt';

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
  registry = $state<Map<string, string>>(new Map());

  async run(list: File[]) {
    await this.runBytes(await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
  }

  async runBytes(list: { name: string; bytes: Uint8Array }[]) {
    this.busy = true;
    this.done = 0;
    this.total = list.length;
    this.committed = null;
    this.files = list.map((f) => ({ name: f.name, status: 'pending', result: null }));
    const { readDocument } = await import('../../lib/ingest/docs/readBrowser');
    for (let i = 0; i < list.length; i++) {
      const { name, bytes } = list[i];
      const kind = sniffKind(name, bytes);
      if (kind === 'csv') {
        const result = await importFile(name, bytes, this.replace);
        this.files[i] = { name, status: result.applied ? 'ok' : 'failed', result };
      } else if (kind === 'unknown' || kind === 'xlsx') {
        this.files[i] = { name, status: 'failed', result: null, error: { zh: '不支持的文件类型（支持 CSV、PDF、DOCX、HTML、TXT）', en: 'unsupported file type (CSV, PDF, DOCX, HTML and TXT are read)' } };
      } else {
        try {
          const draft = draftFromText(name, await readDocument(name, bytes));
          this.drafts.push(draft);
          this.files[i] = { name, status: 'review', result: null };
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          this.files[i] = { name, status: 'failed', result: null, error: { zh: `无法读取：${why}`, en: `cannot read: ${why}` } };
        }
      }
      this.done = i + 1;
    }
    this.registry = await registryLookup();
    this.busy = false;
  }

  async trySample() {
    const bytes = new Uint8Array(await (await fetch(sampleUrl)).arrayBuffer());
    await this.runBytes([{ name: SAMPLE_NAME, bytes }]);
    this.selected = this.drafts.length - 1;
  }

  get current(): DocumentDraft | null {
    return this.drafts[this.selected] ?? null;
  }

  /** The registry id a draft's agency matches (name, id or alias), or null for a new agency. */
  matchOf(d: DocumentDraft): string | null {
    return this.registry.get(d.agency.trim()) ?? null;
  }

  problemsOf(d: DocumentDraft) {
    return draftProblems(d);
  }

  setCell(d: DocumentDraft, code: CellCode, raw: string) {
    const t = raw.trim();
    d.cells[code] = t === '' ? null : Number(t);
  }

  remove(i: number) {
    this.drafts.splice(i, 1);
    this.selected = Math.min(this.selected, Math.max(0, this.drafts.length - 1));
  }

  async commit() {
    this.busy = true;
    const result = await commitDocuments($state.snapshot(this.drafts) as DocumentDraft[], this.replace);
    this.committed = result;
    if (result.applied) {
      const names = new Set(this.drafts.map((d) => d.file));
      this.files = this.files.map((f) => (names.has(f.name) && f.status === 'review' ? { ...f, status: 'ok' } : f));
      this.drafts = [];
    }
    this.busy = false;
  }
}
