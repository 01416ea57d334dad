// Σ of some cells of one report row, in JS, with the same blank rule as SQL's rowSumOfCodes:
// blank only when every cell is blank (a blank is never counted as 0 on its own).
export function rowSum(row: Readonly<Record<string, unknown>>, codes: readonly string[]): number | null {
  let any = false;
  let s = 0;
  for (const c of codes) {
    const v = row[c];
    if (typeof v !== 'number') continue;
    any = true;
    s += v;
  }
  return any ? s : null;
}
