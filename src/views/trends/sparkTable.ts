// The trends view's per-agency table (pure): name, level, a sparkline, each year's value and the
// change from the first to the last year of the period.
import { change } from '../../lib/format';
import type { Lang } from '../../lib/i18n/messages';
import { STRINGS } from '../../lib/i18n/strings';
import { agencyHead, agencyHeadCols } from '../../lib/analysis/tables';
import { lazyTableRows, type TableSpec, type TCell, type TCol } from '../../lib/analysis/table';
import type { AgencySeries } from './trendsModel.svelte';

export function sparkTable(agencies: AgencySeries[], years: number[], metric: string, lang: Lang): TableSpec {
  const s = STRINGS[lang];
  const last = years.at(-1) ?? null;
  const cols: TCol[] = [
    ...agencyHeadCols(lang),
    { key: 'spark', label: s.sparkline, kind: 'spark' },
    ...years.map((y) => ({ key: `y${y}`, label: String(y), kind: 'count' as const, sortable: true })),
    { key: 'change', label: `${years[0] ?? ''}→${last ?? ''} ${s.change}`, kind: 'change', sortable: true },
  ];
  const yearAt = new Map(years.map((y, i) => [`y${y}`, i]));
  // one cell at a time (lazyTableRows): a page of rows is built when shown, a column when sorted
  const cell = (a: AgencySeries, key: string): TCell | undefined => {
    const i = yearAt.get(key);
    if (i !== undefined) return { v: a.values[i], metric };
    switch (key) {
      case 'agency': case 'level': return agencyHead(a, last, lang)[key];
      case 'spark': return { v: null, spark: a.values, title: years.map((y, j) => `${y} ${a.values[j] ?? '—'}`).join(lang === 'zh' ? '，' : ', ') };
      case 'change': return { v: change(a.values.at(-1), a.values[0]).pct, metric: `${metric}__change` };
      default: return undefined;
    }
  };
  const rows = lazyTableRows(agencies, cols, (a) => ({ key: a.agency_id, agency: a.agency_id, muted: a.is_aggregate }), cell);
  return { cols, rows };
}
