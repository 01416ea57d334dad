// Cells run together with no separator (web-archive text: "行政规范性文件31229"): every way to
// cut the digit strings into the row's cells, kept only where the row's own sums hold.
// Which one is right is decided later (by the section's sums) or not at all — never guessed.
import type { Cell } from './region';

const CAP = 20000;

/** Splits of the digit strings into exactly n cells (each string into one or more; no cell with
 *  a leading zero). `check` sees partial rows and prunes early. Null when there are too many. */
export function splitCandidates(
  raws: string[], n: number, check: (v: Cell[]) => boolean,
): { values: number[]; src: number[] }[] | null {
  const out: { values: number[]; src: number[] }[] = [];
  const vals: number[] = [];
  const src: number[] = [];
  let visits = 0;
  const totalLen = raws.reduce((s, r) => s + r.length, 0);
  // rec over (string index, offset in it)
  const rec = (ri: number, off: number, usedLen: number): boolean => {
    if (++visits > 2_000_000) return false;
    if (ri === raws.length) {
      if (vals.length === n) {
        out.push({ values: [...vals], src: [...src] });
        if (out.length > CAP) return false;
      }
      return true;
    }
    const s = raws[ri];
    const remainingCells = n - vals.length;
    const remainingDigits = totalLen - usedLen;
    if (remainingCells <= 0 || remainingDigits < remainingCells) return true;
    const stringsLeft = raws.length - ri - 1;
    // each later string needs at least one cell
    for (let len = 1; off + len <= s.length; len++) {
      const piece = s.slice(off, off + len);
      if (piece.length > 1 && piece[0] === '0') break;
      const last = off + len === s.length;
      if (!last && remainingCells - 1 < 1 + stringsLeft) continue; // only the whole rest can be the last cell
      vals.push(Number(piece));
      src.push(ri);
      if (check(vals)) {
        const cont = last ? rec(ri + 1, 0, usedLen + len) : rec(ri, off + len, usedLen + len);
        if (!cont) return false;
      }
      vals.pop();
      src.pop();
    }
    return true;
  };
  return rec(0, 0, 0) ? out : null;
}
