import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_CODES, S3_ROWS, SECTION2_CODES, type CellCode } from '../../src/lib/format/cells';
import { parseReportText } from '../../src/lib/ingest/reportText';

const dir = new URL('../fixtures/reports/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const expected = (name: string) => JSON.parse(read(name)) as { agency: string; year: number; cells: Record<string, number | null> };

describe('parseReportText — the real fixture (中卫市数据局 2024, text extracted from its PDF)', () => {
  const r = parseReportText(read('zhongwei-data-bureau-2024.txt'));
  const exp = expected('zhongwei-data-bureau-2024.expected.json');

  it('reads agency and year from the title and preamble', () => {
    expect(r.agency).toBe(exp.agency);
    expect(r.year).toBe(exp.year);
  });
  it('gives exactly the expected 200 cells', () => {
    expect(Object.keys(r.cells).sort()).toEqual([...CELL_CODES].sort());
    expect(r.cells).toEqual(exp.cells);
  });
  it('passes its sums and warns only about the blank fee and the date it does not print', () => {
    expect(r.failedRules).toEqual([]);
    expect(r.warnings.filter((w) => w.code).map((w) => w.code)).toEqual(['s2_fee_amount']);
    expect(r.warnings.filter((w) => !w.code).map((w) => w.message_en)).toEqual([expect.stringMatching(/no publication date/)]);
    expect(r.published_on).toBeNull();
  });
  it('records the source line of each value', () => {
    expect(r.sources.s3_new_natural).toEqual({ line: 153 });
    expect(r.sources.s3_unable_not_held_total).toEqual({ line: 186 });
    expect(r.sources.s4_review_upheld).toEqual({ line: 282 });
  });
});

/** Never a wrong number: every cell is the truth or null, and every null the truth fills is warned. */
function expectNoSilentError(r: ReturnType<typeof parseReportText>, truth: Record<string, number | null>) {
  const warned = new Set(r.warnings.map((w) => w.code).filter(Boolean));
  for (const code of CELL_CODES) {
    const got = r.cells[code];
    // a derived cell (warned) may hold the sums' value where the report printed it blank
    if (got !== null && r.derived.includes(code) && truth[code] === null) expect(warned.has(code)).toBe(true);
    else if (got !== null) expect({ code, got }).toEqual({ code, got: truth[code] });
    else if (truth[code] !== null) expect({ code, warned: warned.has(code) }).toEqual({ code, warned: true });
  }
}

interface Example { file: string; what: string }
const EXAMPLES: Example[] = [
  { file: 'layout-columns.txt', what: 'pdftotext -layout: space-aligned columns, group labels one character per line, page furniture, full-width digits, thousands separators, blank cells and / — 无' },
  { file: 'layout-cell-per-line.txt', what: 'one cell per line (copied from an HTML table), empty line = blank cell' },
  { file: 'layout-markdown.md', what: 'markdown from PDF-to-markdown/OCR: Column1… headers, value rows apart from their labels' },
  { file: 'layout-run-together.txt', what: 'web-archive text, cells run together, split by the sums' },
  { file: 'layout-variants.txt', what: 'old and variant labels, a missing and an extra character, undivided （六）其他处理, page furniture' },
];

describe.each(EXAMPLES)('parseReportText — $file', ({ file, what }) => {
  const r = parseReportText(read(file));
  const exp = expected(file.replace(/\.(txt|md)$/, '.expected.json')) as ReturnType<typeof expected> & { flagged: string[] };
  it(`${what}: agency, year and exactly the expected 200 cells`, () => {
    expect([r.agency, r.year]).toEqual([exp.agency, exp.year]);
    expect(r.cells).toEqual(exp.cells);
    expect(r.failedRules).toEqual([]);
  });
  it('warns (zh and en, naming row and column) for every cell it left blank for want of certainty', () => {
    const warned = new Set(r.warnings.map((w) => w.code));
    for (const code of exp.flagged) expect(warned.has(code), code).toBe(true);
    for (const w of r.warnings.filter((x) => x.code)) {
      expect(w.row && w.column !== undefined && w.message_zh && w.message_en).toBeTruthy();
    }
  });
});

describe('parseReportText — layouts, one by one', () => {
  const fixture = read('zhongwei-data-bureau-2024.txt');
  const fixtureCells = expected('zhongwei-data-bureau-2024.expected.json').cells;

  it('page headers, footers and page numbers inside the table, also inside a broken label', () => {
    const text = fixture
      .replace('（二）部分公开（区分处理的，只计这一情形，不\n', '（二）部分公开（区分处理的，只计这一情形，不\n\n第 3 页 共 5 页\n\n- 3 -\n')
      .replace('5.要求行政机关确认或重新出具已获取\n', '5.要求行政机关确认或重新出具已获取\n\n4\n\n中卫市数据局2024年政府信息公开工作年度报告\n')
      .replace('2.重复申请 0 0 0 0 0 0 0\n', '2.重复申请 0 0 0 0 0 0 0\n\n5\n\f');
    const r = parseReportText(text);
    expect(r.cells).toEqual(fixtureCells);
    expect(r.warnings.filter((w) => /页码|page number/.test(w.message_zh + w.message_en)).length).toBe(2);
  });

  it('a lone page number right after a blank one-cell row is not taken as its value', () => {
    const r = parseReportText(fixture.replace('行政事业性收费\n', '行政事业性收费\n\n7\n'));
    expect(r.cells.s2_fee_amount).toBeNull();
    expect(r.warnings.find((w) => w.code === 's2_fee_amount')!.message_en).toMatch(/page number/);
    expect(r.cells).toEqual(fixtureCells);
  });

  it('full-width digits and punctuation, thousands separators, a decimal fee', () => {
    const text = fixture
      .replace('规章 0 0 0', '规章 １２ ３ １，２０４')
      .replace('行政许可 0', '行政许可 12,345')
      .replace('行政事业性收费\n', '行政事业性收费 ０．８５\n')
      .replace('一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1', '一、本年新收政府信息公开申请数量 1 ０ 0 0 0 0 1');
    const r = parseReportText(text);
    expect([r.cells.s2_regulation_issued, r.cells.s2_regulation_repealed, r.cells.s2_regulation_in_force]).toEqual([12, 3, 1204]);
    expect(r.cells.s2_license_decisions).toBe(12345);
    expect(r.cells.s2_fee_amount).toBe(0.85);
    expect(r.cells.s3_new_business).toBe(0);
  });

  it('blank marks / — - 无 and empty cells are null, never 0', () => {
    const text = fixture
      .replace('1.属于国家秘密 0 0 0 0 0 0 0', '1.属于国家秘密 / — - 无 3 4 7')
      .replace('行政处罚 0', '行政处罚 —')
      .replace('行政强制 0', '行政强制 无');
    const r = parseReportText(text);
    expect(S3_ROWS.find((x) => x.key === 'deny_state_secret')!.codes).toBeDefined();
    expect(['natural', 'business', 'research', 'ngo', 'legal', 'other_org', 'total'].map((c) => r.cells[`s3_deny_state_secret_${c}` as CellCode]))
      .toEqual([null, null, null, null, 3, 4, 7]);
    expect([r.cells.s2_penalty_decisions, r.cells.s2_coercion_decisions, r.cells.s2_fee_amount]).toEqual([null, null, null]);
  });

  it('web text: HTML entities and zero-width characters are not cells', () => {
    const text = fixture
      .replace('1.本机关不掌握相关政府信息 1 0 0 0 0 0 1', '1.本机关不掌握相关政府信息&nbsp;1&#160;0&#xa0;0 0\u200b 0 0 1')
      .replace('规章 0 0 0', '规\u200b章 0 0 0');
    expect(parseReportText(text).cells).toEqual(fixtureCells);
  });

  it('a year in a heading (三、2024年收到和处理…) is not a cell', () => {
    const text = fixture.replace(' 三、收到和处理政府信息公开申请情况', ' 三、2024年度收到和处理政府信息公开申请情况').replace('行政事业性收费\n', '行政事业性收费 0.5\n');
    const r = parseReportText(text);
    expect(r.cells).toEqual({ ...fixtureCells, s2_fee_amount: 0.5 });
  });

  it('a count written as a decimal is not taken: null with a warning', () => {
    const r = parseReportText(fixture.replace('行政许可 0', '行政许可 2.5'));
    expect(r.cells.s2_license_decisions).toBeNull();
    expect(r.warnings.some((w) => w.code === 's2_license_decisions' && /2\.5/.test(w.message_en))).toBe(true);
  });

  it('too few or too many values in a row: the row is left blank with warnings, never shifted', () => {
    const r = parseReportText(
      fixture.replace('2.重复申请 0 0 0 0 0 0 0', '2.重复申请 4 5 6 7 8 9').replace('3.要求提供公开出版物 0 0 0 0 0 0 0', '3.要求提供公开出版物 1 2 3 4 5 6 7 8'),
    );
    for (const key of ['reject_duplicate', 'reject_publication']) {
      for (const c of ['natural', 'total']) {
        const code = `s3_${key}_${c}` as CellCode;
        expect(r.cells[code]).toBeNull();
        expect(r.warnings.some((w) => w.code === code && w.row && w.column)).toBe(true);
      }
    }
    // the neighbours keep their own values
    expect(r.cells.s3_reject_petition_natural).toBe(0);
    expect(r.cells.s3_reject_repetitive_total).toBe(0);
    expect(r.cells.s3_unable_not_held_total).toBe(1);
  });

  it('a row whose label is missing: derived from the printed sums, each cell said to be derived', () => {
    const r = parseReportText(fixture.replace('3.补正后申请内容仍不明确 0 0 0 0 0 0 0\n', ''));
    for (const c of ['natural', 'business', 'total']) {
      const code = `s3_unable_unclear_${c}` as CellCode;
      expect(r.cells[code]).toBe(0);
      expect(r.derived).toContain(code);
      expect(r.warnings.some((w) => w.code === code && /derived from the sums/.test(w.message_en) && /推算/.test(w.message_zh))).toBe(true);
    }
    expect(r.cells.s3_unable_needs_creation_natural).toBe(0);
    expect(r.failedRules).toEqual([]);
  });

  it('a missing row the sums cannot force (two unknowns in every sum) stays null with a warning', () => {
    const r = parseReportText(fixture.replace('3.补正后申请内容仍不明确 0 0 0 0 0 0 0\n', '').replace('2.重复申请 0 0 0 0 0 0 0\n', ''));
    for (const c of ['natural', 'business', 'total']) {
      const code = `s3_unable_unclear_${c}` as CellCode;
      expect(r.cells[code]).toBeNull();
      expect(r.warnings.some((w) => w.code === code && /not found/.test(w.message_en))).toBe(true);
    }
    expect(r.derived).toEqual([]);
  });

  it('run-together rows that the sums cannot settle: cells all readings share are kept, the rest null with a warning naming how many fit', () => {
    // partial and third-party both read 11/0 or 1/10 in their first two columns; either way the
    // section adds up, so neither is taken
    const truth = expected('layout-run-together.expected.json').cells;
    const text = read('layout-run-together.txt')
      .replace('不计其他情形）1000001', '不计其他情形）110000011')
      .replace('4.保护第三方合法权益1000001', '4.保护第三方合法权益110000011')
      .replace('（七）总计142001017', '（七）总计2412001037')
      .replace('申请数量152001018', '申请数量2512001038');
    const r = parseReportText(text);
    const t2 = {
      ...truth, s3_partial_natural: 11, s3_partial_total: 11, s3_deny_third_party_business: 10, s3_deny_third_party_total: 11,
      s3_new_natural: 25, s3_new_business: 12, s3_new_total: 38, s3_handled_total_natural: 24, s3_handled_total_business: 12, s3_handled_total_total: 37,
    };
    expectNoSilentError(r, t2);
    expect(r.cells.s3_partial_natural).toBeNull();
    expect(r.cells.s3_deny_third_party_natural).toBeNull();
    expect(r.warnings.find((w) => w.code === 's3_partial_natural')!.message_en).toMatch(/run together.*2 combinations fit the section's sums and differ in this cell/);
    expect(r.warnings.find((w) => w.code === 's3_partial_natural')!.message_zh).toMatch(/仍有 2 种组合/);
    // the cells both readings share are kept
    expect([r.cells.s3_partial_total, r.cells.s3_partial_research, r.cells.s3_deny_third_party_total]).toEqual([11, 0, 11]);
    expect(r.cells.s3_partial_business).toBeNull();
  });

  it('the 2019 trial form\'s section 二 (other columns) is not read into the 2021 cells', () => {
    const r = parseReportText(fixture.replace('信息内容 本年制发件数 本年废止件数 现行有效件数', '信息内容 本年新制作数量 本年新公开数量 对外公开总数量'));
    expect(SECTION2_CODES.map((c) => r.cells[c])).toEqual(SECTION2_CODES.map(() => null));
    for (const c of SECTION2_CODES) expect(r.warnings.some((w) => w.code === c && /2019/.test(w.message_en))).toBe(true);
    expect(r.cells.s3_new_natural).toBe(1);
  });

  it('a piece of the group label wrapped into a row label (PDF merged cell) is layout: no variant note', () => {
    const wrapped = fixture.replace('2.申请人逾期未按收费通知要求缴纳费\n', '2.申请人逾期未按收费通知要求缴纳费\n他处理\n');
    const r = parseReportText(wrapped);
    expect(r.cells).toEqual(fixtureCells);
    expect(r.warnings.filter((w) => /variant or approximate/.test(w.message_en))).toEqual([]);
    // other extra characters are still a note
    const odd = parseReportText(fixture.replace('2.申请人逾期未按收费通知要求缴纳费\n', '2.申请人逾期未按收费通知要求缴纳费\n甲乙\n'));
    expect(odd.warnings.filter((w) => /variant or approximate/.test(w.message_en)).length).toBe(1);
  });

  it('text that is not a report gives one warning and 200 blanks', () => {
    const r = parseReportText('今天天气很好。\n');
    expect(Object.values(r.cells).every((v) => v === null)).toBe(true);
    expect(r.warnings.some((w) => /no form table/.test(w.message_en))).toBe(true);
  });

  it('reports failing sums by rule id', () => {
    const r = parseReportText(fixture.replace('（七）总计 1 0 0 0 0 0 1', '（七）总计 2 0 0 0 0 0 1'));
    expect(r.failedRules.sort()).toEqual(['balance', 'column_sum', 'outcome_sum']);
  });
});

describe('parseReportText — agency and year', () => {
  const table = read('zhongwei-data-bureau-2024.txt').split('\n').slice(13).join('\n');
  it.each([
    ['中卫市数据局\n2024年政府信息公开工作年度报告\n', '中卫市数据局', 2024],
    ['中卫市数据局2024年政府信息公开工作年度报告\n', '中卫市数据局', 2024],
    ['中卫市数据局关于2024年度政府信息公开工作年度报告\n', '中卫市数据局', 2024],
    ['2023年度北京市某某委员会政府信息公开工作年度报告\n', '北京市某某委员会', 2023],
    ['# 青山县农业农村局 2022 年政府信息公开工作年度报告\n', '青山县农业农村局', 2022],
    ['政府信息公开工作年度报告\n现发布《某县民政局2021年政府信息公开工作年度报告》，本报告统计数据从2021年1月1日至12月31日。\n', '某县民政局', 2021],
  ])('%j', (title, agency, year) => {
    const r = parseReportText(title + table);
    expect([r.agency, r.year]).toEqual([agency, year]);
  });
  it('warns when the title and the reporting period disagree, and when nothing is found', () => {
    const r = parseReportText('某局\n2023年政府信息公开工作年度报告\n本报告统计数据从2024年1月1日至12月31日。\n' + table);
    expect(r.year).toBe(2023);
    expect(r.warnings.some((w) => /differs/.test(w.message_en))).toBe(true);
    const none = parseReportText('年度报告\n' + table);
    expect([none.agency, none.year]).toEqual([null, null]);
    expect(none.warnings.filter((w) => /could not read the (agency|year)/.test(w.message_en)).length).toBe(2);
  });
});
