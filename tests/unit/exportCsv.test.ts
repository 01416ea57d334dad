import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvCell, exportFileName, toCsv } from '../../src/lib/export/csv';

describe('CSV export', () => {
  it('starts with a BOM, uses CRLF and round-trips Chinese text, commas and quotes', () => {
    const text = toCsv(['机构', '数值'], [['示例市"数据"局, 一', 12], ['乙', null]]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const back = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([['机构', '数值'], ['示例市"数据"局, 一', '12'], ['乙', '']]);
  });
  it('neutralises formula starts but keeps negative numbers', () => {
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx"]);
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell('正常')).toBe('正常');
  });
  it('can omit the BOM and add a second header row', () => {
    const t = toCsv(['s3_new_total'], [[3]], { bom: false, headerRows: [['本年新收|总计']] });
    expect(t).toBe('s3_new_total\r\n本年新收|总计\r\n3\r\n');
  });
  it('names files by view and time', () => {
    expect(exportFileName('overview', 'csv', new Date(2026, 10, 25, 9, 5))).toBe('overview_20261125-0905.csv');
  });
});
