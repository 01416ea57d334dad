// CSV files → report records or registry rows, with every problem located (file, line, column)
// and explained in both languages. Pure: text in, data and problems out; no database.
import Papa from 'papaparse';
import { CODE_BY_ZH_HEADER, isCellCode, type CellCode } from '../format/cells';
import { emptyCells, type CellValues, type ReportRecord } from '../format/record';
import type { Problem } from '../i18n/messages';
import { isFractionalCount, parseCellNumber, parseCellValue, parseDate, parseYear } from './values';
import { PACKED_CELLS, cellIndex, type CellPacker, type PackedCells } from './packedCells';

export type CsvKind = 'wide' | 'long' | 'agencies';

export interface AgencyRow {
  agency_id: string;
  name: string;
  level: string | null;
  parent_id: string | null;
  category: string | null;
  is_aggregate: boolean;
  aliases: string[];
  /** the years the registry says the agency exists (optional columns): `missing` expects a report
   *  in each of them that the workspace has data for */
  active_from?: number | null;
  active_to?: number | null;
  /** the line it came from, for messages found later (e.g. an unknown parent) */
  line?: number;
}

export interface CsvResult {
  kind: CsvKind | null;
  records: ReportRecord[];
  agencies: AgencyRow[];
  problems: Problem[];
  /** the records' cells, when read into typed arrays (a big file: opts.packer) */
  packed?: PackedCells;
}

export interface CsvOptions {
  /** the latest year a report can be about (defaults to this calendar year) */
  nowYear?: number;
}

const WIDE_META = ['agency', 'year', 'agency_id', 'level', 'parent', 'published_on'] as const;
const LONG_COLUMNS = ['agency', 'year', 'code', 'value'];
const AGENCY_COLUMNS = ['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases', 'active_from', 'active_to'];

/** Which kind of file a header row describes, or null. */
export function detectKind(header: string[]): CsvKind | null {
  const h = new Set(header);
  if (h.has('agency_id') && h.has('name') && !h.has('year')) return 'agencies';
  if (h.has('agency') && h.has('year') && h.has('code') && h.has('value')) return 'long';
  if (h.has('agency') && h.has('year')) return 'wide';
  return null;
}

/** A header cell → its cell code: the code itself, or "row_label_zh|col_label_zh". */
export function headerToCode(header: string): CellCode | null {
  const h = header.trim();
  if (isCellCode(h)) return h;
  const zh = h.replace(/\s*[|｜]\s*/, '|');
  return CODE_BY_ZH_HEADER.get(zh) ?? null;
}

export function parseCsvText(file: string, text: string, opts: CsvOptions = {}): CsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const malformed: Problem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ file, line: (e.row ?? 0) + 1, column: '', message_zh: `CSV 格式错误：${e.message}`, message_en: `malformed CSV: ${e.message}`, severity: 'error' }));
  const out = parseRows(file, parsed.data, opts);
  out.problems.unshift(...malformed);
  return out;
}

/** Where rows came from, for tables that are not a CSV file (a spreadsheet sheet, a Parquet table). */
export interface RowsOptions extends CsvOptions {
  /** the source line (sheet row) of each row; rows[0] is the header (default: i + 1) */
  lines?: number[];
  /** the sheet the rows came from, added to every problem */
  sheet?: string;
  /** wide rows' cells go here instead of into each record (records get PACKED_CELLS) */
  packer?: CellPacker;
}

/** Rows of strings (header first) → records or registry rows, with located problems. The one
 *  validation for CSV, XLSX and Parquet tables. */
