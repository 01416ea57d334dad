// Shared settings of the property-based tests: a small sample in the normal run, ≥10,000 cases
// each under `npm run fuzz` (FUZZ_RUNS). A failure prints fast-check's seed and path to replay it.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Problem } from '../../../src/lib/i18n/messages';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** No single case may take longer than this (a hang shows as a failed bound, or the test timeout). */
export const CASE_MS = Number(process.env.FUZZ_CASE_MS ?? 2000);
/** Test timeout, scaled with the number of cases. */
export const TIMEOUT = Math.max(60_000, RUNS * 40);

/** The normal run uses a fixed seed (a CI run never flakes on a rare case); `npm run fuzz` draws a
 *  new one each time (printed on failure; FUZZ_SEED replays it). */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? undefined : 20261125;
export const params = (): fc.Parameters<unknown> => ({ numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) });

export function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  if (ms > CASE_MS) throw new Error(`one case took ${ms.toFixed(0)} ms (bound ${CASE_MS} ms)`);
  return out;
}

/** Every problem says where (file, a line ≥ 0, a column string) and why, in both languages. */
export function expectLocated(problems: Problem[], file: string) {
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(typeof p.column).toBe('string');
    expect(p.message_zh.trim().length).toBeGreaterThan(0);
    expect(p.message_en.trim().length).toBeGreaterThan(0);
  }
}

/** Agency-like names: CJK, ASCII, CSV/HTML metacharacters, full-width forms; trimmed, non-empty. */
const NAME_CHARS = [...'市区县局委办政府公开信息数据中卫甲乙丙丁', ...'abcXYZ019 -_.', ...',"\'\n<>&;|/\\=+@', ...'（）｜，；　１２'];
export const agencyName = fc
  .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
