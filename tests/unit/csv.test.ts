import { describe, expect, it } from 'vitest';
import { CELL_CODES, CELLS } from '../../src/lib/format/cells';
import { parseCsvText, headerToCode } from '../../src/lib/ingest/csv';
import { decodeBytes } from '../../src/lib/ingest/decode';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { consistentCells, wideCsv } from './helpers/records';

const enc = (s: string) => new TextEncoder().encode(s);
const NOW = { nowYear: 2025 };

describe('wide CSV', () => {
  it('reads every cell by code, keeping blanks as null and zeros as 0', () => {
    const cells = consistentCells(7, 3);
    const text = wideCsv([{ agency: '甲局', year: 2024, cells }]);
    const r = parseCsvText('a.csv', text, NOW);
    expect(r.problems).toEqual([]);
    expect(r.kind).toBe('wide');
    expect(r.records).toHaveLength(1);
    expect(r.records[0].cells).toEqual(cells);
    expect(r.records[0].cells.s2_fee_amount).toBeNull();
    expect(r.records[0].cells.s3_new_legal).toBe(0);
  });

  it('maps Chinese row|col headers to codes', () => {
    expect(headerToCode('本年新收政府信息公开申请数量|自然人')).toBe('s3_new_natural');
    expect(headerToCode('本年新收政府信息公开申请数量 ｜ 总计')).toBe('s3_new_total');
    const zhHeader = CELLS.map((c) => `${c.row_label_zh}|${c.col_label_zh}`);
    expect(new Set(zhHeader.map(headerToCode)).size).toBe(200);
    const text = `agency,year,本年新收政府信息公开申请数量|自然人,本年新收政府信息公开申请数量|总计\n乙局,2023,5,5\n`;
    const r = parseCsvText('zh.csv', text, NOW);
    expect(r.problems).toEqual([]);
    expect(r.records[0].cells.s3_new_natural).toBe(5);
    expect(r.records[0].cells.s3_new_total).toBe(5);
    expect(r.records[0].cells.s3_granted_total).toBeNull();
  });

  it('accepts blank marks, thousands separators, full-width digits and a fractional fee', () => {
    const text = `agency,year,s3_new_natural,s3_new_total,s2_fee_amount,s2_license_decisions,s3_new_legal\n丙局,2022,"1,234",１２,0.35,/,—\n`;
    const r = parseCsvText('x.csv', text, NOW);
    expect(r.problems).toEqual([]);
    const c = r.records[0].cells;
    expect([c.s3_new_natural, c.s3_new_total, c.s2_fee_amount, c.s2_license_decisions, c.s3_new_legal]).toEqual([1234, 12, 0.35, null, null]);
  });

  it.each([
    ['unknown column', 'agency,year,s3_nope\n甲,2024,1\n', 1, 's3_nope', /未知的列/],
    ['non-number', 'agency,year,s3_new_total\n甲,2024,abc\n', 2, 's3_new_total', /不是数字/],
    ['number with a unit', 'agency,year,s3_new_total\n甲,2024,3件\n', 2, 's3_new_total', /不是数字/],
    ['impossible year', 'agency,year,s3_new_total\n甲,2031,1\n', 2, 'year', /不可能/],
    ['year text', 'agency,year,s3_new_total\n甲,去年,1\n', 2, 'year', /不可能/],
    ['bad date', 'agency,year,published_on\n甲,2024,2025-02-30\n', 2, 'published_on', /有效日期/],
    ['duplicate agency-year', 'agency,year,s3_new_total\n甲,2024,1\n乙,2024,1\n甲,2024,2\n', 4, 'agency', /第 2 行已出现/],
    ['ragged row', 'agency,year,s3_new_total\n甲,2024,1,9\n', 2, '', /字段/],
    ['empty agency', 'agency,year,s3_new_total\n,2024,1\n', 2, 'agency', /为空/],
  ])('%s is an error naming line and column', (_name, text, line, column, zh) => {
    const r = parseCsvText('bad.csv', text, NOW);
    const p = r.problems.find((x) => x.line === line && x.column === column);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.file).toBe('bad.csv');
    expect(p!.message_zh).toMatch(zh);
    expect(p!.message_en.length).toBeGreaterThan(5);
    expect(p!.severity).toBe('error');
  });

  it('a negative count loads as printed and a fractional count is kept as a fault (cell blank), for the negative rule to flag', () => {
    const r = parseCsvText('f.csv', 'agency,year,s3_new_total,s3_new_natural\n甲,2024,-3,2.5\n', NOW);
    expect(r.problems).toEqual([]);
    expect(r.records[0].cells.s3_new_total).toBe(-3);
    expect(r.records[0].cells.s3_new_natural).toBeNull();
    expect(r.records[0].faults).toEqual([{ code: 's3_new_natural', value: 2.5 }]);
  });

  it('a negative fee (money, not a count) loads, for the negative rule to flag', () => {
    const r = parseCsvText('f.csv', 'agency,year,s2_fee_amount\n甲,2024,-0.5\n', NOW);
    expect(r.problems).toEqual([]);
    expect(r.records[0].cells.s2_fee_amount).toBe(-0.5);
  });

  it('a count past 32 bits is refused with its line (it would wrap when stored); a large fee is not', () => {
    const r = parseCsvText('f.csv', 'agency,year,s3_new_natural,s2_fee_amount\n甲,2024,2147483647,3000000000\n乙,2024,2147483648,1\n丙,2024,999999999,1\n', NOW);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[3, 's3_new_natural']]);
    expect(r.problems[0].message_en).toMatch(/count too large/);
    expect(r.records.map((x) => x.cells.s3_new_natural)).toEqual([2147483647, null, 999999999]);
    expect(r.records[0].cells.s2_fee_amount).toBe(3e9);
    expect(prepareCsv('f.csv', enc('agency,year,s3_new_natural\n乙,2024,2147483648\n'), [], NOW).prepared).toBeNull();
  });

  it('an empty file and a headerless file are errors', () => {
    expect(parseCsvText('e.csv', '', NOW).problems[0].message_zh).toMatch(/为空/);
    expect(parseCsvText('h.csv', 'a,b\n1,2\n', NOW).problems[0].message_zh).toMatch(/无法识别/);
    expect(parseCsvText('n.csv', 'agency,year\n', NOW).problems[0].message_zh).toMatch(/没有数据行/);
  });
});

