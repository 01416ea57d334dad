// The registry's words the app knows, in English: levels (levels.ts) and the demo city's
// categories. A registry may use other words: those are the user's data and shown as written
// (marked lang="zh" where rendered).
import type { Lang } from '../i18n/messages';

const LEVEL_EN: Readonly<Record<string, string>> = {
  市级: 'City government',
  市级部门: 'City department',
  区县: 'District/county',
  区县部门: 'District department',
  乡镇街道: 'Township/subdistrict',
  省级: 'Provincial government',
  省级部门: 'Provincial department',
};

const CATEGORY_EN: Readonly<Record<string, string>> = {
  综合: 'General',
  经济: 'Economy',
  社会: 'Social affairs',
  执法: 'Law enforcement',
  基层: 'Grassroots',
  区县政府: 'District government',
};

/** A level in the UI language; `known` false when it is the registry's own word, shown as is. */
export function levelLabel(level: string, lang: Lang): { text: string; known: boolean } {
  if (lang === 'zh') return { text: level, known: level in LEVEL_EN };
  const en = LEVEL_EN[level];
  return en ? { text: en, known: true } : { text: level, known: false };
}

export function categoryLabel(category: string, lang: Lang): { text: string; known: boolean } {
  if (lang === 'zh') return { text: category, known: category in CATEGORY_EN };
  const en = CATEGORY_EN[category];
  return en ? { text: en, known: true } : { text: category, known: false };
}

/** Plain text of a level or category, for captions and CSV. */
export const levelText = (l: string, lang: Lang) => levelLabel(l, lang).text;
export const categoryText = (c: string, lang: Lang) => categoryLabel(c, lang).text;

/** cells.csv's English label without the Chinese it quotes ("Rules (规章): issued" → "Rules:
 *  issued"), for running text. */
export const plainEn = (label: string) => label.replace(/\s*[(（][^)）]*[\u3400-\u9fff][^)）]*[)）]/g, '');

/** The same, as a label standing alone: sentence case (one capitalisation style in English). */
export const labelEn = (label: string) => {
  const p = plainEn(label);
  return p.charAt(0).toUpperCase() + p.slice(1);
};

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const cnNumber = (s: string) => (s.length === 2 && s[0] === '十' ? 10 + CN_DIGITS[s[1]] : CN_DIGITS[s] ?? NaN);

/** A form item's number, e.g. 三（三）1: as printed in Chinese, as "III.3.1" in English. */
export function itemLabel(item: string, lang: Lang): string {
  if (lang === 'zh') return item;
  const m = item.match(/^([一二三四五六七八九十]+)?(?:（([一二三四五六七八九十]+)）)?(\d+)?$/);
  if (!m || !item) return item.replace(/（/g, '(').replace(/）/g, ')');
  const parts = [m[1] ? ROMAN[cnNumber(m[1])] ?? m[1] : '', m[2] ? String(cnNumber(m[2])) : '', m[3] ?? ''].filter(Boolean);
  return parts.join('.');
}