export function parseRows(file: string, rowsIn: string[][], opts: RowsOptions = {}): CsvResult {
  const nowYear = opts.nowYear ?? new Date().getFullYear();
  const out: CsvResult = { kind: null, records: [], agencies: [], problems: [] };
  let rows = rowsIn;
  let lines = opts.lines ?? rows.map((_, i) => i + 1);
  const err = (line: number, column: string, zh: string, en: string) =>
    out.problems.push({ file, ...(opts.sheet ? { sheet: opts.sheet } : {}), line, column, message_zh: zh, message_en: en, severity: 'error' });
  if (rows.length === 0) {
    err(0, '', '文件为空', 'the file is empty');
    return out;
  }
  const header = headerNames(rows[0]);
  const kind = detectKind(header);
  out.kind = kind;
  if (!kind) {
    err(lines[0], '', '无法识别文件类型：表头须含 agency 与 year（报告），或 agency_id 与 name（机构名录）',
      'cannot tell the file kind: the header needs agency and year (reports), or agency_id and name (registry)');
    return out;
  }
  // A second header row of Chinese labels (as the app's exports and the Excel template write it).
  if (kind === 'wide' && rows.length > 1 && isLabelRow(header, rows[1])) {
    rows = [rows[0], ...rows.slice(2)];
    lines = [lines[0], ...lines.slice(2)];
  }
  const dupHeader = header.find((h, i) => header.indexOf(h) !== i);
  if (dupHeader) err(lines[0], dupHeader, '表头重复', 'duplicate column header');
  const body = rows.slice(1);
  const lineOf = (i: number) => lines[i + 1] ?? i + 2;
  for (let i = 0; i < body.length; i++) {
    if (body[i].length !== header.length) {
      err(lineOf(i), '', `本行有 ${body[i].length} 个字段，表头有 ${header.length} 个`,
        `this row has ${body[i].length} fields, the header has ${header.length}`);
    }
  }
  if (body.length === 0) err(0, '', '文件没有数据行', 'the file has no data rows');
  if (kind === 'agencies') readAgencies(header, body, lineOf, err, out);
  else if (kind === 'long') readLong(header, body, lineOf, nowYear, err, out);
  else readWide(header, body, lineOf, nowYear, err, out, opts.packer);
  return out;
}

/** Meta columns' Chinese names in a label row. */
export const META_LABELS_ZH: Record<string, string> = {
  agency: '机构名称', year: '年度', agency_id: '机构代码', level: '层级', parent: '上级机构', published_on: '公布日期',
};

const META_BY_ZH = new Map(Object.entries(META_LABELS_ZH).map(([k, v]) => [v, k]));

/** Wide rows are validated in batches of this many (the streamed reader's batches, so rows never
 *  pile up as strings); readWide's duplicate check spans one batch. */
export const WIDE_BATCH_ROWS = 2000;

/** Every field empty or blank (a row Papa's 'greedy' would drop); a data row's first field says no at once. */
export function isEmptyRow(fields: string[]): boolean {
  for (const f of fields) if (f !== '' && f.trim() !== '') return false;
  return true;
}

/** A header row's names as the readers use them (trimmed; Chinese meta names → their keys). */
export function headerNames(row: string[]): string[] {
  return row.map((h) => {
    const t = String(h ?? '').trim();
    return META_BY_ZH.get(t) ?? t;
  });
}

/** Each column's cell code in a wide header (null for meta columns and unknown ones). */
export function wideCodes(header: string[]): (CellCode | null)[] {
  return header.map((h) => ((WIDE_META as readonly string[]).includes(h) ? null : headerToCode(h)));
}

/** True when `row` holds the labels of the header's cell codes rather than data. */
export function isLabelRow(header: string[], row: string[]): boolean {
  if (/^\s*\d{4}/.test(String(row[header.indexOf('year')] ?? ''))) return false;
  let codes = 0;
  let labels = 0;
  header.forEach((h, j) => {
    const code = headerToCode(h);
    if (!code) return;
    codes++;
    if (headerToCode(String(row[j] ?? '')) === code) labels++;
  });
  return codes > 0 && labels * 2 >= codes;
}

export type Err = (line: number, column: string, zh: string, en: string) => void;
type LineOf = (bodyIndex: number) => number;

