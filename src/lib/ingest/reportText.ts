// Report text → one record: agency, year and the form's 200 cells, read from the text of a
// 政府信息公开工作年度报告 (copied from a web page, extracted from a PDF, converted to markdown …).
// Pure and deterministic. Cells are aligned by each row's label and each column's place, never by
// counting numbers across a table; what cannot be read with certainty is null with a warning
// (zh + en, naming row and column), and the form's own sums are checked (failedRules).
//
// Decisions worth knowing:
// - Old undivided （六）其他处理 row (2019 trial form): its values go to 三（六）3 其他
//   (s3_other_misc_*) so that 三（七） still checks; 三（六）1 and 2 stay null, all with warnings.
// - 2019 trial form's section 二 (本年新制作数量 … 上一年项目数量): other columns, so all ten
//   section-二 cells are null with warnings rather than read into the 2021 cells.
// - Cells run together (web archives): split only where the row's sums, then the section's
//   (balance, outcome_sum), leave exactly one reading; otherwise null with a warning.
// - A number alone on a line (a page number?) is never silently taken for a cell.
// - A row with no value at all is null with a warning for each cell.
// - A row with blank cells in space-aligned text (a PDF's lines): its values are placed by the
//   same table's full rows, or by the table's column headers (display width: a Han character is
//   two columns), only on the page they are on, only where each value falls clearly under one
//   column — and where both are there they must agree. Otherwise the row is null with warnings.
//   A row placed so carries a note. (A table continued on the next page, without a repeated
//   header and without a full row there, is not placed: pages are laid out from their own edge.)
// - Layout families of real reports (P9): a label with more typos than a whole-text search allows
//   is taken only where the form's row order puts it (match.ts fillGaps); converter placeholders
//   (数据1 …) and notes inside a cell (22（其中修订 16 件）) are not cells; value rows printed as a
//   block after their labels are matched in order (detached.ts); section 四 as three small tables
//   (s4groups.ts); where several splits of run-together digits fit every sum, the cells they all
//   share are kept and the rest warned with how many fit.
// - Checked at the end (verify.ts): a failing sum on a cell placed by inference sends it back to
//   blank; a cell that could not be placed but that the printed sums force is filled, listed in
//   `derived` and warned. A cell printed blank stays blank.
// - The report's own date (published_on) is read as printed, never the statistics period
//   (published.ts); the agency as printed in or under the title, never page chrome (meta.ts).
// Parts: reportText/{doc,labels,match,region,columns,split,solve,read,detached,s4groups,verify,
// meta,published}.ts.
import type { CellCode } from '../format/cells';
import { emptyCells, type CellValues } from '../format/record';
import { checkWithinReport } from '../rules/withinReport';
import { buildDoc } from './reportText/doc';
import { findAnchors } from './reportText/match';
import { parseMeta } from './reportText/meta';
import { readTables } from './reportText/read';
import { verifyCells } from './reportText/verify';

export interface ParseWarning {
  /** the cell concerned, when there is one */
  code?: string;
  /** the cells concerned, when the warning is about a row or a table (several cells) */
  codes?: string[];
  /** row and column labels as printed in the form */
  row?: string;
  column?: string;
  message_zh: string;
  message_en: string;
  /** 1-based line in the input text */
  line?: number;
}

export interface ParsedReport {
  agency: string | null;
  year: number | null;
  /** the report's own date (ISO yyyy-mm-dd): under the title, above the signature, or a saved web
   *  page's 发布时间 — never the statistics period; null (with a warning) when not printed */
  published_on: string | null;
  /** where the date was read: 1-based line and that line's text */
  published_on_source: { line: number; text: string } | null;
  /** all 200 cells; null = blank or unreadable (an unreadable cell always has a warning) */
  cells: CellValues;
  warnings: ParseWarning[];
  /** ids of within-report rules that fail (balance, outcome_sum, column_sum, s4_sum, negative) */
  failedRules: string[];
  /** cells not read from the text but forced by the sums the report prints (each has a warning) */
  derived: CellCode[];
  /** the input line each read value came from */
  sources: Partial<Record<CellCode, { line: number }>>;
}

export function parseReportText(text: string): ParsedReport {
  const meta = parseMeta(text);
  const head = { agency: meta.agency, year: meta.year, published_on: meta.published_on, published_on_source: meta.published_on_source };
  const doc = buildDoc(text);
  let read = readDoc(doc);
  // A double-spaced text (a converter's paragraph spacing): its empty lines are read both ways,
  // as blank cells and as spacing, and the reading that leaves fewer cells uncertain is kept.
  if (doc.doubleSpaced && read) {
    const spaced = readDoc(buildDoc(text, { spacingRead: true }));
    if (spaced && uncertainCount(spaced) < uncertainCount(read)) read = spaced;
  }
  if (!read) {
    return {
      ...head, cells: emptyCells(), failedRules: [], sources: {}, derived: [],
      warnings: [...meta.warnings, { message_zh: '未找到年报表格，全部数字留空', message_en: 'no form table found in the text; every cell left blank' }],
    };
  }
  return { ...head, ...read, warnings: [...meta.warnings, ...read.warnings] };
}

type DocReading = Pick<ParsedReport, 'cells' | 'warnings' | 'failedRules' | 'sources' | 'derived'>;

/** The form's cells read from the text, or null when it has no form table. */
function readDoc(doc: ReturnType<typeof buildDoc>): DocReading | null {
  const matches = findAnchors(doc);
  if (!matches.some((m) => m.startPos >= 0) || doc.tokens.length === 0) return null;
  const t = readTables(doc, matches);
  const { derived } = verifyCells(t.cells, t.warnings, t.inferred, t.unplaced, t.strays);
  const failedRules = [...new Set(checkWithinReport(t.cells).map((f) => f.rule))];
  return { cells: t.cells, warnings: t.warnings, failedRules, sources: t.sources, derived };
}

/** The cells the warnings name (a warning about one cell, or about a row's cells). */
export function warnedCodes(warnings: readonly ParseWarning[]): Set<string> {
  return new Set(warnings.flatMap((w) => [w.code, ...(w.codes ?? [])]).filter((c): c is string => !!c));
}

/** Cells left blank or named by a warning. */
function uncertainCount(r: DocReading): number {
  const warned = warnedCodes(r.warnings);
  return Object.entries(r.cells).filter(([c, v]) => v === null || warned.has(c)).length;
}
