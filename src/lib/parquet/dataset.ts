// The whole loaded dataset as Parquet (one file per table, zipped) and back. Import goes through
// the same validation as a CSV (rows of text → parseRows → resolve → one PreparedImport, one
// transaction), so a damaged or foreign file loads nothing and says where it is wrong.
import type { DbAdapter } from '../db/adapter';
import type { CellSource } from '../db/load';
import type { Review } from '../db/reviews';
import { isCellCode, type CellCode } from '../format/cells';
import type { CellFault, ReportRecord } from '../format/record';
import type { Problem } from '../i18n/messages';
import { parseRows, type CsvResult } from '../ingest/csv';
import { prepareParsed, type Preparation } from '../ingest/prepare';
import type { RegistryEntry } from '../ingest/resolve';
import { cellText, isZip, readParquet, unzipParquet, writeParquet, zipFiles, type PqRow } from './io';
import { TABLE_FILES, datasetTables, type TableName } from './tables';
import type { ReportText } from '../db/reportTexts';

export async function exportDataset(db: DbAdapter, reviews: readonly Review[]): Promise<Uint8Array> {
  const tables = await datasetTables(db, reviews);
  return zipFiles(Object.fromEntries(tables.map((t) => [TABLE_FILES[t.name], writeParquet(t.columns)])));
}

export interface DatasetPreparation extends Preparation {
  /** reviews to store once the import has committed */
  reviews: Review[];
}

type Kind = TableName;
function tableKind(cols: Set<string>): Kind | null {
  if (cols.has('key') && cols.has('state')) return 'reviews';
  // (before reports: these too have agency_id and year)
  if (cols.has('text') && cols.has('source') && cols.has('agency_id') && cols.size === 4) return 'document_texts';
  if (cols.has('printed') && cols.has('code') && cols.has('agency_id') && cols.size === 4) return 'cell_faults';
  if (cols.has('code') && cols.has('file') && cols.has('agency_id') && !cols.has('value')) return 'cell_sources';
  if (cols.has('year') && (cols.has('agency') || cols.has('agency_id'))) return 'reports';
  if (cols.has('agency_id') && cols.has('name')) return 'agencies';
  return null;
}

/** Report columns the dataset carries beside the import format's (kept, not validated as cells). */
const REPORT_EXTRA = new Set(['reported_name', 'source', 'imported_at', 'import_id']);

export async function prepareParquet(
  file: string, bytes: Uint8Array, registry: RegistryEntry[], opts: { replace?: boolean; nowYear?: number } = {},
): Promise<DatasetPreparation> {
  const problems: Problem[] = [];
  const fail = (where: string, zh: string, en: string) =>
    problems.push({ file: where, line: 0, column: '', severity: 'error', message_zh: zh, message_en: en });
  let members: Record<string, Uint8Array>;
  try {
    members = isZip(bytes) ? unzipParquet(bytes) : { [file]: bytes };
  } catch (e) {
    fail(file, `无法解压：${msg(e)}`, `cannot unzip: ${msg(e)}`);
    return { file, encoding: null, problems, prepared: null, reviews: [] };
  }
  const parts: CsvResult[] = [];
  let cellSources: CellSource[] = [];
  let reviews: Review[] = [];
  // Registry before reports, so the reports can name agencies the same file adds.
  const order: Kind[] = ['agencies', 'reports', 'cell_sources', 'document_texts', 'cell_faults', 'reviews'];
  let texts: ReportText[] = [];
  let faults: Fault[] = [];
  const read: { where: string; kind: Kind; columns: string[]; rows: PqRow[] }[] = [];
  for (const [name, data] of Object.entries(members)) {
    const where = name === file ? file : `${file}/${name}`;
    try {
      const t = await readParquet(data);
      const kind = tableKind(new Set(t.columns));
      if (!kind) fail(where, '无法识别的 Parquet 表：应为机构名录、报告、数据来源、报告原文、无效数值或审核记录', 'unrecognised Parquet table: expected the registry, reports, cell sources, report texts, invalid values or reviews');
      else read.push({ where, kind, ...t });
    } catch (e) {
      fail(where, `不是可读的 Parquet 文件：${msg(e)}`, `not a readable Parquet file: ${msg(e)}`);
    }
  }
  if (!Object.keys(members).length) fail(file, '压缩包中没有 .parquet 文件', 'the zip holds no .parquet file');
  read.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  for (const t of read) {
    if (t.kind === 'agencies') parts.push(parseRows(t.where, toTextRows(t.columns, t.rows), opts));
    else if (t.kind === 'reports') parts.push(reportsPart(t.where, t.columns, t.rows, opts.nowYear));
    else if (t.kind === 'cell_sources') cellSources = readSources(t.where, t.rows, problems);
    else if (t.kind === 'document_texts') texts = readTexts(t.where, t.rows, problems);
    else if (t.kind === 'cell_faults') faults = readFaults(t.where, t.rows, problems);
    else reviews = readReviews(t.where, t.rows, problems);
  }
  if (!parts.length && !problems.length) fail(file, '没有机构名录或报告表', 'no registry or reports table');
  const prep = prepareParsed(file, parts, registry, { replace: opts.replace, kind: 'parquet' });
  const all = [...problems, ...prep.problems];
  const ok = prep.prepared && !all.some((p) => p.severity === 'error');
  if (ok && cellSources.length) prep.prepared!.cellSources = cellSources;
  if (ok && texts.length) prep.prepared!.reportTexts = texts;
  if (ok && faults.length) attachFaults(prep.prepared!.records, faults);
  return { file, encoding: null, problems: all, prepared: ok ? prep.prepared : null, reviews: ok ? reviews : [] };
}

