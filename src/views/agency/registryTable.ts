// The agency view's registry (pure): every agency with its level, category and number of reports,
// each a link to its page. Rows built lazily: a registry holds 25,000 agencies and more.
import type { Lang } from '../../lib/i18n/messages';
import { STRINGS } from '../../lib/i18n/strings';
import { agencyHref } from '../../lib/analysis/tables';
import { lazyTableRows, type TableSpec, type TCell, type TCol } from '../../lib/analysis/table';
import type { ListRow } from './agencyModel.svelte';

export function registryTable(list: readonly ListRow[], lang: Lang): TableSpec {
  const s = STRINGS[lang];
  const cols: TCol[] = [
    { key: 'agency', label: s.agency, kind: 'text', head: true },
    { key: 'level', label: s.level, kind: 'text' },
    { key: 'category', label: s.category, kind: 'text' },
    { key: 'reports', label: s.reports_count, kind: 'count' },
  ];
  const cell = (a: ListRow, key: string): TCell | undefined => {
    switch (key) {
      case 'agency': return { v: a.name, href: agencyHref(a.agency_id), title: a.agency_id };
      case 'level': return { v: `${a.level ?? ''}${a.is_aggregate ? ` · ${s.aggregate}` : ''}` };
      case 'category': return { v: a.category ?? '' };
      case 'reports': return { v: a.reports, metric: 'reports_count' };
      default: return undefined;
    }
  };
  return { cols, rows: lazyTableRows(list, cols, (a) => ({ key: a.agency_id, agency: a.agency_id, muted: a.is_aggregate }), cell) };
}
