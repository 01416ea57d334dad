// The report's own date (P8 item 6): the date printed under the title or above the signature
// (“（2026年1月23日）”, “二〇二五年一月二十日”), or a saved web page's “发布时间：2024-01-05”,
// “发布日期”, “成文日期”. Never the statistics period (“自2024年1月1日至12月31日”), never a date
// inside a sentence, never a guess: when none is found the caller leaves it blank and warns.
//
// Order of trust: a date standing alone near the top or the bottom of the document (the report's
// own date), then a page's 发布时间/发布日期, then 成文日期 and the like. A date on or before the
// end of the year the statistics cover cannot be the report's date and is not taken.

export interface PublishedDate {
  date: string;
  /** 1-based line in the input text, and that line as printed (trimmed) */
  line: number;
  text: string;
  how: 'own' | 'published' | 'written';
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 … 三十一 → number; null if not a small Chinese numeral. */
function cnSmall(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN_DIGIT[m[1]] : m[3] && !m[1] ? CN_DIGIT[m[3]] : null;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[3] ? CN_DIGIT[m[3]] : 0);
}

const D = '(\\d{4}|[〇○零一二三四五六七八九OＯ]{4})\\s*年\\s*(\\d{1,2}|[一二三十]{1,3}|[四五六七八九])\\s*月\\s*(\\d{1,2}|[一二三十]{1,3}|[四五六七八九])\\s*日';
const ISO = '(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?![\\d])';
const DATE = new RegExp(`${D}|${ISO}`, 'g');

interface Found { iso: string; index: number; end: number }

function toIso(y: string, mo: string, d: string): string | null {
  const year = /^\d{4}$/.test(y) ? Number(y) : Number([...y].map((c) => CN_DIGIT[c]).join(''));
  const month = cnSmall(mo);
  const day = cnSmall(d);
  if (!Number.isInteger(year) || month === null || day === null) return null;
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date written on a line (NFKC'd). */
export function datesIn(line: string): Found[] {
  const out: Found[] = [];
  for (const m of line.matchAll(DATE)) {
    const iso = m[1] ? toIso(m[1], m[2], m[3]) : toIso(m[4], m[5], m[6]);
    if (iso) out.push({ iso, index: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const PUBLISHED_LABEL = /(发布时间|发布日期|公布日期|公开日期|发稿时间|发表时间|发布于)\s*[:：]?\s*$/;
const WRITTEN_LABEL = /(成文日期|成文时间|发文日期|印发日期|生成日期|落款日期)\s*[:：]?\s*$/;
/** a bare 日期：/ 时间： label (a page's info line), trusted like 发布 only when nothing else names it */
const BARE_LABEL = /(^|\s)(日期|时间)\s*[:：]\s*$/;
/** a period or a range: the date is a bound, not a day */
const RANGE_AFTER = /^\s*(至|到|起|止|以来|之前|以前|前|后|[-—~～–])/;
const RANGE_BEFORE = /(自|从|截至|截止|至|到|[-—~～–])\s*$/;
/** a line holding only a date, in brackets or not, maybe with 发布 / 印发 after it */
const ONLY_DATE = /^[（(【\[]?\s*(?:日期\s*[:：]\s*)?$/;
const ONLY_DATE_AFTER = /^\s*(发布|印发|制发)?\s*[）)】\]]?$/;
/** a signature line: the agency's name then its date (淮安市人民政府 2025年1月20日) */
const SIGNATURE_BEFORE = /^[\p{Script=Han}（）()·]{2,40}\s*$/u;
const AGENCY_END = /(政府|办公室|办公厅|局|委员会|委|办|院|厅|处|中心|所|站|队|会|街道|街道办事处|管委会|公司|集团|镇|乡|部|署|馆|社)\s*$/;

/** The report's own date, or null. `year`: the year the statistics cover, when known. */
export function findPublishedDate(lines: string[], year: number | null): PublishedDate | null {
  const nonEmpty: number[] = [];
  lines.forEach((l, i) => l.trim() !== '' && nonEmpty.push(i));
  if (!nonEmpty.length) return null;
  const head = new Set(nonEmpty.slice(0, 12));
  const tail = new Set(nonEmpty.slice(-12));
  const own: PublishedDate[] = [];
  const published: PublishedDate[] = [];
  const written: PublishedDate[] = [];
  const bare: PublishedDate[] = [];
  const afterYearEnd = (iso: string) => year === null || iso > `${year}-12-31`;
  for (const i of nonEmpty) {
    const line = lines[i];
    if (!/\d{4}|[〇○零]/.test(line)) continue;
    for (const f of datesIn(line)) {
      const before = line.slice(0, f.index);
      const after = line.slice(f.end);
      if (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before)) continue;
      if (!afterYearEnd(f.iso)) continue;
      const hit = { date: f.iso, line: i + 1, text: line.trim() };
      if (PUBLISHED_LABEL.test(before)) published.push({ ...hit, how: 'published' });
      else if (WRITTEN_LABEL.test(before)) written.push({ ...hit, how: 'written' });
      else if (BARE_LABEL.test(before)) bare.push({ ...hit, how: 'published' });
      else if ((head.has(i) || tail.has(i)) && ONLY_DATE_AFTER.test(after)) {
        const signed = tail.has(i) && SIGNATURE_BEFORE.test(before) && AGENCY_END.test(before);
        if (ONLY_DATE.test(before) || signed) own.push({ ...hit, how: 'own' });
      }
    }
  }
  // the signature's date (the last one) over one under the title: it is the date it was signed
  if (own.length) return own[own.length - 1];
  return published[0] ?? written[0] ?? bare[0] ?? null;
}
