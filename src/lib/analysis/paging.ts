// Paging of long tables (pure): a table lists every agency of a province-sized registry (16,700
// agencies and more), but the page holds one page of rows at a time — rendering them all took
// ~50 s and gigabytes. Sorting, selection and export still see every row; only the DOM is paged.
import { fmtCount } from '../format';
import type { Lang } from '../i18n/messages';
import { STRINGS } from '../i18n/strings';

export const PAGE_SIZE = 100;

export interface PageInfo {
  /** 0-based page shown, clamped to the pages there are */
  page: number;
  pages: number;
  /** 0-based, end exclusive: rows[start, end) are shown */
  start: number;
  end: number;
  total: number;
}

export function pageInfo(total: number, page: number, size = PAGE_SIZE): PageInfo {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  const start = p * size;
  return { page: p, pages, start, end: Math.min(total, start + size), total };
}

/** "第 1–100 行，共 16,700 行" / "Rows 1–100 of 16,700". */
export function rangeText(info: PageInfo, lang: Lang): string {
  return STRINGS[lang].page_range
    .replace('{from}', fmtCount(info.total ? info.start + 1 : 0, lang))
    .replace('{to}', fmtCount(info.end, lang))
    .replace('{total}', fmtCount(info.total, lang));
}

export function pageOfText(info: PageInfo, lang: Lang): string {
  return STRINGS[lang].page_of.replace('{page}', fmtCount(info.page + 1, lang)).replace('{pages}', fmtCount(info.pages, lang));
}

/** What identifies a set of rows for paging: when it changes (other filters, other data) the table
 *  goes back to its first page; a language switch or a rebuilt but equal table keeps the page. */
export function rowSetKey<T>(items: readonly T[], key: (item: T) => string): string {
  return items.length ? `${items.length}|${key(items[0])}|${key(items[items.length - 1])}` : '0';
}
