// The report format as data. Everything here is derived from cells.csv (via cells.generated.ts):
// no label, group or code list is typed by hand.
import { CELL_ROWS } from './cells.generated';

export type CellDef = (typeof CELL_ROWS)[number];
export type CellCode = CellDef['code'];
export type CellGroup = CellDef['group'];
export type Section = CellDef['section'];

export const CELLS: readonly CellDef[] = CELL_ROWS;
export const CELL_CODES: readonly CellCode[] = CELL_ROWS.map((c) => c.code);
export const CELL_BY_CODE: ReadonlyMap<string, CellDef> = new Map(CELL_ROWS.map((c) => [c.code, c]));

export function isCellCode(s: string): s is CellCode {
  return CELL_BY_CODE.has(s);
}

/** Codes of one group, in form order. */
export function codesOfGroup(group: CellGroup): CellCode[] {
  return CELL_ROWS.filter((c) => c.group === group).map((c) => c.code);
}

const S3 = CELL_ROWS.filter((c) => c.section === '三');
const S3_FIRST_ROW = S3.filter((c) => c.item === S3[0].item);

/** Section 三 column keys, in form order (natural … other_org, total), derived from its first row
 *  (column keys may contain '_', e.g. other_org, so they are what follows the row's common prefix). */
export const S3_COLUMNS: readonly string[] = (() => {
  const prefix = commonPrefix(S3_FIRST_ROW.map((c) => c.code));
  return S3_FIRST_ROW.map((c) => c.code.slice(prefix.length));
})();
export type S3Column = string;
export const S3_TOTAL_COLUMN = S3_COLUMNS[S3_COLUMNS.length - 1];
/** The applicant-type columns that add up to the total column. */
export const S3_PART_COLUMNS = S3_COLUMNS.slice(0, -1);

function commonPrefix(xs: string[]): string {
  let p = xs[0];
  for (const x of xs) while (!x.startsWith(p)) p = p.slice(0, -1);
  return p;
}

export interface S3Row {
  /** row key, e.g. "deny_state_secret" */
  key: string;
  item: string;
  label_zh: string;
  group: CellGroup;
  /** code per column key */
  codes: Record<string, CellCode>;
}

/** Section 三 rows in form order, each with its 7 codes. */
export const S3_ROWS: readonly S3Row[] = (() => {
  const rows: S3Row[] = [];
  for (let i = 0; i < S3.length; i += S3_COLUMNS.length) {
    const chunk = S3.slice(i, i + S3_COLUMNS.length);
    const col0 = S3_COLUMNS[0];
    const key = chunk[0].code.slice(3, chunk[0].code.length - col0.length - 1);
    const codes: Record<string, CellCode> = {};
    chunk.forEach((c, j) => {
      if (c.code !== `s3_${key}_${S3_COLUMNS[j]}`) throw new Error(`cells.csv: unexpected code order at ${c.code}`);
      codes[S3_COLUMNS[j]] = c.code;
    });
    rows.push({ key, item: chunk[0].item, label_zh: chunk[0].row_label_zh, group: chunk[0].group, codes });
  }
  return rows;
})();

export function s3Code(rowKey: string, column: string): CellCode {
  const code = `s3_${rowKey}_${column}`;
  if (!isCellCode(code)) throw new Error(`no cell ${code}`);
  return code;
}

/** Rows of one section-三 group (e.g. the 8 不予公开 reasons). */
export function s3RowsOfGroup(group: CellGroup): S3Row[] {
  return S3_ROWS.filter((r) => r.group === group);
}

/** The outcome groups that add up to 三（七）总计, in form order, derived from the groups present. */
export const OUTCOME_GROUPS: readonly CellGroup[] = [...new Set(S3.map((c) => c.group))].filter((g) =>
  g.startsWith('outcome_'),
) as CellGroup[];

/** Section 四 groups (review, suit_direct, suit_after_review), with their part and total codes. */
export interface S4Group {
  group: CellGroup;
  label_zh: string;
  parts: CellCode[];
  pending: CellCode;
  total: CellCode;
  upheld: CellCode;
  corrected: CellCode;
  other: CellCode;
}
export const S4_GROUPS: readonly S4Group[] = (() => {
  const groups = [...new Set(CELL_ROWS.filter((c) => c.section === '四').map((c) => c.group))];
  return groups.map((g) => {
    const cells = CELL_ROWS.filter((c) => c.group === g);
    const total = cells[cells.length - 1];
    const parts = cells.slice(0, -1).map((c) => c.code);
    const byEnd = (s: string) => {
      const c = cells.find((x) => x.code.endsWith(`_${s}`));
      if (!c) throw new Error(`cells.csv: section 四 group ${g} lacks ${s}`);
      return c.code;
    };
    return {
      group: g, label_zh: total.row_label_zh, parts, total: total.code,
      upheld: byEnd('upheld'), corrected: byEnd('corrected'), other: byEnd('other'), pending: byEnd('pending'),
    };
  });
})();

export const SECTION2_CODES: readonly CellCode[] = CELL_ROWS.filter((c) => c.section === '二').map((c) => c.code);

/** Cells that may hold non-integers (the fee, in 万元). */
export function allowsFraction(code: string): boolean {
  return CELL_BY_CODE.get(code)?.unit === '万元';
}

/** Header alias "row_label_zh|col_label_zh" → code, for CSV headers written in Chinese. */
export const CODE_BY_ZH_HEADER: ReadonlyMap<string, CellCode> = new Map(
  CELL_ROWS.map((c) => [`${c.row_label_zh}|${c.col_label_zh}`, c.code]),
);

/** The 'received' row keys: 一 new, 二 carried in (in form order). */
export const RECEIVED_ROWS = s3RowsOfGroup('received');
export const HANDLED_ROW = s3RowsOfGroup('handled_total')[0];
export const CARRIED_OUT_ROW = s3RowsOfGroup('carried_out')[0];
