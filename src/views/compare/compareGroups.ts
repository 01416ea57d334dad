// The compare table's column groups — volumes, rates, review and litigation, rank — which the
// user shows or hides (URL param `hide`, e.g. hide=rates,review). Pure.
import type { Lang } from '../../lib/i18n/messages';
import type { TableSpec } from '../../lib/analysis/table';

export const COLUMN_GROUPS = ['volumes', 'rates', 'review', 'rank'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];

const LABELS: Record<Lang, Record<ColumnGroup | 'columns', string>> = {
  zh: { volumes: '数量', rates: '比率', review: '复议与诉讼', rank: '排名', columns: '显示列组' },
  en: { volumes: 'Volumes', rates: 'Rates', review: 'Review and litigation', rank: 'Rank', columns: 'Column groups' },
};
export const groupLabel = (g: ColumnGroup | 'columns', lang: Lang) => LABELS[lang][g];

const REVIEW = new Set(['s4_review_total', 'review_decided', 'review_correction_rate', 'suit_total']);

/** The group of a compare column (agency, level and the checkbox belong to none). */
export function groupOf(key: string, kind: string): ColumnGroup | undefined {
  if (REVIEW.has(key)) return 'review';
  if (key === 'rank' || key === 'peers' || key === 'pct') return 'rank';
  if (kind === 'rate') return 'rates';
  if (kind === 'count') return 'volumes';
  return undefined;
}

export function parseHidden(param: string | undefined): ColumnGroup[] {
  return (param ?? '').split(',').filter((g): g is ColumnGroup => (COLUMN_GROUPS as readonly string[]).includes(g));
}

/** The table with its measure columns grouped (in group order, stable within one) and labelled,
 *  and the hidden groups' columns left out (from the CSV too: it exports what is shown). */
export function withGroups(spec: TableSpec, hidden: readonly ColumnGroup[], lang: Lang): TableSpec {
  const rankOf = (g: ColumnGroup | undefined) => (g ? COLUMN_GROUPS.indexOf(g) + 1 : 0);
  const cols = spec.cols
    .map((c, i) => ({ c: { ...c, group: groupOf(c.key, c.kind) }, i }))
    .sort((a, b) => rankOf(a.c.group) - rankOf(b.c.group) || a.i - b.i)
    .map(({ c }) => ({ ...c, group: c.group ? groupLabel(c.group, lang) : undefined, hidden: c.group ? hidden.includes(c.group) : false }))
    .filter((c) => !c.hidden)
    .map(({ hidden: _h, ...c }) => c);
  return { ...spec, cols };
}
