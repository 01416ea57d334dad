// A view's table as data (pure): columns, rows of raw values, sorting, the shown text of a cell,
// and the CSV export of exactly what is shown, in its order. DataTable.svelte renders it.
import { fmtCount, fmtDecimal, fmtMoney, fmtRate, fmtSigned } from '../format';
import type { Lang } from '../i18n/messages';
import { toCsv, type CsvCell } from '../export/csv';

/** How a column's raw value is shown: counts, 万元 amounts, rates/shares (fractions), cases per
 *  100, signed relative changes, ranks, text, a sparkline picture, a selection checkbox. */
export type ColKind = 'text' | 'count' | 'money' | 'rate' | 'per100' | 'change' | 'rank' | 'spark' | 'select';

export interface TCol {
  key: string;
  label: string;
  kind: ColKind;
  sortable?: boolean;
  /** the row header column (rendered as th scope=row) */
  head?: boolean;
  /** a longer description (formula, denominator) for the header's title */
  title?: string;
  /** the column group it belongs to (compare: volumes, rates, review and litigation, rank) */
  group?: string;
}

export interface TCell {
  v: number | string | null;
  /** data-metric of a figure (cell code, rate name or derived measure name) */
  metric?: string;
  href?: string;
  title?: string;
  /** formats this cell unlike its column (e.g. the 万元 fee row of a counts table) */
  kind?: ColKind;
  /** values of a sparkline cell */
  spark?: (number | null)[];
  /** a like-for-like change: hooks data-change-of, data-value (absolute change), data-panel */
  change?: { of: string; abs: number | null; panel: number };
}

export interface TRow {
  key: string;
  /** agency_id when the row is about one agency (data-agency) */
  agency?: string;
  /** read-only for rows made by lazyTableRows (built when first read) */
  readonly cells: Record<string, TCell>;
  /** a muted row, e.g. an aggregate report that totals never add */
  muted?: boolean;
  /** one column's raw value without building the row's cells (lazyTableRows): sorting and exporting
   *  16,700 rows read values only */
  value?: (col: string) => number | string | null;
}

/** The raw value of a row's column (what sorting and the CSV export use). */
/** Text with Chinese characters in it: in the English UI that is the user's data (an agency's
 *  name, a registry word), marked lang="zh-CN" so it is read and drawn as Chinese. */
export const zhLang = (v: unknown): 'zh-CN' | undefined => (typeof v === 'string' && /[\u3400-\u9fff]/.test(v) ? 'zh-CN' : undefined);

export function valueOf(row: TRow, col: string): number | string | null {
  return row.value ? row.value(col) : (row.cells[col]?.v ?? null);
}

/** Rows of a big table made cheaply: a row's cells (links, titles, formatted denominators) are
 *  built when the row is first shown, from one function per cell; sorting and export read a
 *  single cell's value. Building every cell of 16,700 agencies up front took seconds. */
export function lazyTableRows<T>(
  items: readonly T[],
  cols: readonly TCol[],
  meta: (item: T) => { key: string; agency?: string; muted?: boolean },
  cell: (item: T, col: string) => TCell | undefined,
): TRow[] {
  const keys = cols.map((c) => c.key);
  return items.map((item) => new LazyRow(item, meta(item), keys, cell));
}

class LazyRow<T> implements TRow {
  key: string;
  agency?: string;
  muted?: boolean;
  #cells: Record<string, TCell> | null = null;
  readonly #item: T;
  readonly #keys: readonly string[];
  readonly #cell: (item: T, col: string) => TCell | undefined;

  constructor(item: T, m: { key: string; agency?: string; muted?: boolean }, keys: readonly string[], cell: (item: T, col: string) => TCell | undefined) {
    this.key = m.key;
    this.agency = m.agency;
    this.muted = m.muted;
    this.#item = item;
    this.#keys = keys;
    this.#cell = cell;
  }

  get cells(): Record<string, TCell> {
    if (!this.#cells) {
      const cells: Record<string, TCell> = {};
      for (const k of this.#keys) {
        const c = this.#cell(this.#item, k);
        if (c) cells[k] = c;
      }
      this.#cells = cells;
    }
    return this.#cells;
  }

