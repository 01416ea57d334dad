// One cell's text → number | null, with the reason when it is not a valid value.
import { allowsFraction } from '../format/cells';

/** Written for "not applicable / blank" in published reports and spreadsheets. */
const BLANK_MARKS = new Set(['', '/', '／', '—', '–', '-', '－', '——', '无', '空', 'N/A', 'n/a', 'NA']);

export type CellParse = { ok: true; value: number | null } | { ok: false; zh: string; en: string };

/** Full-width digits and punctuation → ASCII. */
export function toHalfWidth(s: string): string {
  // most cells have none: a scan is ~10× cheaper than the two replaces (a 100k-row import reads
  // 20 million cells)
  let wide = false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x3000) { wide = true; break; }
  if (!wide) return s;
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const OK_BLANK: CellParse = { ok: true, value: null };
/** The largest count a cell can hold (DuckDB INTEGER). */
export const MAX_COUNT = 2_147_483_647;

/** Plain digits (the common case): their value, else -1. */
function plainCount(raw: string): number {
  const n = raw.length;
  if (n === 0 || n > 9) return -1; // longer ones take the checked path (range)
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** parseCellValue for bulk readers: the number (or null for blank) directly, with no object made
 *  for the common case; a problem comes back as a failed CellParse. */
export function parseCellNumber(raw: string, code: string): number | null | Extract<CellParse, { ok: false }> {
  const v = plainCount(raw);
  if (v >= 0) return v;
  const r = parseCellValue(raw, code);
  return r.ok ? r.value : r;
}

export function parseCellValue(raw: string, code: string): CellParse {
  if (raw === '') return OK_BLANK;
  const plain = plainCount(raw);
  if (plain >= 0) return { ok: true, value: plain };
  const s = toHalfWidth(raw).trim();
  if (BLANK_MARKS.has(s)) return { ok: true, value: null };
  // thousands separators as Excel writes them: 1,234 or 12,345.5
  const t = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : s;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) {
    return { ok: false, zh: `「${raw}」不是数字`, en: `"${raw}" is not a number` };
  }
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, zh: `「${raw}」不是有效数字`, en: `"${raw}" is not a valid number` };
  const money = allowsFraction(code);
  if (Math.abs(v) > 1e12) return { ok: false, zh: `数值过大（${raw}）`, en: `value too large (${raw})` };
  // counts are stored as 32-bit integers: a larger one would wrap, never load silently changed
  if (!money && Math.abs(v) > MAX_COUNT) return { ok: false, zh: `件数过大（${raw}，最大 ${MAX_COUNT}）`, en: `count too large (${raw}; at most ${MAX_COUNT})` };
  // A report's own faults are data: a negative count or amount, or a fractional count, is loaded
  // as printed and flagged by the `negative` rule (a fraction through CellFault: isFractionalCount).
  return { ok: true, value: v === 0 ? 0 : v };
}

/** A number a count cell cannot hold (12.5): kept as a CellFault, the cell left blank. */
export function isFractionalCount(v: number, code: string): boolean {
  return !Number.isInteger(v) && !allowsFraction(code);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 → ISO date, or null when it is not a real date. */
export function parseDate(raw: string): string | null {
  if (raw.length === 10 && isIsoShape(raw)) return realDate(raw, Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10)));
  const m = toHalfWidth(raw).trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(`${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, y, mo, d);
}

/** YYYY-MM-DD in ASCII digits (how most files write dates): read without a regex. */
function isIsoShape(s: string): boolean {
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** The ISO text of y-mo-d, or null when there is no such day. */
function realDate(iso: string, y: number, mo: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? iso : null;
}

/** Reports under the national format exist from 2008 (条例 first version) to last year. */
export const FIRST_REPORT_YEAR = 2008;
export function parseYear(raw: string, nowYear: number): number | null {
  const s = toHalfWidth(raw).trim().replace(/年$/, '');
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= FIRST_REPORT_YEAR && y <= nowYear ? y : null;
}
