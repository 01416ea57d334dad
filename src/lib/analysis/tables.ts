// Builders of the analysis views' common table shapes (pure): years × measures, measures × years
// with year-over-year change, and agency rows.
import { change } from '../format';
import type { Lang } from '../i18n/messages';
import { STRINGS } from '../i18n/strings';
import { buildHash } from '../state/route';
import { metricLabel } from './labels';
import { levelText } from '../format/terms';
import type { ColKind, TCol, TableSpec, TRow } from './table';
import type { LflChange } from './likeForLike';
import { changeText } from '../i18n/changeStrings';

export type Lookup = (year: number, metric: string) => number | null;
const kindOf = (metric: string): ColKind => (metric === 's2_fee_amount' ? 'money' : 'count');

/** Rows = years, columns = measures (a chart's text alternative). */
export function yearsByMeasures(years: number[], metrics: readonly string[], get: Lookup, lang: Lang, labels?: string[]): TableSpec {
  const cols: TCol[] = [
    { key: 'year', label: STRINGS[lang].year, kind: 'text', head: true },
    ...metrics.map((m, i) => ({ key: m, label: labels?.[i] ?? metricLabel(m, lang), kind: kindOf(m) })),
  ];
  const rows: TRow[] = years.map((y) => ({
    key: String(y),
    cells: { year: { v: String(y) }, ...Object.fromEntries(metrics.map((m) => [m, { v: get(y, m), metric: m }])) },
  }));
  return { cols, rows };
}

/** Rows = measures, columns = each year's value and its change from the year before — over the
 *  like-for-like panel when `lfl` is given (the cell carries the change hooks and the panel size). */
export function measuresByYears(years: number[], metrics: readonly string[], get: Lookup, lang: Lang, labels?: string[],
  lfl?: (year: number, metric: string) => LflChange | null): TableSpec {
  const s = STRINGS[lang];
  const t = changeText(lang);
  const cols: TCol[] = [{ key: 'metric', label: s.measure, kind: 'text', head: true }];
  years.forEach((y, i) => {
    cols.push({ key: `y${y}`, label: String(y), kind: 'count' });
    if (i > 0) {
      const panel = lfl && metrics.length ? lfl(y, metrics[0])?.panel : undefined;
      cols.push(lfl
        ? { key: `yoy${y}`, label: lang === 'zh' ? `${y} ${s.yoy}（${t.panel(panel ?? 0)}）` : `${y} ${s.yoy} (${t.panel(panel ?? 0)})`, kind: 'change', title: t.panel_title }
        : { key: `yoy${y}`, label: `${y} ${s.yoy}`, kind: 'change', title: s.yoy_title });
    }
  });
  const rows: TRow[] = metrics.map((m, mi) => {
    const cells: TRow['cells'] = { metric: { v: labels?.[mi] ?? metricLabel(m, lang) } };
    years.forEach((y, i) => {
      const v = get(y, m);
      cells[`y${y}`] = { v, metric: m, kind: kindOf(m) };
      if (i === 0) return;
      if (!lfl) cells[`yoy${y}`] = { v: change(v, get(years[i - 1], m)).pct, metric: `${m}__yoy` };
      else {
        const c = lfl(y, m);
        cells[`yoy${y}`] = { v: c?.pct ?? null, metric: `${m}__yoy`, change: { of: m, abs: c?.abs ?? null, panel: c?.panel ?? 0 } };
      }
    });
    return { key: m, cells };
  });
  return { cols, rows, caption: s.yoy_title };
}

export function agencyHref(id: string, year?: number | null): string {
  return buildHash({ view: 'agency', args: [id], params: year ? { year: String(year) } : {} });
}

/** The first cells of an agency row: its name (a link to its page) and its level. */
export function agencyHead(a: { agency_id: string; name: string; level: string | null; is_aggregate: boolean }, year: number | null, lang: Lang): TRow['cells'] {
  const s = STRINGS[lang];
  return {
    agency: { v: a.name, href: agencyHref(a.agency_id, year), title: a.agency_id },
    level: { v: `${a.level ? levelText(a.level, lang) : ''}${a.is_aggregate ? ` · ${s.aggregate}` : ''}`, title: a.is_aggregate ? s.aggregate_note : undefined },
  };
}

export function agencyHeadCols(lang: Lang): TCol[] {
  const s = STRINGS[lang];
  return [
    { key: 'agency', label: s.agency, kind: 'text', head: true, sortable: true },
    { key: 'level', label: s.level, kind: 'text', sortable: true },
  ];
}
