// Code lists the generator works with, all derived from the format module (cells.csv).
import {
  CARRIED_OUT_ROW, CELL_CODES, HANDLED_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_PART_COLUMNS, S3_ROWS,
  S3_TOTAL_COLUMN, SECTION2_CODES, allowsFraction, isCellCode, type CellCode, type S3Row,
} from '../../src/lib/format/cells';

export { CELL_CODES, S3_PART_COLUMNS, S3_ROWS, S3_TOTAL_COLUMN, HANDLED_ROW, CARRIED_OUT_ROW };
export type { CellCode, S3Row };

/** 一 new applications and 二 carried in, in form order. */
export const [NEW_ROW, CARRIED_IN_ROW] = RECEIVED_ROWS;
/** The 21 outcome rows that add up to 三（七）. */
export const OUTCOME_ROWS: readonly S3Row[] = S3_ROWS.filter((r) => OUTCOME_GROUPS.includes(r.group));

/** 规章 / 行政规范性文件: issued, repealed and in-force codes per family. */
export interface InForceFamily {
  prefix: string;
  issued: CellCode;
  repealed: CellCode;
  inForce: CellCode;
}
const IN_FORCE_SUFFIX = '_in_force';
export const IN_FORCE_FAMILIES: readonly InForceFamily[] = SECTION2_CODES.filter((c) => c.endsWith(IN_FORCE_SUFFIX)).map(
  (inForce) => {
    const prefix = inForce.slice(0, -IN_FORCE_SUFFIX.length);
    return { prefix, issued: mustCode(`${prefix}_issued`), repealed: mustCode(`${prefix}_repealed`), inForce };
  },
);

/** 行政许可 / 处罚 / 强制 decision counts. */
export const DECISION_CODES: readonly CellCode[] = SECTION2_CODES.filter((c) => c.endsWith('_decisions'));

/** The fee amount (万元), the only money cell. */
export const FEE_CODE: CellCode = (() => {
  const c = SECTION2_CODES.find(allowsFraction);
  if (!c) throw new Error('cells.csv: no money cell');
  return c;
})();

export function mustCode(s: string): CellCode {
  if (!isCellCode(s)) throw new Error(`no cell ${s}`);
  return s;
}

/** Index of a row key in a list; throws on a key the format does not have. */
export function rowIndex(rows: readonly S3Row[], key: string): number {
  const i = rows.findIndex((r) => r.key === key);
  if (i < 0) throw new Error(`no section 三 row ${key}`);
  return i;
}

/** Values keyed by name, checked against the names the format has (so a typo fails loudly). */
export function keyed<T>(names: readonly string[], table: Record<string, T>, fallback?: T): T[] {
  for (const k of Object.keys(table)) if (!names.includes(k)) throw new Error(`unknown key ${k}`);
  return names.map((n) => {
    const v = table[n] ?? fallback;
    if (v === undefined) throw new Error(`no value for ${n}`);
    return v;
  });
}
