// A draft read by OCR, made honest: the parser's draft of the OCR text (document.ts), then
// - each value's token found again (same line, same value, in order) and its confidence kept;
//   a value read with low confidence is blank with a warning naming its cell;
// - the form's sums (sums.ts): a cell in a sum that does not add up, or blank, is set aside; a
//   value the sums force is filled and marked derived, with a warning saying what was read;
//   the rest stay blank with a warning;
// - for every cell a warning names, where to look on the page image (the token's box, or the
//   band of its row's line), so the review can show the crop beside the input box.
// Pure.
import { CELL_CODES, type CellCode } from '../../../format/cells';
import type { CellValues } from '../../../format/record';
import { cellNames } from '../../reportText/labels';
import type { ParseWarning } from '../../reportText';
import type { DocumentDraft } from '../../document';
import type { PlacedToken } from './layout';
import type { PixelBox } from './tokens';
import { settleBySums } from './sums';
import { checkWithinReport } from '../../../rules/withinReport';

/** Below this, a number's weakest digit is not trusted (measured on degraded scans: see README). */
export const MIN_DIGIT_CONFIDENCE = 0.9;

export interface OcrPageInfo {
  width: number; height: number; turns: number; skewDeg: number;
  /** the upright page image (an object URL, in the browser), for the crops */
  image?: string;
}
export interface OcrDoc { pages: OcrPageInfo[]; tokens: PlacedToken[] }

export interface OcrCell { page: number; box: PixelBox; conf?: number; read?: string }
export interface OcrDraftInfo {
  pages: OcrPageInfo[];
  /** where each uncertain (or derived) cell is on its page image */
  cells: Partial<Record<CellCode, OcrCell>>;
  derived: CellCode[];
  /** confidence of each value read */
  confidence: Partial<Record<CellCode, number>>;
  /** the tokens, to lay the pages out again in another order */
  tokens: PlacedToken[];
  /** page images joined into one report: each page's file */
  files?: string[];
}