  value(col: string): number | string | null {
    return (this.#cells ? this.#cells[col] : this.#cell(this.#item, col))?.v ?? null;
  }
}

export interface TableSpec {
  cols: TCol[];
  rows: TRow[];
  caption?: string;
}

export type SortDir = 'asc' | 'desc';

/** Rows sorted by one column; blanks last in both directions, ties in their given order. */
export function sortRows(rows: readonly TRow[], key: string | null, dir: SortDir, lang: Lang = 'zh'): TRow[] {
  if (!key) return [...rows];
  const sign = dir === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  // each value read once (not once per comparison): a lazy row builds its cell to answer
  return rows
    .map((r, i) => ({ r, i, v: valueOf(r, key) }))
    .sort((a, b) => {
      const x = a.v;
      const y = b.v;
      if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((o) => o.r);
}

/** The text a cell shows (numbers through the one formatter; blank as "—"). */
export function cellText(kind: ColKind, v: number | string | null, lang: Lang): string {
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'money': return fmtMoney(v, lang);
    case 'rate': return fmtRate(v, lang);
    case 'per100': return fmtDecimal(v, lang, 1);
    case 'change': return fmtSigned(v, (x) => fmtRate(x, lang));
    case 'text': return v == null ? '' : String(v);
    default: return fmtCount(v, lang);
  }
}

const EXPORTED = (c: TCol) => c.kind !== 'spark' && c.kind !== 'select';

export interface CsvOptions {
  /** the year the rows are about: a year column is added when the table has none */
  year?: number | string | null;
  /** raw: rates as ratios (0.95); formatted: rates as percentages (95.0) — labelled either way */
  numbers?: 'raw' | 'formatted';
  lang?: Lang;
}

const RATE_KINDS: readonly ColKind[] = ['rate', 'change'];
const UNIT = {
  zh: { ratio: '（比值）', pct: '（%）', year: '年度' },
  en: { ratio: ' (ratio)', pct: ' (%)', year: 'Year' },
} as const;

/** The table as CSV: the shown columns in order (pictures and checkboxes left out), blanks empty.
 *  Rates and changes as ratios (raw, the default) or percentages (formatted), the header saying
 *  which; with `year`, a year column first when the rows do not carry one. */
export function tableCsv(spec: TableSpec, opts: CsvOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const u = UNIT[lang];
  const pct = opts.numbers === 'formatted';
  const cols = spec.cols.filter(EXPORTED);
  const addYear = opts.year != null && opts.year !== '' && !cols.some((c) => c.key === 'year');
  const isRate = (c: TCol, r?: TRow) => RATE_KINDS.includes((r?.cells[c.key]?.kind ?? c.kind) as ColKind);
  const header = cols.map((c) => (isRate(c) ? `${c.label}${pct ? u.pct : u.ratio}` : c.label));
  const rows: CsvCell[][] = spec.rows.map((r) => {
    const vals = cols.map((c) => {
      const v = valueOf(r, c.key);
      return pct && typeof v === 'number' && isRate(c) ? Math.round(v * 1e4) / 100 : v;
    });
    return addYear ? [opts.year!, ...vals] : vals;
  });
  return toCsv(addYear ? [u.year, ...header] : header, rows);
}

/** A table has rate columns (its CSV is offered as ratios and as percentages). */
export const hasRates = (spec: TableSpec) => spec.cols.some((c) => RATE_KINDS.includes(c.kind));

/** Columns that start ascending (names read A→Z); figures start largest first. */
const TEXT_SORT_KEYS = ['agency', 'level'];

/** Sort state from the URL (`sort`, `dir`), else the given default column, largest first. */
export function sortOf(params: Record<string, string>, fallback: string): { key: string; dir: SortDir } {
  const key = params.sort || fallback;
  return { key, dir: params.dir === 'asc' ? 'asc' : 'desc' };
}

/** Params after clicking a sortable header: same column flips, a new one starts descending
 *  (names ascending). */
export function toggleSort(params: Record<string, string>, key: string, cur: { key: string; dir: SortDir }): Record<string, string> {
  const dir: SortDir = cur.key === key ? (cur.dir === 'asc' ? 'desc' : 'asc') : TEXT_SORT_KEYS.includes(key) ? 'asc' : 'desc';
  return { ...params, sort: key, dir };
}
