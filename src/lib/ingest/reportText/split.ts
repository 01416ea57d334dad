// Cells run together with no separator (web-archive text: "行政规范性文件31229"): every way to
// cut the digit strings into the row's cells, kept only where the row's own sums hold.
// Which one is right is decided later (by the section's sums) or not at all — never guessed.
import type { Cell } from './region';

const CAP = 20000;

/** Splits of the digit strings into exactly n cells (each string into one or more; no cell with
 *  a leading zero). `check` sees partial rows and prunes early. Null when there are too many. */
export function splitCandidates(
  raws: string[], n: number, check: (v: Cell[]) => boolean, groupSize = 0,
): { values: number[]; src: number[] }[] | null {
  if (raws.length === 1 && groupSize === n && n > 1) return splitOneGroup(raws[0], n, check);
  // with groups (… parts, total), a group's total can only be the digits of its parts' sum:
  // one choice instead of every length, which keeps a 20-digit row fast
  let groupSum = 0;
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
    const k = vals.length;
    const isTotal = groupSize > 1 && k % groupSize === groupSize - 1;
    if (groupSize > 1 && !isTotal) {
      // the group's total is at least as long as the sum so far: enough digits must be left
      const partsLeft = groupSize - 1 - (k % groupSize);
      if (remainingDigits < partsLeft + String(groupSum).length) return true;
    }
    // each later string needs at least one cell
    for (let len = 1; off + len <= s.length; len++) {
      if (isTotal) {
        const want = String(groupSum);
        if (!s.startsWith(want, off)) return true;
        len = want.length;
      }
      const piece = s.slice(off, off + len);
      if (piece.length > 1 && piece[0] === '0') break; // (a total's digits never start with 0)
      const last = off + len === s.length;
      if (!last && remainingCells - 1 < 1 + stringsLeft) { // only the whole rest can be the last cell
        if (isTotal) break;
        continue;
      }
      const saved = groupSum;
      groupSum = isTotal ? 0 : groupSum + Number(piece);
      vals.push(Number(piece));
      src.push(ri);
      if (check(vals)) {
        const cont = last ? rec(ri + 1, 0, usedLen + len) : rec(ri, off + len, usedLen + len);
        if (!cont) return false;
      }
      vals.pop();
      src.pop();
      groupSum = saved;
      if (isTotal) break;
    }
    return true;
  };
  return rec(0, 0, 0) ? out : null;
}

/** One string, one group (a section-三 row: six parts then their total): for each length of the
 *  total at the end, the parts before it, pruned as soon as their sum passes the total. */
function splitOneGroup(s: string, n: number, check: (v: Cell[]) => boolean): { values: number[]; src: number[] }[] | null {
  const out: { values: number[]; src: number[] }[] = [];
  const vals: number[] = [];
  let visits = 0;
  for (let lt = 1; lt <= s.length - (n - 1); lt++) {
    const tRaw = s.slice(s.length - lt);
    if (tRaw.length > 1 && tRaw[0] === '0') continue;
    const total = Number(tRaw);
    const prefix = s.slice(0, s.length - lt);
    const rec = (off: number, sum: number): boolean => {
      if (++visits > 2_000_000) return false;
      const k = vals.length;
      if (k === n - 1) {
        if (off === prefix.length && sum === total) {
          const values = [...vals, total];
          if (check(values)) out.push({ values, src: values.map(() => 0) });
          if (out.length > CAP) return false;
        }
        return true;
      }
      const partsLeft = n - 1 - k;
      for (let len = 1; off + len <= prefix.length - (partsLeft - 1); len++) {
        const piece = prefix.slice(off, off + len);
        if (len > 1 && piece[0] === '0') break;
        const v = Number(piece);
        if (sum + v > total) break;
        if (partsLeft === 1 && off + len !== prefix.length) continue;
        vals.push(v);
        const cont = rec(off + len, sum + v);
        vals.pop();
        if (!cont) return false;
      }
      return true;
    };
    if (!rec(0, 0)) return null;
  }
  return out;
}
