// State of the import screen. CSV files load one by one (each against the registry as the
// previous files left it). Report documents (PDF, Word, web pages, text) are read and parsed
// into drafts for review, then committed together in one transaction.
import { commitDocuments, importCsvFile, registryLookup, type DocumentsResult, type ImportResult } from '../../lib/state/store';
import { draftInWorker } from '../../lib/ingest/draftClient';
import { draftProblems, type DocumentDraft } from '../../lib/ingest/document';
import { sniffKind } from '../../lib/ingest/docs/kind';
import { importTableFile, tableFileKind } from '../../lib/state/tableImport';
import type { CellCode } from '../../lib/format/cells';
import { joinedName, picturesToJoin, reorderPages } from './pictures';
import sampleUrl from '../../../data/samples/zhongwei-data-bureau-2024.txt?url';

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
  registry = $state<Map<string, string>>(new Map());

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
    const joined = await this.pictures(list);
    for (let i = 0; i < list.length; i++) {
      const file = list[i];
      if (joined.includes(i)) continue;
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
        this.files[i] = { name: file.name, status: 'failed', result: null, error: { zh: `无法读取：${why}`, en: `cannot read: ${why}` } };
      }
      this.done++;
    }
    this.phase = null;
    this.registry = await registryLookup();
    this.busy = false;
  }

  runBytes(list: { name: string; bytes: Uint8Array }[]) {
    return this.run(list.map((f) => new File([f.bytes.slice()], f.name)));
  }

  /** CSV: parsed and validated in the worker (progress as it reads), then committed here. */
  private async csv(i: number, file: File) {
    const result = await importCsvFile(file, this.replace, (d, t) => {
      this.fileProgress = d / t;
      if (d === t) this.phase = 'load';
    });
    performance.mark('dd:csv-committed');
    this.files[i] = { name: file.name, status: result.applied ? 'ok' : 'failed', result };
  }

  /** Excel workbooks and Parquet (a table or the dataset zip): read by lazily loaded modules. */
  private async table(i: number, file: File) {
    this.phase = 'load';
    const result = await importTableFile(file, this.replace);
    this.files[i] = { name: file.name, status: result.applied ? 'ok' : 'failed', result };
  }

  private async document(i: number, file: File, kind: string) {
    const name = file.name;
    if (kind === 'unknown' || kind === 'xlsx') {
      this.files[i] = { name, status: 'failed', result: null, error: { zh: '不支持的文件类型（支持 CSV、XLSX、Parquet、PDF、DOCX、HTML、TXT 及 PNG、JPG、WebP 图片）', en: 'unsupported file type (CSV, XLSX, Parquet, PDF, DOCX, HTML, TXT and PNG, JPG, WebP pictures are read)' } };
      return;
    }
    if (file.size > MAX_DOCUMENT_BYTES) {
      const mb = (n: number) => (n / 1e6).toFixed(0);
      this.files[i] = { name, status: 'failed', result: null, error: {
        zh: `文件太大（${mb(file.size)} MB）：年报原文一次最多可读取 ${mb(MAX_DOCUMENT_BYTES)} MB`,
        en: `the file is too big (${mb(file.size)} MB): a report document may be at most ${mb(MAX_DOCUMENT_BYTES)} MB` } };
      return;
    }
    const { readDocument } = await import('../../lib/ingest/docs/readBrowser');
    const doc = await readDocument(name, new Uint8Array(await file.arrayBuffer()), (d, t) => (this.fileProgress = d / t), this.onOcr);
    this.ocrPages = [];
    this.phase = 'parse';
    this.drafts.push(await draftInWorker(name, doc));
    this.files[i] = { name, status: 'review', result: null };
  }

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
      const doc = await readPicturesBrowser(await Promise.all(idx.map(async (i) => new Uint8Array(await list[i].arrayBuffer()))), this.onOcr);
      this.phase = 'parse';
      const draft = await draftInWorker(joinedName(names), doc);
      this.drafts.push({ ...draft, ocr: { ...draft.ocr!, files: names } });
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
      const names = new Set(this.drafts.flatMap((d) => d.ocr?.files ?? [d.file]));
      this.files = this.files.map((f) => (names.has(f.name) && f.status === 'review' ? { ...f, status: 'ok' } : f));
      this.drafts = [];
    }
    this.busy = false;
  }
}
