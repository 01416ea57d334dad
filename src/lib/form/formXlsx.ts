// The official form as an Excel workbook (.xlsx): sheet 1 the title, scope, time made and the
// three tables with their merged headers as printed (numbers as numbers, 万元 with decimals, blank
// cells empty), A4 when printed; sheet 2 the reports included and those expected but missing;
// sheet 3 the draft text. ExcelJS, loaded only when asked for (xlsx/excel.ts).
import type { Border, Worksheet } from 'exceljs';
import { allowsFraction } from '../format/cells';
import { loadExcel } from '../xlsx/excel';
import type { FormDocument } from './formDoc';
import { formGrid, placeRows } from './formGrid';
import { FORM_WORDS, headerLines } from './formText';

export const FORM_XLSX_SHEETS = { form: '年报表格', reports: '纳入报告', draft: '文字说明草稿' } as const;
const WIDTH = 15;
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } } as const;
const thin: Partial<Border> = { style: 'thin', color: { argb: 'FF333333' } };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };

function formSheet(ws: Worksheet, doc: FormDocument) {
  ws.columns = [8, 12, 26, ...Array(WIDTH - 3).fill(9)].map((width) => ({ width }));
  let row = 1;
  const line = (text: string, font: { bold?: boolean; size?: number } = {}, center = false) => {
    ws.mergeCells(row, 1, row, WIDTH);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = font;
    c.alignment = { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: true };
    row++;
  };
  line(doc.title, { bold: true, size: 14 }, true);
  for (const l of headerLines(doc)) line(l, { size: 9 });
  for (const t of formGrid(doc.cells)) {
    row++;
    if (t.heading) line(t.heading, { bold: true, size: 11 });
    const placed = placeRows(t.rows);
    for (const { cell, row: r, col } of placed) {
      const top = row + r;
      const left = col + 1;
      const rs = cell.rowspan ?? 1;
      const cs = cell.colspan ?? 1;
      if (rs > 1 || cs > 1) ws.mergeCells(top, left, top + rs - 1, left + cs - 1);
      const x = ws.getCell(top, left);
      if (cell.kind === 'value') {
        if (cell.value != null) x.value = cell.value;
        x.numFmt = cell.code && allowsFraction(cell.code) ? '0.00##' : '0';
      } else if (cell.text) x.value = cell.text;
      x.alignment = { horizontal: cell.kind === 'label' ? 'left' : 'center', vertical: 'middle', wrapText: true };
      x.font = { size: 9, bold: cell.kind === 'head' };
      if (cell.kind === 'head') x.fill = HEAD_FILL;
      // every grid position of a merge gets the border, or Excel draws the merge half-boxed
      for (let i = 0; i < rs; i++) for (let k = 0; k < cs; k++) ws.getCell(top + i, left + k).border = BOX;
    }
    row += t.rows.length;
  }
}

export async function formXlsx(doc: FormDocument): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  wb.creator = '政务公开年报看板';
  wb.title = doc.title;
  const w = FORM_WORDS[doc.lang];
  const ws = wb.addWorksheet(FORM_XLSX_SHEETS.form, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    views: [{ showGridLines: false }],
  });
  formSheet(ws, doc);

  const reports = wb.addWorksheet(FORM_XLSX_SHEETS.reports);
  reports.columns = [{ width: 14 }, { width: 36 }, { width: 8 }, { width: 40 }];
  const status = doc.lang === 'zh' ? ['纳入汇总', '应报送但未加载'] : ['included', 'expected, not loaded'];
  reports.addRow(doc.lang === 'zh' ? ['机构代码', '机构', '年度', '状态'] : ['agency_id', 'agency', 'year', 'status']).font = { bold: true };
  for (const r of doc.included) reports.addRow([r.agency_id, r.name, r.year, status[0]]);
  for (const r of doc.missing) reports.addRow([r.agency_id, r.name, r.year, status[1]]);

  const draft = wb.addWorksheet(FORM_XLSX_SHEETS.draft);
  draft.getColumn(1).width = 120;
  [w.draft, ...doc.draft.zh, ...(doc.draft.en ?? [])].forEach((text, i) => {
    const c = draft.getCell(i + 1, 1);
    c.value = text;
    c.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) c.font = { bold: true };
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
