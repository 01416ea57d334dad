// The Excel template and XLSX import: the template is protected with inputs unlocked and shaded;
// a copy filled in with ExcelJS (as an agency's spreadsheet would) loads through the CSV
// validation; bad cells are refused with sheet, row and column, and nothing loads.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyImport, readRegistry } from '../../src/lib/db/load';
import { CELL_CODES, CELLS } from '../../src/lib/format/cells';
import { FORM_ORDER } from '../../src/lib/format/formLayout';
import { buildTemplate } from '../../src/lib/xlsx/template';
import { prepareXlsx } from '../../src/lib/xlsx/read';
import { FORM_SHEET, WIDE_SHEET, colLetter, formSheet } from '../../src/lib/xlsx/layout';
import { consistentCells } from './helpers/records';
import { freshDb } from './helpers/db';

const layout = formSheet();
async function workbook(bytes?: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((bytes ?? (await buildTemplate())).buffer as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
const at = (key: string) => layout.inputs.get(key)!;

describe('Excel template', () => {
  it('sheet 1 is the official form: protected, labels locked, every input unlocked and shaded; sheet 2 has codes and labels', async () => {
    const wb = await workbook();
    const form = wb.getWorksheet(FORM_SHEET)!;
    expect((form as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(layout.inputs.size).toBe(CELL_CODES.length + 4);
    for (const [key, a] of layout.inputs) {
      const cell = form.getCell(a.row, a.col);
      expect(cell.protection?.locked, key).toBe(false);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, key).toBe('FFFFF4C2');
    }
    const label = form.getCell(at('s3_new_natural').row, 1);
    expect(label.value).toBe('一、本年新收政府信息公开申请数量');
    expect(label.protection?.locked).not.toBe(false);
    // the form's printed order: section 二's first cell before section 三's, before section 四's
    const pos = (c: string) => at(c).row * 100 + at(c).col;
    expect(pos(FORM_ORDER[0])).toBeLessThan(pos('s3_new_natural'));
    expect(pos('s3_new_natural')).toBeLessThan(pos('s4_review_upheld'));
    const wide = wb.getWorksheet(WIDE_SHEET)!;
    expect(wide.getCell(1, 5).value).toBe(CELLS[0].code);
    expect(wide.getCell(2, 5).value).toBe(`${CELLS[0].row_label_zh}｜${CELLS[0].col_label_zh}`);
    expect(wide.getRow(1).cellCount).toBe(CELL_CODES.length + 4);
  });

  it('pre-filled with one report (the form as Excel), it reads back to the same report', async () => {
    const cells = { ...consistentCells(6, 2, 3), s2_fee_amount: 2.25, s3_new_ngo: null };
    const bytes = await buildTemplate({ agency: '示例市预填局', agency_id: 'X9', year: 2023, published_on: '2024-01-30', cells });
    const prep = await prepareXlsx('prefilled.xlsx', bytes, [], { nowYear: 2025 });
    expect(prep.problems).toEqual([]);
    const rec = prep.prepared!.records[0];
    expect([rec.agency, rec.agency_id, rec.year, rec.published_on]).toEqual(['示例市预填局', 'X9', 2023, '2024-01-30']);
    expect(rec.cells).toEqual(cells);
  });

  it('an untouched template loads nothing and says so', async () => {
    const prep = await prepareXlsx('blank.xlsx', await buildTemplate(), []);
    expect(prep.prepared).toBeNull();
    expect(prep.problems[0].message_en).toMatch(/no sheet/);
  });
});

describe('XLSX import', () => {
  it('both sheets filled: the form and two wide rows load as one import, blanks stay blank', async () => {
    const wb = await workbook();
    const form = wb.getWorksheet(FORM_SHEET)!;
    const cells = consistentCells(9, 4);
    form.getCell(at('agency').row, at('agency').col).value = '示例市试填局';
    form.getCell(at('year').row, at('year').col).value = 2024;
    form.getCell(at('published_on').row, at('published_on').col).value = new Date(Date.UTC(2025, 0, 20));
    for (const code of CELL_CODES) if (cells[code] !== null) form.getCell(at(code).row, at(code).col).value = cells[code];
    const wide = wb.getWorksheet(WIDE_SHEET)!;
    for (const [i, name] of ['示例市甲办', '示例市乙办'].entries()) {
      wide.addRow([name, 2023, '', '', ...CELL_CODES.map((c) => (c === 's2_fee_amount' ? 1.5 : c === 's3_new_natural' ? 10 + i : 0))]);
    }
    const db = await freshDb();
    const prep = await prepareXlsx('filled.xlsx', await save(wb), await readRegistry(db), { nowYear: 2025 });
    expect(prep.problems.map((p) => `${p.sheet}!${p.column}@${p.line} ${p.message_en}`)).toEqual([]);
    expect(prep.prepared!.kind).toBe('xlsx');
    await applyImport(db, prep.prepared!);
    const rows = await db.query<Record<string, unknown>>('SELECT agency_id, year, published_on::VARCHAR AS p, s3_new_natural, s3_new_total, s2_fee_amount FROM reports ORDER BY agency_id');
    expect(rows).toEqual([
      { agency_id: '示例市乙办', year: 2023, p: null, s3_new_natural: 11, s3_new_total: 0, s2_fee_amount: 1.5 },
      { agency_id: '示例市甲办', year: 2023, p: null, s3_new_natural: 10, s3_new_total: 0, s2_fee_amount: 1.5 },
      { agency_id: '示例市试填局', year: 2024, p: '2025-01-20', s3_new_natural: 9, s3_new_total: 10, s2_fee_amount: null },
    ]);
  });

  it('bad cells: refused with sheet, row and column letter; nothing loads', async () => {
    const wb = await workbook();
    const form = wb.getWorksheet(FORM_SHEET)!;
    form.getCell(at('agency').row, at('agency').col).value = '示例市试填局';
    form.getCell(at('year').row, at('year').col).value = 2024;
    form.getCell(at('s3_new_business').row, at('s3_new_business').col).value = '2件';
    form.getCell(at('s3_granted_total').row, at('s3_granted_total').col).value = '十二';
    const wide = wb.getWorksheet(WIDE_SHEET)!;
    wide.addRow(['示例市甲办', 1999, '', '', ...CELL_CODES.map(() => 1)]);
    const prep = await prepareXlsx('bad.xlsx', await save(wb), [], { nowYear: 2025 });
    expect(prep.prepared).toBeNull();
    const where = prep.problems.map((p) => `${p.sheet}!${p.column}@${p.line}`);
    const a = at('s3_new_business');
    expect(where).toContain(`${FORM_SHEET}!${colLetter(a.col)} (s3_new_business)@${a.row}`);
    const g = at('s3_granted_total');
    expect(where).toContain(`${FORM_SHEET}!${colLetter(g.col)} (s3_granted_total)@${g.row}`);
    expect(where).toContain(`${WIDE_SHEET}!B (year)@3`);
    expect(prep.problems.find((p) => p.column.includes('s3_new_business'))!.message_zh).toContain('不是数字');
  });

  it('a form whose labels moved (a row inserted) is refused rather than read shifted', async () => {
    const wb = await workbook();
    const form = wb.getWorksheet(FORM_SHEET)!;
    form.unprotect();
    form.spliceRows(20, 0, []);
    form.getCell(at('agency').row, at('agency').col).value = '示例市试填局';
    const prep = await prepareXlsx('moved.xlsx', await save(wb), []);
    expect(prep.prepared).toBeNull();
    expect(prep.problems[0].message_en).toMatch(/layout was changed/);
    expect(prep.problems[0].sheet).toBe(FORM_SHEET);
  });

  it('a plain workbook of wide rows with one header row also loads; a non-xlsx is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['agency', 'year', 's3_new_natural', 's3_new_total']);
    ws.addRow(['示例市丙办', 2022, 3, 3]);
    const prep = await prepareXlsx('plain.xlsx', await save(wb), [], { nowYear: 2025 });
    expect(prep.problems).toEqual([]);
    expect(prep.prepared!.records[0].cells.s3_new_total).toBe(3);
    expect(prep.prepared!.records[0].cells.s3_new_business).toBeNull();
    const junk = await prepareXlsx('junk.xlsx', new TextEncoder().encode('agency,year\n'), []);
    expect(junk.prepared).toBeNull();
    expect(junk.problems[0].message_en).toMatch(/not a valid Excel/);
  });
});
