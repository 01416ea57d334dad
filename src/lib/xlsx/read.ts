// A workbook → one import, through the CSV validation: each sheet becomes rows of text and goes
// to parseRows; problems are then located by sheet, row and column letter. Sheet 1 of the
// template (the official form) is read at the addresses the template wrote (layout.ts) after
// checking its labels are still where they were. A bad cell anywhere loads nothing.
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { unzipSync } from 'fflate';
import type { Problem } from '../i18n/messages';
import { isLabelRow, parseRows, type CsvResult } from '../ingest/csv';
import { prepareParsed, type Preparation } from '../ingest/prepare';
import type { RegistryEntry } from '../ingest/resolve';
import { FORM_SHEET, FORM_TITLE, HELP_SHEET, colLetter, formSheet } from './layout';
import { exactBuffer, loadExcel } from './excel';

/** More than this, uncompressed, is not a report workbook (a zip bomb, say): refused unread. */
const MAX_UNZIPPED = 200 * 1024 * 1024;

export interface XlsxOptions {
  replace?: boolean;
  nowYear?: number;
}

export async function prepareXlsx(file: string, bytes: Uint8Array, registry: RegistryEntry[], opts: XlsxOptions = {}): Promise<Preparation> {
  const problems: Problem[] = [];
  const fail = (zh: string, en: string, sheet?: string) =>
    problems.push({ file, ...(sheet ? { sheet } : {}), line: 0, column: '', severity: 'error', message_zh: zh, message_en: en });
  const done = () => ({ file, encoding: null, problems, prepared: null });
  try {
    let total = 0;
    unzipSync(bytes, { filter: (f) => ((total += f.originalSize), false) });
    if (total > MAX_UNZIPPED) {
      fail('工作簿解压后过大，不像是年报表格', 'the workbook expands to an implausible size');
      return done();
    }
  } catch {
    fail('这不是有效的 Excel（.xlsx）文件', 'this is not a valid Excel (.xlsx) file');
    return done();
  }
  const Excel = await loadExcel();
  const wb: Workbook = new Excel.Workbook();
  try {
    await wb.xlsx.load(exactBuffer(bytes));
  } catch (e) {
    fail(`无法读取 Excel 文件：${e instanceof Error ? e.message : String(e)}`, `cannot read the Excel file: ${e instanceof Error ? e.message : String(e)}`);
    return done();
  }
  const parts: CsvResult[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === HELP_SHEET) continue;
    const part = text(ws.getCell(1, 1).value) === FORM_TITLE || ws.name === FORM_SHEET
      ? readForm(file, ws, opts, problems) : readTable(file, ws, opts, problems);
    if (part) parts.push(part);
  }
  if (!parts.length && !problems.some((p) => p.severity === 'error')) fail('工作簿中没有已填写的工作表', 'no sheet of the workbook has been filled in');
  if (problems.some((p) => p.severity === 'error')) return done();
  return { ...prepareParsed(file, parts, registry, { replace: opts.replace, kind: 'xlsx' }), encoding: null };
}

/** A cell as the text a CSV would hold: numbers exact, dates ISO, formulas by their result. */
export function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return text((v.result ?? null) as CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v).trim();
}

/** A date column: a serial number (a date typed into a General cell) is a date too. */
function dateText(v: CellValue): string {
  if (typeof v === 'number' && v > 20000 && v < 80000 && Number.isInteger(v)) {
    return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
  }
  return text(v);
}

/** Sheet 1: the form. Untouched (no agency, year or figure) → skipped. */
function readForm(file: string, ws: Worksheet, opts: XlsxOptions, problems: Problem[]): CsvResult | null {
  const layout = formSheet();
  for (const c of layout.cells) {
    if (c.text === undefined || c.kind === 'input') continue;
    if (text(ws.getCell(c.row, c.col).value) !== c.text.trim()) {
      problems.push({
        file, sheet: ws.name, line: c.row, column: colLetter(c.col), severity: 'error',
        message_zh: `表格结构被改动：此处应为「${c.text}」（请勿插入或删除行列，用新模板重新填写）`,
        message_en: `the form's layout was changed: this cell should read "${c.text}" (do not insert or delete rows or columns)`,
      });
      return null;
    }
  }
  const keys = [...layout.inputs.keys()];
  const values = keys.map((k) => {
    const at = layout.inputs.get(k)!;
    const v = ws.getCell(at.row, at.col).value;
    return k === 'published_on' ? dateText(v) : text(v);
  });
  if (values.every((v) => v === '')) return null;
  const out = parseRows(file, [keys, values], { sheet: ws.name, nowYear: opts.nowYear });
  for (const p of out.problems) {
    const at = layout.inputs.get(p.column);
    if (at) Object.assign(p, { line: at.row, column: `${colLetter(at.col)} (${p.column})` });
    else if (p.line === 2) p.line = 0;
  }
  for (const r of out.records) r.line = layout.inputs.get('agency')!.row;
  problems.push(...out.problems);
  return out;
}

/** Any other sheet: a table whose first non-empty row is a header (wide, long or registry). */
function readTable(file: string, ws: Worksheet, opts: XlsxOptions, problems: Problem[]): CsvResult | null {
  const rows: string[][] = [];
  const lines: number[] = [];
  const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  let dateCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells = Array.from({ length: width }, (_, j) => (j === dateCol ? dateText : text)(row.getCell(j + 1).value));
    if (!rows.length) dateCol = cells.findIndex((c) => c === 'published_on' || c === '公布日期');
    if (cells.every((c) => c === '')) return;
    rows.push(cells);
    lines.push(n);
  });
  // Nothing below the header (the template's sheet 2 as it comes), or an empty sheet: not filled in.
  if (rows.length <= 1 || (rows.length === 2 && isLabelRow(rows[0], rows[1]))) return null;
  // Trailing empty header columns (formatting only) are not columns.
  let w = rows[0].length;
  while (w > 0 && rows[0][w - 1] === '' && rows.every((r) => (r[w - 1] ?? '') === '')) w--;
  const trimmed = rows.map((r) => r.slice(0, w));
  const out = parseRows(file, trimmed, { sheet: ws.name, lines, nowYear: opts.nowYear });
  if (!out.kind) {
    problems.push({
      file, sheet: ws.name, line: lines[0], column: '', severity: 'warning',
      message_zh: '无法识别此工作表（表头须含 agency 与 year），已跳过', message_en: 'sheet not recognised (the header needs agency and year): skipped',
    });
    return null;
  }
  const header = trimmed[0];
  for (const p of out.problems) {
    const j = header.indexOf(p.column);
    if (j >= 0) p.column = `${colLetter(j + 1)} (${p.column})`;
  }
  problems.push(...out.problems);
  return out;
}
