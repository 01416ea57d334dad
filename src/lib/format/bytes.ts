// Sizes for people: grouped digits and a unit that keeps the number short (not "10737.6 MB").
import type { Lang } from '../i18n/messages';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** 1,536 → "1.5 KB", 10,737,418,240 → "10 GB" (binary units, as browsers and disks report). */
export function fmtBytes(n: number | null | undefined, lang: Lang = 'zh'): string {
  if (n == null || !Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u += 1;
  }
  // three significant figures at most: 0.1 MB → 123 KB, 10.0 GB → 10 GB
  const digits = u === 0 || v >= 100 ? 0 : v >= 10 ? (Number.isInteger(Math.round(v * 10) / 10) ? 0 : 1) : 1;
  const text = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);
  return `${text} ${UNITS[u]}`;
}
