// The refusal-reasons view's tables (pure): the year's 19 reasons with their group subtotals, and
// agencies × reasons (the heatmap's text alternative).
import { rate } from '../../lib/format/rates';
import type { Lang } from '../../lib/i18n/messages';
import { STRINGS } from '../../lib/i18n/strings';
import { HANDLED_CODE, REASONS, REASON_GROUPS } from '../../lib/sql/keyMeasures';
import { metricLabel, reasonLabel, itemLabel } from '../../lib/analysis/labels';
import { agencyHead, agencyHeadCols } from '../../lib/analysis/tables';
import { lazyTableRows, type TableSpec, type TCell, type TCol, type TRow } from '../../lib/analysis/table';
import type { AgencyRow } from './refusalsModel.svelte';

export type HeatValue = 'per100' | 'count';

const per100 = (n: number | null, handled: number | null) => {
  const r = rate(n, handled);
  return r == null ? null : r * 100;
};

/** Each group's subtotal row, then its reasons; last, 三（七）总计. */
export function reasonsTable(get: (metric: string) => number | null, lang: Lang): TableSpec {
  const s = STRINGS[lang];
  const handled = get(HANDLED_CODE);
  const cols: TCol[] = [
    { key: 'item', label: s.item, kind: 'text' },
    { key: 'reason', label: s.reason, kind: 'text', head: true },
    { key: 'count', label: s.cases, kind: 'count' },
    { key: 'share_group', label: s.share_of_group, kind: 'rate' },
    { key: 'share_handled', label: s.share_of_handled, kind: 'rate', title: `${s.denominator}: ${metricLabel(HANDLED_CODE, lang)}` },
    { key: 'per100', label: s.per_100_handled, kind: 'per100' },
  ];
  const row = (key: string, item: string, label: string, n: number | null, groupTotal: number | null, muted = false): TRow => ({
    key, muted,
    cells: {
      item: { v: item }, reason: { v: label },
      count: { v: n, metric: key },
      share_group: { v: rate(n, groupTotal), metric: `${key}__share_group` },
      share_handled: { v: rate(n, handled), metric: `${key}__share_handled` },
      per100: { v: per100(n, handled), metric: `${key}__per100` },
    },
  });
  const rows: TRow[] = [];
  for (const g of REASON_GROUPS) {
    const gm = `${g}_total`;
    const gt = get(gm);
    rows.push(row(gm, '', metricLabel(gm, lang), gt, gt, true));
    for (const r of REASONS.filter((x) => x.group === g)) rows.push(row(r.code, itemLabel(r.item, lang), reasonLabel(r.code, lang), get(r.code), gt));
  }
  rows.push({ key: HANDLED_CODE, cells: { item: { v: itemLabel('三（七）', lang) }, reason: { v: metricLabel(HANDLED_CODE, lang) }, count: { v: handled, metric: HANDLED_CODE } } });
  return { cols, rows, caption: s.share_caption };
}

/** Agencies × reasons, each as count or per 100 handled by that agency. */
export function heatTable(agencies: AgencyRow[], year: number, value: HeatValue, lang: Lang): TableSpec {
  const cols: TCol[] = [
    ...agencyHeadCols(lang),
    { key: HANDLED_CODE, label: metricLabel(HANDLED_CODE, lang), kind: 'count', sortable: true },
    ...REASONS.map((r) => ({ key: r.code, label: `${itemLabel(r.item, lang)} ${reasonLabel(r.code, lang)}`, kind: value, sortable: true, title: metricLabel(r.code, lang) }) as TCol),
  ];
  const reasons = new Set<string>(REASONS.map((r) => r.code));
  // one cell at a time (lazyTableRows): a page of rows is built when shown, a column when sorted
  const cell = (a: AgencyRow, key: string): TCell | undefined => {
    if (reasons.has(key)) return { v: heatValue(a, key, value), metric: value === 'count' ? key : `${key}__per100` };
    if (key === HANDLED_CODE) return { v: a[HANDLED_CODE], metric: HANDLED_CODE };
    if (key === 'agency' || key === 'level') return agencyHead(a, year, lang)[key];
    return undefined;
  };
  return { cols, rows: lazyTableRows(agencies, cols, (a) => ({ key: a.agency_id, agency: a.agency_id, muted: a.is_aggregate }), cell) };
}

export function heatValue(a: AgencyRow, code: string, value: HeatValue): number | null {
  return value === 'count' ? a[code] : per100(a[code], a[HANDLED_CODE]);
}