function toTextRows(columns: string[], rows: PqRow[]): string[][] {
  return [columns, ...rows.map((r) => columns.map((c) => cellText(r[c])))];
}

/** Reports: `reported_name` is the name as filed (the import's `agency`); `source` is kept. */
function reportsPart(where: string, columns: string[], rows: PqRow[], nowYear?: number): CsvResult {
  const cols = columns.filter((c) => !REPORT_EXTRA.has(c));
  const withAgency = cols.includes('agency') ? cols : ['agency', ...cols];
  const text = [withAgency, ...rows.map((r) => withAgency.map((c) =>
    c === 'agency' && !cols.includes('agency') ? cellText(r.reported_name ?? r.agency_id) : cellText(r[c])))];
  const out = parseRows(where, text, { nowYear });
  if (columns.includes('source')) {
    for (const rec of out.records) {
      const s = rows[(rec.line ?? 2) - 2]?.source;
      if (typeof s === 'string' && s) rec.source = s;
    }
  }
  return out;
}

function readSources(where: string, rows: PqRow[], problems: Problem[]): CellSource[] {
  const out: CellSource[] = [];
  const int = (v: unknown) => (v === null || v === undefined ? null : Number.isInteger(Number(v)) ? Number(v) : NaN);
  rows.forEach((r, i) => {
    const year = int(r.year);
    const [page, line] = [int(r.page), int(r.line)];
    const bad = !r.agency_id || year === null || Number.isNaN(year) || !isCellCode(String(r.code)) || Number.isNaN(page) || Number.isNaN(line);
    if (bad) {
      problems.push({ file: where, line: i + 2, column: '', severity: 'error', message_zh: '数据来源记录无效', message_en: 'invalid cell-source row' });
    } else out.push({ agency_id: String(r.agency_id), year: year!, code: String(r.code), file: cellText(r.file), page, line });
  });
  return out;
}

const intOrNaN = (v: unknown) => (v === null || v === undefined || !Number.isInteger(Number(v)) ? NaN : Number(v));

function readTexts(where: string, rows: PqRow[], problems: Problem[]): ReportText[] {
  const out: ReportText[] = [];
  rows.forEach((r, i) => {
    const year = intOrNaN(r.year);
    if (!r.agency_id || Number.isNaN(year) || typeof r.text !== 'string') {
      problems.push({ file: where, line: i + 2, column: '', severity: 'error', message_zh: '报告原文记录无效', message_en: 'invalid report-text row' });
    } else out.push({ agency_id: String(r.agency_id), year, source: cellText(r.source), text: r.text });
  });
  return out;
}

interface Fault extends CellFault { agency_id: string; year: number }

function readFaults(where: string, rows: PqRow[], problems: Problem[]): Fault[] {
  const out: Fault[] = [];
  rows.forEach((r, i) => {
    const year = intOrNaN(r.year);
    const value = r.printed === null || r.printed === undefined ? NaN : Number(r.printed);
    if (!r.agency_id || Number.isNaN(year) || !isCellCode(String(r.code)) || !Number.isFinite(value)) {
      problems.push({ file: where, line: i + 2, column: '', severity: 'error', message_zh: '无效数值记录无效', message_en: 'invalid printed-value row' });
    } else out.push({ agency_id: String(r.agency_id), year, code: String(r.code) as CellCode, value });
  });
  return out;
}

/** The printed values of cells a count cannot hold go back with their agency-year's record. */
function attachFaults(records: (ReportRecord & { agency_id: string })[], faults: Fault[]) {
  const byKey = new Map<string, CellFault[]>();
  for (const f of faults) {
    const k = `${f.agency_id}|${f.year}`;
    byKey.set(k, [...(byKey.get(k) ?? []), { code: f.code, value: f.value }]);
  }
  for (const r of records) {
    const f = byKey.get(`${r.agency_id}|${r.year}`);
    if (f) r.faults = f;
  }
}

function readReviews(where: string, rows: PqRow[], problems: Problem[]): Review[] {
  const out: Review[] = [];
  rows.forEach((r, i) => {
    if (typeof r.key !== 'string' || !r.key || r.state !== 'confirmed') {
      problems.push({ file: where, line: i + 2, column: 'state', severity: 'error', message_zh: '审核记录无效', message_en: 'invalid review row' });
    } else out.push({ key: r.key, state: 'confirmed', note: cellText(r.note), at: cellText(r.at) });
  });
  return out;
}

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));