function readWide(header: string[], body: string[][], lineOf: LineOf, nowYear: number, err: Err, out: CsvResult, packer?: CellPacker) {
  const codeAt = wideCodes(header);
  header.forEach((h, i) => {
    if (!(WIDE_META as readonly string[]).includes(h) && !codeAt[i]) {
      err(lineOf(-1), h, '未知的列：既不是单元格代码，也不是「行标签|列标签」', 'unknown column: neither a cell code nor a "row label|column label"');
    }
  });
  const seenCode = new Map<string, string>();
  header.forEach((h, i) => {
    const c = codeAt[i];
    if (!c) return;
    if (seenCode.has(c)) err(lineOf(-1), h, `与列「${seenCode.get(c)}」是同一单元格`, `same cell as column "${seenCode.get(c)}"`);
    seenCode.set(c, h);
  });
  const col = (name: string) => header.indexOf(name);
  const indexAt = codeAt.map((c) => (c ? cellIndex(c) : -1));
  const seen = new Map<string, number>();
  body.forEach((row, i) => {
    const line = lineOf(i);
    const rec = readMeta(row, col, line, nowYear, err, packer ? PACKED_CELLS : undefined);
    if (!rec) return;
    packer?.startRow();
    packer?.describeRow(rec);
    header.forEach((h, j) => {
      const code = codeAt[j];
      if (!code) return;
      let v = parseCellNumber(row[j] ?? '', code);
      if (v !== null && typeof v !== 'number') return err(line, h, v.zh, v.en);
      if (v !== null && isFractionalCount(v, code)) {
        (rec.faults ??= []).push({ code, value: v });
        v = null;
      }
      if (packer) packer.set(indexAt[j], v);
      else rec.cells[code] = v;
    });
    noteDuplicate(rec, line, seen, err);
    out.records.push(rec);
  });
}

export function readMeta(row: string[], col: (n: string) => number, line: number, nowYear: number, err: Err, cells?: CellValues): ReportRecord | null {
  const get = (n: string) => (col(n) >= 0 ? (row[col(n)] ?? '').trim() : '');
  const agency = get('agency');
  const yearRaw = get('year');
  const year = parseYear(yearRaw, nowYear);
  if (!agency) err(line, 'agency', '机构名称为空', 'the agency is empty');
  if (year === null) {
    err(line, 'year', `年份「${yearRaw}」不可能（应为 2008–${nowYear} 的四位年份）`,
      `impossible year "${yearRaw}" (expected a four-digit year 2008–${nowYear})`);
  }
  let published: string | null = null;
  const pubRaw = get('published_on');
  if (pubRaw) {
    published = parseDate(pubRaw);
    if (!published) err(line, 'published_on', `「${pubRaw}」不是有效日期（如 2024-01-31）`, `"${pubRaw}" is not a valid date (e.g. 2024-01-31)`);
  }
  if (!agency || year === null) return null;
  return {
    agency, year, cells: cells ?? emptyCells(), published_on: published, line,
    agency_id: get('agency_id') || undefined, level: get('level') || undefined, parent: get('parent') || undefined,
  };
}

export function noteDuplicate(rec: ReportRecord, line: number, seen: Map<string, number>, err: Err) {
  const key = `${rec.agency_id ?? rec.agency}\u0000${rec.year}`;
  const first = seen.get(key);
  if (first !== undefined) {
    err(line, 'agency', `${rec.agency} ${rec.year} 年的报告在第 ${first} 行已出现`, `${rec.agency} ${rec.year} already appears on line ${first}`);
  } else seen.set(key, line);
}

