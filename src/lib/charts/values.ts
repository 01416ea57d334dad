// What the charts share: the palette, the kinds of value a chart shows and their formatting.
import { fmtCompact, fmtCount, fmtDecimal, fmtMoney, fmtRate } from '../format';
import type { Lang } from '../i18n/messages';

export type ValueKind = 'count' | 'money' | 'rate' | 'per100';

export const PALETTE = ['#2f6fb3', '#d9534f', '#3c9d6b', '#f0ad4e', '#6b4fa3', '#8c8c8c', '#7fb3e6', '#c17d2f', '#1f3b5c', '#e377c2'];

export function fmtValue(v: number | null | undefined, kind: ValueKind, lang: Lang): string {
  if (kind === 'rate') return fmtRate(v, lang);
  if (kind === 'per100') return fmtDecimal(v, lang, 1);
  if (kind === 'money') return fmtMoney(v, lang);
  return fmtCount(v, lang);
}

/** An axis tick: whole percentages for rates, compact numbers otherwise (1.2万, 12K). */
export const fmtCompactValue = (v: number, kind: ValueKind, lang: Lang) => (kind === 'rate' ? fmtRate(v, lang, 0) : fmtCompact(v, lang));

/** "name：value" in Chinese, "name: value" in English. */
export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
