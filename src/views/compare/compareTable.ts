// The compare view's table (pure): agencies × key measures, each rate next to the count it is
// divided by, and the rank, peer count and percentile of the sorted measure within the level.
import { fmtCount } from '../../lib/format';
import type { Lang } from '../../lib/i18n/messages';
import { STRINGS } from '../../lib/i18n/strings';
import { COMPARE_METRICS, NEW_CODE } from '../../lib/sql/keyMeasures';
import { metricLabel, rateFormula } from '../../lib/analysis/labels';
import { agencyHead, agencyHeadCols } from '../../lib/analysis/tables';
import { lazyTableRows, type TableSpec, type TCell, type TCol } from '../../lib/analysis/table';
import type { CompareRow } from './compareModel.svelte';
import { changeText } from '../../lib/i18n/changeStrings';
import { paren, semi } from '../../lib/i18n/punct';

/** The measure ranks are shown for: the sorted column if it is a measure, else new applications. */
export function rankMetric(sortKey: string | null): string {
  return COMPARE_METRICS.some((m) => m.name === sortKey) ? sortKey! : NEW_CODE;
}

export function compareTable(rows: CompareRow[], year: number, sortKey: string | null, lang: Lang): TableSpec {
  const s = STRINGS[lang];
  const rm = rankMetric(sortKey);
  const rmLabel = metricLabel(rm, lang);
  const t = changeText(lang);
  const rmIsRate = COMPARE_METRICS.find((m) => m.name === rm)?.kind === 'rate';
  const direction = t.pct_direction(lang === 'zh' ? rmLabel : rmLabel.toLowerCase(), rmIsRate);
  const cols: TCol[] = [
    { key: 'select', label: s.select, kind: 'select' },
    ...agencyHeadCols(lang),
    ...COMPARE_METRICS.map((m): TCol => ({
      key: m.name,
      label: m.kind === 'rate' ? `${metricLabel(m.name, lang)}${paren(`÷${metricLabel(m.denMetric!, lang)}`, lang)}` : metricLabel(m.name, lang),
      kind: m.kind === 'rate' ? 'rate' : 'count',
      sortable: true,
      title: rateFormula(m.name, lang),
    })),
    { key: 'rank', label: `${s.peer_rank}${paren(rmLabel, lang)}`, kind: 'rank', sortable: true, title: s.peer_rank_title },
    { key: 'peers', label: s.peers, kind: 'count', sortable: true },
    { key: 'pct', label: `${s.percentile}${paren(`${rmLabel}${semi(lang)}${direction}`, lang)}`, kind: 'rate', sortable: true, title: `${s.percentile_title}${lang === 'zh' ? '。' : '. '}${t.peers_rule}` },
  ];
  const rates = new Map(COMPARE_METRICS.filter((m) => m.kind === 'rate').map((m) => [m.name, rateFormula(m.name, lang)]));
  const measures = new Set(COMPARE_METRICS.map((m) => m.name));
  // one cell at a time (lazyTableRows): a page of rows is built when shown, a column when sorted
  const cell = (r: CompareRow, key: string): TCell | undefined => {
    if (key === 'agency' || key === 'level') return agencyHead(r, year, lang)[key];
    if (measures.has(key)) {
      const formula = rates.get(key);
      return { v: r[key], metric: key, title: formula === undefined ? undefined : `${formula}${lang === 'zh' ? '；' : '; '}${s.denominator} ${fmtCount(r[`${key}__den`], lang)}` };
    }
    // fewer than 2 peers: "—", and why
    const noPeer = r[`${rm}__rank`] == null ? t.no_peer(r[`${rm}__peers`] ?? 0) : undefined;
    if (key === 'rank') return { v: r[`${rm}__rank`], metric: `${rm}__rank`, title: noPeer };
    if (key === 'peers') return { v: r[`${rm}__peers`], metric: `${rm}__peers`, title: noPeer };
    if (key === 'pct') return { v: r[`${rm}__pct`], metric: `${rm}__pct`, title: noPeer };
    return undefined;
  };
  return {
    cols,
    caption: s.compare_caption,
    rows: lazyTableRows(rows, cols, (r) => ({ key: r.agency_id, agency: r.agency_id, muted: r.is_aggregate }), cell),
  };
}

/** Rows = the selected agencies, columns = some measures (a side-by-side chart's table). */
export function selectedTable(rows: CompareRow[], year: number, metrics: readonly string[], lang: Lang): TableSpec {
  const kind = (m: string) => (COMPARE_METRICS.find((x) => x.name === m)?.kind === 'rate' ? 'rate' : 'count') as TCol['kind'];
  return {
    cols: [...agencyHeadCols(lang), ...metrics.map((m): TCol => ({ key: m, label: metricLabel(m, lang), kind: kind(m), title: rateFormula(m, lang) }))],
    rows: rows.map((r) => ({
      key: r.agency_id,
      agency: r.agency_id,
      cells: { ...agencyHead(r, year, lang), ...Object.fromEntries(metrics.map((m) => [m, { v: r[m], metric: m }])) },
    })),
  };
}
