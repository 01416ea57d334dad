// Punctuation by language: full-width in Chinese, half-width (with a space before an opening
// parenthesis) in English.
import type { Lang } from './messages';

export const paren = (s: string, lang: Lang) => (lang === 'zh' ? `（${s}）` : ` (${s})`);
export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
export const semi = (lang: Lang) => (lang === 'zh' ? '；' : '; ');
export const comma = (lang: Lang) => (lang === 'zh' ? '，' : ', ');
