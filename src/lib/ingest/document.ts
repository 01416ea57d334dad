// A published report document → a draft record for review, and reviewed drafts → one import.
// Pure: the document's text comes from docs/readBrowser.ts or docs/readNode.ts.
import { CELL_CODES, allowsFraction, type CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import type { CellSource, PreparedImport } from '../db/load';
import type { Problem } from '../i18n/messages';
import type { DocText } from './docs/docText';
import { parseReportText, warnedCodes, type ParseWarning } from './reportText';
import { resolveRecords, type RegistryEntry } from './resolve';
import { AgencyMatcher } from './agencyMatch';
import { decisionsOf, draftMatches, type DraftMatchFields } from './draftMatch';
import { FIRST_REPORT_YEAR, MAX_COUNT, isFractionalCount, parseDate } from './values';
import { applyOcr, type OcrDraftInfo } from './docs/ocr/draft';

export interface DocumentDraft extends DraftMatchFields {
  file: string;
  kind: DocText['kind'];
  text: string;
  agency: string;
  year: number | null;
  /** the report's own date (yyyy-mm-dd) as read, or null; the reviewer may edit it */
  published_on: string | null;
  /** where the date was read (line of `text` and that line), null when not found or typed in */
  published_on_source: { line: number; text: string } | null;
  cells: CellValues;
  warnings: ParseWarning[];
  failedRules: string[];
  /** where each value was read: page (PDF) and line of `text` */
  sources: Partial<Record<CellCode, { page: number | null; line: number }>>;
  /** cells a warning names: shown highlighted and editable in the review pane */
  uncertain: CellCode[];
  /** a scan read by OCR: confidences, derived cells, where each uncertain cell is on its page */
  ocr?: OcrDraftInfo;
}

export function draftFromText(file: string, doc: DocText): DocumentDraft {
  const parsed = parseReportText(doc.text);
  const sources: DocumentDraft['sources'] = {};
  for (const [code, src] of Object.entries(parsed.sources)) {
    if (src) sources[code as CellCode] = { line: src.line, page: pageOf(src.line, doc.pageStarts) };
  }
  const uncertain = [...warnedCodes(parsed.warnings)].filter((c): c is CellCode => CELL_CODES.includes(c as CellCode));
  const draft: DocumentDraft = {
    file, kind: doc.kind, text: doc.text, agency: parsed.agency ?? '', year: parsed.year,
    published_on: parsed.published_on, published_on_source: parsed.published_on_source,
    cells: parsed.cells, warnings: parsed.warnings, failedRules: parsed.failedRules, sources, uncertain,
  };
  return doc.ocr ? applyOcr(draft, doc.ocr) : draft;
}

function pageOf(line: number, starts?: number[]): number | null {
  if (!starts?.length) return null;
  let p = 1;
  starts.forEach((s, i) => { if (line >= s) p = i + 1; });
  return p;
}

/** Problems that stop a draft from loading (the reviewer can fix them in place). */
export function draftProblems(d: DocumentDraft, nowYear = new Date().getFullYear()): Problem[] {
  const out: Problem[] = [];
  const p = (column: string, zh: string, en: string) =>
    out.push({ file: d.file, line: 0, column, severity: 'error', message_zh: zh, message_en: en });
  if (!d.agency.trim()) p('agency', '未识别出机构名称：请填写', 'no agency name found: please fill it in');
  if (d.year === null || !Number.isInteger(d.year) || d.year < FIRST_REPORT_YEAR || d.year > nowYear) {
    p('year', `年度无效（应为 ${FIRST_REPORT_YEAR}–${nowYear}）`, `invalid year (expected ${FIRST_REPORT_YEAR}–${nowYear})`);
  }
  const pub = d.published_on?.trim();
  if (pub && !parseDate(pub)) p('published_on', `发布日期「${pub}」无效（如 2025-01-20）`, `publication date "${pub}" is not a valid date (e.g. 2025-01-20)`);
  for (const c of CELL_CODES) {
    const v = d.cells[c];
    if (v === null) continue;
    if (!Number.isFinite(v)) p(c, '不是数字', 'not a number');
    // a negative or fractional count is the report's own fault: loaded as printed, flagged by `negative`
    else if (!allowsFraction(c) && Math.abs(v) > MAX_COUNT) p(c, `件数过大（${v}，最大 ${MAX_COUNT}）`, `count too large (${v}; at most ${MAX_COUNT})`);
  }
  return out;
}

/** Reviewed drafts → one import (one transaction), or the problems that stop it. */
export function prepareDocuments(drafts: DocumentDraft[], registry: RegistryEntry[], replace: boolean, nowYear?: number):
  { prepared: PreparedImport | null; problems: Problem[] } {
  const problems = drafts.flatMap((d) => draftProblems(d, nowYear));
  // a new agency goes in with the level, parent and aggregate flag shown (and maybe changed) in the review
  const matches = draftMatches(drafts, new AgencyMatcher(registry));
  const records = drafts.map((d, i) => {
    const m = matches[i];
    const g = m.state === 'new' ? m.guess : null;
    const faults = CELL_CODES.flatMap((code) => {
      const v = d.cells[code];
      return v !== null && Number.isFinite(v) && isFractionalCount(v, code) ? [{ code, value: v }] : [];
    });
    const cells = faults.length ? { ...d.cells, ...Object.fromEntries(faults.map((f) => [f.code, null])) } : d.cells;
    return {
      agency: d.agency.trim(), year: d.year ?? 0, cells, source: d.file, line: i + 1, published_on: d.published_on?.trim() ? parseDate(d.published_on.trim()) : null,
      ...(faults.length ? { faults } : {}),
      ...(g?.level ? { level: g.level } : {}), ...(g?.parent_id ? { parent: g.parent_id } : {}),
    };
  });
  // kept in the import log and shown in either language: file names only, no words
  const label = drafts.length === 1 ? drafts[0].file : `${drafts[0].file} + ${drafts.length - 1}`;
  const res = resolveRecords(label, records, registry, decisionsOf(drafts));
  for (const a of res.newAgencies) {
    const i = drafts.findIndex((d) => d.agency.trim() === a.name);
    const m = matches[i];
    if (m?.state === 'new') a.is_aggregate = m.guess.is_aggregate;
  }
  problems.push(...res.problems.map((p) => ({ ...p, file: drafts[p.line - 1]?.file ?? p.file, line: 0 })));
  if (problems.length) return { prepared: null, problems };
  const cellSources: CellSource[] = res.records.flatMap((r, i) =>
    Object.entries(drafts[i].sources).map(([code, s]) => ({ agency_id: r.agency_id, year: r.year, code, file: drafts[i].file, page: s!.page, line: s!.line })),
  );
  const reportTexts = res.records.map((r, i) => ({ agency_id: r.agency_id, year: r.year, source: drafts[i].file, text: drafts[i].text }));
  const known = new Set(registry.map((a) => a.agency_id));
  return {
    problems,
    prepared: {
      file: label, kind: 'document', agencies: res.newAgencies, records: res.records, replace, cellSources, reportTexts,
      ...(res.learnedAliases.length ? { learnedAliases: res.learnedAliases } : {}),
      newAgencies: res.newAgencies.filter((a) => !known.has(a.agency_id)).map((a) => ({ agency_id: a.agency_id, name: a.name })),
    },
  };
}
