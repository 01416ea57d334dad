// Compliance flags as CSV, the same columns in the app's export and `npm run audit`.
import type { Lang } from '../i18n/messages';
import type { Flag } from '../rules/types';
import { flagKey } from '../rules/types';
import { toCsv, type CsvCell } from './csv';

export interface ReviewLike {
  state: 'confirmed';
  note: string;
}

export const FLAG_COLUMNS = ['rule', 'severity', 'agency_id', 'agency', 'year', 'column', 'cells', 'expected', 'actual', 'message'] as const;
export const REVIEW_COLUMNS = ['review_state', 'review_note'] as const;

export function flagRow(f: Flag, lang: Lang): CsvCell[] {
  return [
    f.rule, f.severity, f.agency_id, f.agency, f.year, f.column ?? '', f.cells.join(' '),
    f.expected, f.actual, lang === 'zh' ? f.message_zh : f.message_en,
  ];
}

/** With `reviews`, two more columns: review_state (open / confirmed) and review_note. */
export function flagsToCsv(
  flags: readonly Flag[], lang: Lang, opts: { reviews?: ReadonlyMap<string, ReviewLike>; bom?: boolean } = {},
): string {
  const { reviews } = opts;
  const header: string[] = [...FLAG_COLUMNS, ...(reviews ? REVIEW_COLUMNS : [])];
  const rows = flags.map((f) => {
    const row = flagRow(f, lang);
    if (!reviews) return row;
    const r = reviews.get(flagKey(f));
    return [...row, r ? r.state : 'open', r?.note ?? ''];
  });
  return toCsv(header, rows, { bom: opts.bom });
}
