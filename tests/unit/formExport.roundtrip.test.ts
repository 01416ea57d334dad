// The city's 2024 form exported as .docx and .xlsx, read back by the tests' own reader (fflate +
// the XML, tests/unit/helpers/officeRead.ts — not the exporter's code), gives every cell of the
// rollup, compared with the tests' own sums of the demo files (blank stays blank, never 0).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CELL_CODES } from '../../src/lib/format/cells';
import { buildFormDocument, type FormDocument } from '../../src/lib/form/formDoc';
import { formDocx } from '../../src/lib/form/formDocx';
import { formXlsx, FORM_XLSX_SHEETS } from '../../src/lib/form/formXlsx';
import { EMPTY_FILTERS } from '../../src/lib/state/filters';
import { demo } from '../e2e/demo';
import { freshDb, loadCsv } from './helpers/db';
import { cellsFromTables, readDocx, readXlsx, sheetTables } from './helpers/officeRead';

const d = demo();
let db: DbAdapter;
let city: FormDocument;
beforeAll(async () => {
  db = await freshDb();
  await loadCsv(db, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
  await loadCsv(db, 'reports.csv', readFileSync('data/reports.csv', 'utf8'));
  city = await buildFormDocument(db, { kind: 'rollup', filters: { ...EMPTY_FILTERS, year: 2024 }, range: false }, 'zh', new Date(2026, 11, 6, 9, 5));
}, 60_000); // DuckDB-wasm start-up and the demo load are slow on a loaded machine

/** The number a form cell's text holds: '' = blank. */
const asNumber = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s.replace(/,/g, '')));

function expectEveryCell(read: Map<string, string>, want: (code: string) => number | null) {
  expect(read.size).toBe(CELL_CODES.length);
  let nonBlank = 0;
  for (const code of CELL_CODES) {
    const w = want(code);
    const got = asNumber(read.get(code));
    if (w === null) expect(read.get(code), code).toBe('');
    else {
      nonBlank++;
      expect(got, code).toBeCloseTo(w, 4);
    }
  }
  expect(nonBlank).toBeGreaterThan(150); // the demo fills most cells: the check is not vacuous
}

describe('the official form as Word and Excel', () => {
  it('title, scope and counts of the city 2024 rollup', () => {
    expect(city.title).toBe('示例市2024年政府信息公开工作年度报告（汇总）');
    expect(city.included.length).toBe(d.leaf.filter((r) => r.year === '2024').length);
    expect(city.madeAt).toBe('2026-12-06 09:05');
  });

  it('.docx read back by XML gives every cell of the rollup, and the title, scope, lists and draft', async () => {
    const bytes = await formDocx(city);
    const { tables, paragraphs } = readDocx(bytes);
    expectEveryCell(cellsFromTables(tables), (c) => d.leafSum(2024, c));
    expect(paragraphs[0]).toBe('示例市2024年政府信息公开工作年度报告（汇总）');
    expect(paragraphs.some((p) => p.includes('制表时间：2026-12-06 09:05'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('纳入汇总的报告（'))).toBe(true);
    const newTotal = new Intl.NumberFormat('zh-CN').format(d.leafSum(2024, 's3_new_total')!);
    expect(paragraphs.some((p) => p.includes(`全市共新收政府信息公开申请${newTotal}件`))).toBe(true);
  });

  it('.xlsx read back by XML gives every cell of the rollup; numbers are numbers; report list on sheet 2', async () => {
    const bytes = await formXlsx(city);
    const grid = readXlsx(bytes, FORM_XLSX_SHEETS.form);
    expect(grid[0][0]).toBe('示例市2024年政府信息公开工作年度报告（汇总）');
    expectEveryCell(cellsFromTables(sheetTables(grid, 15)), (c) => d.leafSum(2024, c));
    const list = readXlsx(bytes, FORM_XLSX_SHEETS.reports);
    expect(list.length - 1).toBe(city.included.length + city.missing.length);
  });
});
