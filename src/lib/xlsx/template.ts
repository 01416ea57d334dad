// The Excel template an agency fills in: sheet 1 the official form for one agency-year (labels
// locked, inputs unlocked and shaded, whole numbers ≥ 0 enforced), sheet 2 the wide layout for
// many agency-years (codes in row 1, Chinese labels in row 2), sheet 3 how to fill it in.
// Optionally pre-filled with one report (the agency page's "as Excel").
import type { Worksheet, Border } from 'exceljs';
import { allowsFraction, type CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import { FORM_META, FORM_SHEET, FORM_TITLE, HELP_SHEET, WIDE_SHEET, formSheet, wideHeader, type Placed } from './layout';
import { loadExcel } from './excel';

export interface TemplateFill {
  agency: string;
  agency_id?: string;
  year: number;
  published_on?: string | null;
  cells: Partial<CellValues>;
}

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } } as const;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } } as const;
const thin: Partial<Border> = { style: 'thin', color: { argb: 'FF7F8C99' } };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };

const HELP = [
  FORM_TITLE,
  '',
  `「${FORM_SHEET}」：一个机构一个年度的报告，格式同国办公开办函〔2021〕30号附表。只填浅黄色格子；标签已锁定（工作表保护无密码，如需调整可取消保护，但请勿插入或删除行列）。`,
  `「${WIDE_SHEET}」：多个机构、多个年度，每行一份报告。第 1 行为单元格代码，第 2 行为中文标签，从第 3 行起填写；两行表头请勿修改。`,
  '空白表示“无此项/未填报”，不是 0；件数须为不小于 0 的整数，行政事业性收费金额单位为万元，可有小数。',
  '年度为报告所述年度（四位数字）；公布日期可写为 2025-01-31 或 2025年1月31日。',
  '两张表可只填其一，也可都填；导入时逐格校验，任何一处有误则整份文件不导入，并指出工作表、行、列和原因。',
];

function styleForm(ws: Worksheet, cells: Placed[]) {
  for (const c of cells) {
    const cell = ws.getCell(c.row, c.col);
    if ((c.rowspan ?? 1) > 1 || (c.colspan ?? 1) > 1) ws.mergeCells(c.row, c.col, c.row + (c.rowspan ?? 1) - 1, c.col + (c.colspan ?? 1) - 1);
    if (c.text !== undefined) cell.value = c.text;
    cell.alignment = { vertical: 'middle', horizontal: c.kind === 'label' || c.kind === 'title' ? 'left' : 'center', wrapText: true };
    if (c.kind === 'title') cell.font = { bold: true, size: c.row === 1 ? 14 : 11 };
    if (c.kind === 'head') cell.fill = HEAD_FILL;
    if (c.kind !== 'title' && c.row > 2) cell.border = BOX;
    if (c.kind === 'input') {
      cell.fill = INPUT_FILL;
      cell.protection = { locked: false };
      if (c.code) {
        const money = allowsFraction(c.code);
        cell.dataValidation = {
          type: money ? 'decimal' : 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true,
          errorTitle: '数值无效', error: money ? '金额须为不小于 0 的数（万元）' : '件数须为不小于 0 的整数',
        };
        cell.numFmt = money ? '0.00' : '0';
      }
    }
  }
}

export async function buildTemplate(fill?: TemplateFill): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '政务公开年报看板';
  wb.created = new Date();

  const form = formSheet();
  const ws = wb.addWorksheet(FORM_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
  ws.columns = [10, 14, 30, ...Array(12).fill(10)].map((width) => ({ width }));
  styleForm(ws, form.cells);
  const yearCell = ws.getCell(form.inputs.get('year')!.row, form.inputs.get('year')!.col);
  yearCell.dataValidation = { type: 'whole', operator: 'between', formulae: [2008, 2100], allowBlank: true, showErrorMessage: true, error: '年度为四位数字' };
  yearCell.numFmt = '0';
  ws.getCell(form.inputs.get('published_on')!.row, form.inputs.get('published_on')!.col).numFmt = 'yyyy-mm-dd';
  if (fill) {
    const set = (key: string, v: string | number | null | undefined) => {
      const at = form.inputs.get(key);
      if (at && v !== undefined && v !== null && v !== '') ws.getCell(at.row, at.col).value = v;
    };
    set('agency', fill.agency);
    set('agency_id', fill.agency_id);
    set('year', fill.year);
    set('published_on', fill.published_on);
    for (const [code, v] of Object.entries(fill.cells)) set(code as CellCode, v);
  }
  for (const m of FORM_META) ws.getCell(m.row, m.col).font = { bold: true };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const { codes, labels } = wideHeader();
  const wide = wb.addWorksheet(WIDE_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  wide.addRow(codes);
  wide.addRow(labels);
  wide.columns.forEach((c, i) => (c.width = i < 2 ? 16 : 14));
  for (const r of [1, 2]) {
    const row = wide.getRow(r);
    row.font = { bold: r === 1, color: { argb: r === 1 ? 'FF1F3B5C' : 'FF444444' } };
    row.alignment = { wrapText: r === 2, vertical: 'top' };
    row.eachCell((cell) => (cell.fill = HEAD_FILL));
  }
  wide.getRow(2).height = 60;

  const help = wb.addWorksheet(HELP_SHEET);
  help.getColumn(1).width = 110;
  HELP.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
