// What the parser looks for, in form order. Row labels, groups and codes all come from the format
// module (cells.csv); only the section headings (not cells, so not in cells.csv) and a few
// variant spellings seen in published reports are written here.
import { CELLS, CELL_BY_CODE, S3_ROWS, S4_GROUPS, type CellCode } from '../../format/cells';

/** Section headings as printed in the 2021 form (numeral + title). */
export const SECTION_HEADINGS = {
  s2: { numeral: '二', title: '主动公开政府信息情况' },
  s3: { numeral: '三', title: '收到和处理政府信息公开申请情况' },
  s4: { numeral: '四', title: '政府信息公开行政复议、行政诉讼情况' },
  s5: { numeral: '五', title: '存在的主要问题及改进情况' },
} as const;

/** Variant / older spellings of row labels (keyed by the official row label), e.g. the 2019 form's
 *  规范性文件 and 合计. Matched like the official label, with a warning that a variant was read. */
export const LABEL_VARIANTS: Readonly<Record<string, string[]>> = {
  行政规范性文件: ['规范性文件'],
  总计: ['合计'],
  行政事业性收费: ['事业性收费'],
};

/** Column headings of the 2019 trial form's section 二 (国办公开办函〔2019〕60号), whose cells do
 *  not mean the 2021 form's (本年新制作数量 is not 本年制发件数; 行政许可 had three columns). */
export const S2_2019_HEADINGS = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量'];

/** The characters labels are compared on: Han ideographs only (punctuation, spaces, digits and
 *  numbering are layout, not label), after NFKC so full-width forms compare equal. */
export function labelChars(s: string): string {
  return Array.from(s.normalize('NFKC')).filter((ch) => HAN.test(ch)).join('');
}
export const HAN = /\p{Script=Han}/u;

/** The key a row is found by: its label without any parenthetical note (…（区分处理的…）). */
export function labelKey(label: string): string {
  return labelChars(label.normalize('NFKC').replace(/\([^)]*\)/g, ''));
}

export type Section = '二' | '三' | '四';

export interface AnchorDef {
  kind: 'heading' | 'row' | 'group' | 's4header';
  id: string;
  /** keys tried, official first */
  keys: string[];
  /** the heading numeral that must start the match (headings only) */
  numeral?: string;
  /** Arabic item number printed before the label (三（三）1 → 1), stripped from the values */
  itemNo?: number;
  section?: Section;
  /** cells of a row, in printed column order */
  codes?: CellCode[];
  label_zh?: string;
  /** group label (不予公开 …) a sub-row belongs to */
  group?: string;
}

function heading(id: keyof typeof SECTION_HEADINGS): AnchorDef {
  const h = SECTION_HEADINGS[id];
  return { kind: 'heading', id, keys: [h.numeral + labelChars(h.title)], numeral: h.numeral };
}

/** Section 二 rows: consecutive cells sharing a row label (规章: 3 cells, 行政许可: 1 …). */
function s2Rows(): AnchorDef[] {
  const rows: AnchorDef[] = [];
  for (const c of CELLS.filter((x) => x.section === '二')) {
    const last = rows[rows.length - 1];
    if (last && last.label_zh === c.row_label_zh) last.codes!.push(c.code);
    else {
      rows.push({
        kind: 'row', id: `s2:${c.row_label_zh}`, section: '二', label_zh: c.row_label_zh, codes: [c.code],
        keys: [labelKey(c.row_label_zh), ...(LABEL_VARIANTS[c.row_label_zh] ?? []).map(labelKey)],
      });
    }
  }
  return rows;
}

/** Splits a section-三 row label "不予公开：属于国家秘密" into its group and its own label. */
export function splitS3Label(label: string): { group: string | null; own: string } {
  const n = label.normalize('NFKC');
  const i = n.indexOf(':');
  return i < 0 ? { group: null, own: label } : { group: n.slice(0, i), own: n.slice(i + 1) };
}

function s3Anchors(): AnchorDef[] {
  const out: AnchorDef[] = [];
  let lastGroup: string | null = null;
  for (const r of S3_ROWS) {
    const { group, own } = splitS3Label(r.label_zh);
    if (group && group !== lastGroup) {
      out.push({ kind: 'group', id: `group:${r.group}`, section: '三', keys: [labelKey(group)], label_zh: group });
    }
    lastGroup = group;
    const m = /(\d+)$/.exec(r.item);
    out.push({
      kind: 'row', id: `s3:${r.key}`, section: '三', label_zh: r.label_zh, group: group ?? undefined,
      codes: Object.values(r.codes), itemNo: m ? Number(m[1]) : undefined,
      keys: [labelKey(own), ...(LABEL_VARIANTS[own] ?? []).map(labelKey)],
    });
  }
  return out;
}

/** All anchors in form order. */
export const ANCHORS: readonly AnchorDef[] = [
  heading('s2'),
  ...s2Rows(),
  heading('s3'),
  ...s3Anchors(),
  heading('s4'),
  { kind: 's4header', id: 's4header', section: '四', keys: [labelKey(S4_GROUPS[0].label_zh)] },
  heading('s5'),
];

/** Section 四 cells in printed order: each group's parts then total, as in cells.csv. */
export const S4_CODES: readonly CellCode[] = CELLS.filter((c) => c.section === '四').map((c) => c.code);

/** Row and column names for messages. */
export function cellNames(code: CellCode): { row: string; column: string; en: string } {
  const c = CELL_BY_CODE.get(code)!;
  return { row: c.row_label_zh, column: c.col_label_zh, en: c.label_en };
}