function readLong(header: string[], body: string[][], lineOf: LineOf, nowYear: number, err: Err, out: CsvResult) {
  for (const h of header) {
    if (!LONG_COLUMNS.includes(h) && !['agency_id', 'published_on'].includes(h)) {
      err(lineOf(-1), h, '长表只应有 agency, year, code, value 列', 'a long CSV has only agency, year, code, value columns');
    }
  }
  const col = (n: string) => header.indexOf(n);
  const byKey = new Map<string, { rec: ReportRecord; line: number; codes: Map<string, number> }>();
  body.forEach((row, i) => {
    const line = lineOf(i);
    const rec = readMeta(row, col, line, nowYear, err);
    if (!rec) return;
    const codeRaw = (row[col('code')] ?? '').trim();
    const code = headerToCode(codeRaw);
    if (!code) {
      err(line, 'code', `未知的单元格代码「${codeRaw}」`, `unknown cell code "${codeRaw}"`);
      return;
    }
    const key = `${rec.agency_id ?? rec.agency}\u0000${rec.year}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { rec, line, codes: new Map() };
      byKey.set(key, entry);
      out.records.push(rec);
    } else if (rec.published_on && !entry.rec.published_on) entry.rec.published_on = rec.published_on;
    const prev = entry.codes.get(code);
    if (prev !== undefined) {
      err(line, 'code', `${rec.agency} ${rec.year} 年的 ${code} 在第 ${prev} 行已出现`, `${code} of ${rec.agency} ${rec.year} already appears on line ${prev}`);
      return;
    }
    entry.codes.set(code, line);
    const v = parseCellValue(row[col('value')] ?? '', code);
    if (!v.ok) err(line, 'value', v.zh, v.en);
    else if (v.value !== null && isFractionalCount(v.value, code)) (entry.rec.faults ??= []).push({ code, value: v.value });
    else entry.rec.cells[code] = v.value;
  });
}

const TRUE_WORDS = new Set(['true', '是', '1', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '否', '0', 'no', 'n', 'f', '']);

function readAgencies(header: string[], body: string[][], lineOf: LineOf, err: Err, out: CsvResult) {
  for (const h of header) {
    if (!AGENCY_COLUMNS.includes(h)) err(lineOf(-1), h, '机构名录中未知的列', 'unknown column in a registry file');
  }
  const col = (n: string) => header.indexOf(n);
  const get = (row: string[], n: string) => (col(n) >= 0 ? (row[col(n)] ?? '').trim() : '');
  const seen = new Map<string, number>();
  body.forEach((row, i) => {
    const line = lineOf(i);
    const id = get(row, 'agency_id');
    const name = get(row, 'name');
    if (!id) err(line, 'agency_id', '机构代码为空', 'the agency_id is empty');
    if (!name) err(line, 'name', '机构名称为空', 'the name is empty');
    const aggRaw = get(row, 'is_aggregate').toLowerCase();
    if (!TRUE_WORDS.has(aggRaw) && !FALSE_WORDS.has(aggRaw)) {
      err(line, 'is_aggregate', `「${aggRaw}」应为 true/false 或 是/否`, `"${aggRaw}" should be true/false or 是/否`);
    }
    const active = (n: 'active_from' | 'active_to') => {
      const raw = get(row, n);
      if (!raw) return null;
      const y = parseYear(raw, 2100);
      if (y === null) err(line, n, `「${raw}」不是有效年份（应为 2008–2100 的四位年份，或留空）`, `"${raw}" is not a valid year (a four-digit year 2008–2100, or blank)`);
      return y;
    };
    const activeFrom = active('active_from');
    const activeTo = active('active_to');
    if (activeFrom !== null && activeTo !== null && activeTo < activeFrom) {
      err(line, 'active_to', `存续截止年份 ${activeTo} 早于起始年份 ${activeFrom}`, `active_to ${activeTo} is before active_from ${activeFrom}`);
    }
    if (id && seen.has(id)) err(line, 'agency_id', `机构代码 ${id} 在第 ${seen.get(id)} 行已出现`, `agency_id ${id} already appears on line ${seen.get(id)}`);
    if (id) seen.set(id, line);
    if (!id || !name) return;
    out.agencies.push({
      agency_id: id, name, level: get(row, 'level') || null, parent_id: get(row, 'parent_id') || null,
      category: get(row, 'category') || null, is_aggregate: TRUE_WORDS.has(aggRaw),
      aliases: get(row, 'aliases').split(/[;；]/).map((s) => s.trim()).filter(Boolean),
      ...(activeFrom !== null ? { active_from: activeFrom } : {}), ...(activeTo !== null ? { active_to: activeTo } : {}),
      line,
    });
  });
  // Whether a parent exists is checked at load, against this file and the registry together.
  out.agencies.forEach((a) => {
    if (a.parent_id === a.agency_id) err(seen.get(a.agency_id)!, 'parent_id', '机构不能是自己的上级', 'an agency cannot be its own parent');
  });
}