const numberOf = (s: string): number | null => {
  const t = s.normalize('NFKC').replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

export function applyOcr(draft: DocumentDraft, ocr: OcrDoc): DocumentDraft {
  const cells: CellValues = { ...draft.cells };
  const warnings: ParseWarning[] = [...draft.warnings];
  const info: OcrDraftInfo = { pages: ocr.pages, cells: {}, derived: [], confidence: {}, tokens: ocr.tokens };
  const byLine = new Map<number, PlacedToken[]>();
  for (const t of ocr.tokens) if (t.line > 0) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const ts of byLine.values()) ts.sort((a, b) => a.col - b.col);
  const warn = (code: CellCode, zh: string, en: string, line?: number) => {
    const n = cellNames(code);
    warnings.push({ code, row: n.row, column: n.column, line, message_zh: `${n.row}｜${n.column}：${zh}`, message_en: `${n.en}: ${en}` });
  };

  // 1. each value's token: on its line, the next token with the same value, left to right
  const tokenOf = new Map<CellCode, PlacedToken>();
  const next = new Map<number, number>();
  for (const code of CELL_CODES) {
    const src = draft.sources[code];
    const v = cells[code];
    if (!src || v === null) continue;
    const ts = byLine.get(src.line) ?? [];
    const from = next.get(src.line) ?? 0;
    const k = ts.findIndex((t, i) => i >= from && numberOf(t.str) === v);
    if (k < 0) continue;
    tokenOf.set(code, ts[k]);
    next.set(src.line, k + 1);
  }

  // 2. a value read without confidence is set aside; so is one whose token is lost
  const open = new Set<CellCode>();
  const weak = new Map<CellCode, string>();
  for (const code of CELL_CODES) {
    if (cells[code] === null) { open.add(code); continue; }
    const t = tokenOf.get(code);
    if (!t) {
      weak.set(code, String(cells[code]));
      open.add(code);
      continue;
    }
    info.confidence[code] = Math.round(t.conf * 1000) / 1000;
    if (t.conf < MIN_DIGIT_CONFIDENCE) { weak.set(code, t.str); open.add(code); }
  }
  const already = new Set(warnings.map((w) => w.code).filter(Boolean));
  const read = { ...cells };
  // 3. the sums
  const s = settleBySums(cells, open);
  for (const code of CELL_CODES) {
    const was = read[code];
    const line = draft.sources[code]?.line;
    if (s.derived.has(code)) {
      if (was !== null && was === s.cells[code] && !weak.has(code)) continue; // read, and the sums agree
      cells[code] = s.cells[code];
      info.derived.push(code);
      const r = was === null ? '未读到数字' : `识别为 ${weak.get(code) ?? was}`;
      const re = was === null ? 'no number read' : `read as ${weak.get(code) ?? was}`;
      warn(code, `${r}，按表内勾稽关系推算为 ${s.cells[code]}，请核对`, `${re}; the form's sums give ${s.cells[code]}, please check`, line);
    } else if (s.unresolved.has(code)) {
      cells[code] = null;
      if (already.has(code)) continue;
      const eq = s.failedIn.get(code);
      if (weak.has(code)) {
        warn(code, `识别把握不足（读作 ${weak.get(code)}），留空`, `read as ${weak.get(code)} without confidence; left blank`, line);
      } else if (was !== null && eq) {
        warn(code, `读作 ${was}，但所在的合计关系（${eq.rule}）不成立，留空`, `read as ${was}, but a sum it is in (${eq.rule}) does not add up; left blank`, line);
      } else if (was === null) {
        warn(code, '扫描件中此处未读到数字，留空', 'no number read here in the scan; left blank', line);
      }
    }
  }
  // 4. where to look, for every cell a warning names
  const uncertain = [...new Set(warnings.map((w) => w.code).filter((c): c is CellCode => !!c && (CELL_CODES as readonly string[]).includes(c)))];
  for (const code of uncertain) {
    const t = tokenOf.get(code);
    if (t) { info.cells[code] = { page: t.page, box: t.box, conf: t.conf, read: t.str }; continue; }
    const line = draft.sources[code]?.line ?? warnings.find((w) => w.code === code && w.line)?.line;
    const band = line ? lineBand(byLine.get(line) ?? []) : null;
    if (band) info.cells[code] = underColumn(code, band, tokenOf) ?? band;
  }
  const failedRules = [...new Set(checkWithinReport(cells).map((f) => f.rule))];
  return { ...draft, cells, warnings, failedRules, uncertain, ocr: info };
}

/** A row's line on its page: from its leftmost to its rightmost token. */
function lineBand(ts: PlacedToken[]): OcrCell | null {
  if (!ts.length) return null;
  const x = Math.min(...ts.map((t) => t.box.x)), y = Math.min(...ts.map((t) => t.box.y));
  const x1 = Math.max(...ts.map((t) => t.box.x + t.box.w)), y1 = Math.max(...ts.map((t) => t.box.y + t.box.h));
  return { page: ts[0].page, box: { x, y, w: x1 - x, h: y1 - y } };
}

/** The cell's place in its row's band (section 三): under the values read in the same column on that page
 *  (their median left edge and width), when there are any. */
function underColumn(code: CellCode, band: OcrCell, tokenOf: Map<CellCode, PlacedToken>): OcrCell | null {
  // section 三 only: its columns are one set across the table (二 and 四 repeat their labels)
  if (!code.startsWith('s3_')) return null;
  const col = cellNames(code).column;
  const section = 's3_';
  const mates = CELL_CODES.filter((c) => c !== code && c.startsWith(section) && cellNames(c).column === col)
    .map((c) => tokenOf.get(c)).filter((t): t is PlacedToken => !!t && t.page === band.page);
  if (!mates.length) return null;
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cx = mid(mates.map((t) => t.box.x + t.box.w / 2));
  const w = Math.max(mid(mates.map((t) => t.box.w)), band.box.h);
  return { page: band.page, box: { x: cx - w / 2, y: band.box.y, w, h: band.box.h } };
}
