// The official form's layout (国办公开办函〔2021〕30号), derived from cells.csv: which cells sit in
// which printed table, row and column, with the merged header cells as printed. Pure data for
// ReportForm.svelte (and anything else that draws or reads the form in its printed order).
import { CELLS, S3_COLUMNS, S3_ROWS, S4_GROUPS, type CellCode } from './cells';

/** The few printed words that are headers, not cells (so they are not in cells.csv). */
export const FORM_CHROME = {
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
  info: '信息内容',
  applicant: '申请人情况',
  orgs: '法人或其他组织',
  results: '本年度办理结果',
  balance: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
} as const;

export interface HeadCell {
  text: string;
  rowspan?: number;
  colspan?: number;
}

/** Section 二: one printed table per article item (第二十条第（一）项 …). */
export interface S2Block {
  item: string;
  columns: string[];
  rows: { label: string; codes: (CellCode | null)[] }[];
}

export const S2_BLOCKS: readonly S2Block[] = (() => {
  const s2 = CELLS.filter((c) => c.section === '二');
  const items = [...new Set(s2.map((c) => c.item))];
  return items.map((item) => {
    const cells = s2.filter((c) => c.item === item);
    const columns = [...new Set(cells.map((c) => c.col_label_zh))];
    const labels = [...new Set(cells.map((c) => c.row_label_zh))];
    return {
      item,
      columns,
      rows: labels.map((label) => ({
        label,
        codes: columns.map((col) => cells.find((c) => c.row_label_zh === label && c.col_label_zh === col)?.code ?? null),
      })),
    };
  });
})();

/** Section 三 header: 自然人 | 法人或其他组织 (five columns) | 总计, labels from the first row's cells. */
export const S3_COLUMN_LABELS: readonly string[] = S3_COLUMNS.map((col) => CELLS.find((c) => c.code === S3_ROWS[0].codes[col])!.col_label_zh);

/** A section-三 line: up to three row-header cells (the item levels, merged as printed), then
 *  the seven cells in column order. */
export interface S3Line {
  key: string;
  item: string;
  heads: HeadCell[];
  codes: CellCode[];
}

const ITEM = /^([一二三四五六七八九十]+)(（[一二三四五六七八九十]+）)?(\d+)?$/;

export const S3_LINES: readonly S3Line[] = (() => {
  const parsed = S3_ROWS.map((r) => {
    const m = ITEM.exec(r.item);
    if (!m) throw new Error(`cells.csv: unexpected section 三 item ${r.item}`);
    return { r, top: m[1], sub: m[2] ?? null, n: m[3] ?? null };
  });
  return parsed.map((p, i) => {
    const heads: HeadCell[] = [];
    const prev = parsed[i - 1];
    if (!p.sub) heads.push({ text: `${p.top}、${p.r.label_zh}`, colspan: 3 });
    else {
      if (prev?.top !== p.top) {
        const span = parsed.filter((x) => x.top === p.top).length;
        heads.push({ text: `${p.top}、${FORM_CHROME.results}`, rowspan: span });
      }
      if (!p.n) heads.push({ text: `${p.sub}${p.r.label_zh}`, colspan: 2 });
      else {
        const [group, reason] = splitLabel(p.r.label_zh);
        if (prev?.sub !== p.sub || prev?.top !== p.top) {
          const span = parsed.filter((x) => x.top === p.top && x.sub === p.sub).length;
          heads.push({ text: `${p.sub}${group}`, rowspan: span });
        }
        heads.push({ text: `${p.n}.${reason}` });
      }
    }
    return { key: p.r.key, item: p.r.item, heads, codes: S3_COLUMNS.map((c) => p.r.codes[c]) };
  });
})();

/** "不予公开：属于国家秘密" → ["不予公开", "属于国家秘密"]; a label without "：" has no group. */
export function splitLabel(label: string): [string, string] {
  const i = label.indexOf('：');
  return i < 0 ? ['', label] : [label.slice(0, i), label.slice(i + 1)];
}

/** Section 四: three header rows (行政复议 | 行政诉讼 → its two kinds → result columns) over the
 *  15 cells in printed order. */
export const S4_LAYOUT: { header: HeadCell[][]; codes: CellCode[] } = (() => {
  const groups = S4_GROUPS.map((g) => {
    const cells = [...g.parts, g.total].map((code) => CELLS.find((c) => c.code === code)!);
    const [top, sub] = splitLabel(g.label_zh);
    return { top: top || sub, sub: top ? sub : null, cells };
  });
  const row1: HeadCell[] = [];
  const row2: HeadCell[] = [];
  for (const [i, g] of groups.entries()) {
    const width = g.cells.length;
    if (i > 0 && groups[i - 1].top === g.top) row1[row1.length - 1].colspan! += width;
    else row1.push({ text: g.top, colspan: width, rowspan: g.sub ? 1 : 2 });
    if (g.sub) row2.push({ text: g.sub, colspan: width });
  }
  const row3 = groups.flatMap((g) => g.cells.map((c) => ({ text: c.col_label_zh })));
  return { header: [row1, row2, row3], codes: groups.flatMap((g) => g.cells.map((c) => c.code)) };
})();

/** Every cell of the form in printed order (section 二 tables, 三 by row, 四 left to right). */
export const FORM_ORDER: readonly CellCode[] = [
  ...S2_BLOCKS.flatMap((b) => b.rows.flatMap((r) => r.codes.filter((c): c is CellCode => c != null))),
  ...S3_LINES.flatMap((l) => l.codes),
  ...S4_LAYOUT.codes,
];
