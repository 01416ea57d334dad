// How much of section 五 is the same as last year's: the share of characters in common,
// 1 − (edit distance ÷ length of the longer text), over characters (code points, not bytes:
// DuckDB's levenshtein counts UTF-8 bytes, three per Han character). Pure.

/** Texts shorter than this ("无。") are not compared: identical short texts mean nothing. */
export const COPY_MIN_CHARS = 40;

export function editDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length < b.length) return editDistance(b, a);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** Share of characters in common, or null when either text is too short to compare. */
export function charShare(a: string, b: string): number | null {
  const x = [...a];
  const y = [...b];
  if (x.length < COPY_MIN_CHARS || y.length < COPY_MIN_CHARS) return null;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}
