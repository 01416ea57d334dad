// The agency page's form as a table for CSV export (pure): every cell in printed order with its
// item, row and column labels from cells.csv, the value, last year's value and change, and (for
// an aggregate) the members' sum.
import { CELL_BY_CODE } from '../../lib/format/cells';
import { change } from '../../lib/format';
import { FORM_ORDER } from '../../lib/format/formLayout';
import type { Lang } from '../../lib/i18n/messages';
import { STRINGS } from '../../lib/i18n/strings';
import type { TableSpec, TCol } from '../../lib/analysis/table';

type Values = Readonly<Record<string, number | null | undefined>>;

export function formTable(values: Values, prev: Values | null, second: Values | null, lang: Lang): TableSpec {
  const s = STRINGS[lang];
  const cols: TCol[] = [
    { key: 'code', label: s.code, kind: 'text' },
    { key: 'item', label: s.item, kind: 'text' },
    { key: 'row', label: s.form_row, kind: 'text', head: true },
    { key: 'col', label: s.form_col, kind: 'text' },
    { key: 'value', label: s.value, kind: 'money' },
  ];
  if (prev) cols.push({ key: 'prev', label: s.prev_year, kind: 'money' }, { key: 'change', label: s.change, kind: 'money' });
  if (second) cols.push({ key: 'second', label: s.members_sum, kind: 'money' });
  return {
    cols,
    rows: FORM_ORDER.map((code) => {
      const c = CELL_BY_CODE.get(code)!;
      const v = values[code] ?? null;
      const p = prev ? (prev[code] ?? null) : null;
      return {
        key: code,
        cells: {
          code: { v: code }, item: { v: c.item }, row: { v: c.row_label_zh }, col: { v: c.col_label_zh },
          value: { v, metric: code },
          ...(prev ? { prev: { v: p, metric: `${code}__prev` }, change: { v: change(v, p).abs, metric: `${code}__change` } } : {}),
          ...(second ? { second: { v: second[code] ?? null, metric: `members_sum__${code}` } } : {}),
        },
      };
    }),
  };
}
