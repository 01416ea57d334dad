// What an exported chart PNG says about itself: its title, the filters in force, where the data
// comes from and when it was exported. Pure; pngWithCaption (mount.ts) draws it.
import type { Lang } from '../i18n/messages';
import { categoryText, levelText } from '../format/terms';
import { parseFilters } from '../state/filters';

export interface CaptionInput {
  title: string;
  params: Record<string, string>;
  lang: Lang;
  /** the bundled synthetic demo city is among the data */
  demo: boolean;
  /** agency-years loaded, when known */
  reports?: number | null;
  now?: Date;
}

const WORDS = {
  zh: { year: '年度', period: '期间', level: '层级', category: '类别', q: '机构', xl: '不含新收最多的机构', none: '全部机构', filters: '筛选', source: '数据来源', demo: '示例市（合成演示数据，非真实统计）', reports: '政府信息公开工作年度报告', count: (n: string) => `，${n} 份`, exported: '导出于', sep: '；', colon: '：' },
  en: { year: 'Year', period: 'Period', level: 'Level', category: 'Category', q: 'Agency', xl: 'largest agency excluded', none: 'all agencies', filters: 'Filters', source: 'Source', demo: 'fictional city 示例市 (synthetic demo data, not real statistics)', reports: 'annual government information disclosure reports', count: (n: string) => `, ${n} reports`, exported: 'Exported', sep: '; ', colon: ': ' },
} as const;

/** The filters as one line, e.g. "年度：2024；层级：区县". */
export function filterLine(params: Record<string, string>, lang: Lang): string {
  const w = WORDS[lang];
  const f = parseFilters(params);
  const parts: string[] = [];
  if (f.year != null) parts.push(`${w.year}${w.colon}${f.year}`);
  if (f.from != null || f.to != null) parts.push(`${w.period}${w.colon}${f.from ?? ''}–${f.to ?? ''}`);
  if (f.level) parts.push(`${w.level}${w.colon}${levelText(f.level, lang)}`);
  if (f.category) parts.push(`${w.category}${w.colon}${categoryText(f.category, lang)}`);
  if (f.q) parts.push(`${w.q}${w.colon}${f.q}`);
  if (f.excludeLargest) parts.push(w.xl);
  return `${w.filters}${w.colon}${parts.length ? parts.join(w.sep) : w.none}`;
}

/** The caption's lines: title, filters, source, export date (local, YYYY-MM-DD HH:mm). */
export function captionLines(c: CaptionInput): string[] {
  const w = WORDS[c.lang];
  const now = c.now ?? new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
  const n = c.reports != null ? w.count(new Intl.NumberFormat(c.lang === 'zh' ? 'zh-CN' : 'en-US').format(c.reports)) : '';
  const source = `${w.source}${w.colon}${c.demo ? w.demo : w.reports}${n}`;
  return [c.title, filterLine(c.params, c.lang), source, `${w.exported}${w.colon}${date}`];
}