describe('long CSV', () => {
  it('groups rows into records and rejects a repeated cell', () => {
    const ok = parseCsvText('l.csv', 'agency,year,code,value\n甲,2024,s3_new_total,3\n甲,2024,s3_new_natural,3\n乙,2024,s3_new_total,\n', NOW);
    expect(ok.problems).toEqual([]);
    expect(ok.kind).toBe('long');
    expect(ok.records.map((r) => [r.agency, r.cells.s3_new_total, r.cells.s3_new_natural])).toEqual([['甲', 3, 3], ['乙', null, null]]);
    const bad = parseCsvText('l.csv', 'agency,year,code,value\n甲,2024,s3_new_total,3\n甲,2024,s3_new_total,4\n甲,2024,s9,1\n', NOW);
    expect(bad.problems.map((p) => [p.line, p.column])).toEqual([[3, 'code'], [4, 'code']]);
  });
});

describe('agencies CSV', () => {
  it('reads ids, hierarchy, is_aggregate (true/是) and aliases', () => {
    const r = parseCsvText('ag.csv', 'agency_id,name,level,parent_id,category,is_aggregate,aliases\nA,甲市,市级,,综合,否,\nB,乙区,区县,A,区县政府,是,旧乙区;老乙区\n', NOW);
    expect(r.problems).toEqual([]);
    expect(r.agencies.map((a) => [a.agency_id, a.is_aggregate, a.aliases])).toEqual([['A', false, []], ['B', true, ['旧乙区', '老乙区']]]);
  });
  it('rejects a bad is_aggregate and a duplicate id', () => {
    const r = parseCsvText('ag.csv', 'agency_id,name,is_aggregate\nA,甲,maybe\nA,乙,否\n', NOW);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([[2, 'is_aggregate'], [3, 'agency_id']]);
  });
});

describe('encodings', () => {
  const text = wideCsv([{ agency: '示例市数据局', year: 2024, cells: consistentCells(3, 1) }]);
  it('reads UTF-8 with a BOM', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]));
    expect(d.encoding).toBe('utf-8-bom');
    expect(parseCsvText('b.csv', d.text, NOW).records[0].agency).toBe('示例市数据局');
  });
  it('reads a GBK file as Excel/WPS writes it', async () => {
    const { readFileSync } = await import('node:fs');
    const gbk = readFileSync(new URL('../fixtures/csv/gbk-wide.csv', import.meta.url));
    const d = decodeBytes(new Uint8Array(gbk));
    expect(d.encoding).toBe('gb18030');
    const r = parseCsvText('gbk-wide.csv', d.text, NOW);
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.agency, x.year, x.cells.s3_new_total])).toEqual([['示例市测试局', 2024, 12], ['示例市样本办公室', 2024, 5]]);
    expect(r.records[0].cells.s3_new_natural).toBe(10);
  });
});

describe('prepareCsv', () => {
  const registry = [{ agency_id: 'X1', name: '示例市甲局', aliases: ['示例市旧甲局'] }];
  it('matches by id, name and alias, and adds unknown agencies as new top-level entries', () => {
    const text = 'agency,year,s3_new_total\n示例市甲局,2023,1\n示例市旧甲局,2022,2\n示例市新局,2023,3\n';
    const p = prepareCsv('r.csv', enc(text), registry, NOW);
    expect(p.problems).toEqual([]);
    expect(p.prepared!.records.map((r) => r.agency_id)).toEqual(['X1', 'X1', '示例市新局']);
    expect(p.prepared!.newAgencies).toEqual([{ agency_id: '示例市新局', name: '示例市新局' }]);
    expect(p.prepared!.agencies[0].parent_id).toBeNull();
  });
  it('an alias and a name for the same agency-year are a duplicate', () => {
    const p = prepareCsv('r.csv', enc('agency,year,s3_new_total\n示例市甲局,2023,1\n示例市旧甲局,2023,2\n'), registry, NOW);
    expect(p.prepared).toBeNull();
    expect(p.problems[0].line).toBe(3);
  });
  it('a binary file is refused plainly', () => {
    const p = prepareCsv('x.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2]), registry, NOW);
    expect(p.prepared).toBeNull();
    expect(p.problems[0].message_zh).toMatch(/不是文本文件/);
  });
  it('a registry row with an unknown parent is an error', () => {
    const p = prepareCsv('a.csv', enc('agency_id,name,parent_id\nY,乙,NOPE\n'), registry, NOW);
    expect(p.problems.map((x) => [x.line, x.column])).toEqual([[2, 'parent_id']]);
  });
  it('every cell code has a unique Chinese header', () => {
    expect(CELL_CODES).toHaveLength(200);
  });
});
