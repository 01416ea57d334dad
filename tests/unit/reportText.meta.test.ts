// The report's metadata: agency as printed in or under the title (no page chrome, no 标题: prefix,
// no year), the year covered, and the report's own date (never the statistics period, never a guess).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { parseMeta, cleanAgency } from '../../src/lib/ingest/reportText/meta';
import { datesIn, findPublishedDate } from '../../src/lib/ingest/reportText/published';
import { draftFromText, draftProblems, prepareDocuments } from '../../src/lib/ingest/document';

const fixture = readFileSync(new URL('../fixtures/reports/zhongwei-data-bureau-2024.txt', import.meta.url), 'utf8');
const table = fixture.split('\n').slice(13).join('\n');
const PERIOD = '本报告统计数据从2024年1月1日至12月31日。\n';

describe('report date', () => {
  it.each([
    ['under the title, in brackets', '某市统计局\n2024年政府信息公开工作年度报告\n（2025年1月23日）\n' + PERIOD, '2025-01-23', 3],
    ['under the title, plain', '某市统计局2024年政府信息公开工作年度报告\n2025年1月8日\n' + PERIOD, '2025-01-08', 2],
    ['under the title, with 发布', '某市统计局2024年政府信息公开工作年度报告\n（2025年1月9日发布）\n' + PERIOD, '2025-01-09', 2],
    ['under the title, ISO', '某市统计局2024年政府信息公开工作年度报告\n2025-01-10\n' + PERIOD, '2025-01-10', 2],
    ['a directory page\'s 生成日期', '名称：某县医疗保障局2024年政府信息公开工作年度报告\n索引号：0012-2025-0003 生成日期：2025-01-12\n' + PERIOD, '2025-01-12', 2],
    ['full-width digits and spaces', '某市统计局\n2024年政府信息公开工作年度报告\n（２０２５年 １月 ２０日）\n' + PERIOD, '2025-01-20', 3],
    ['Chinese numerals under the signature', '某市统计局\n2024年政府信息公开工作年度报告\n' + PERIOD + table + '\n某市统计局\n二〇二五年一月二十一日\n', '2025-01-21', 0],
    ['signature with ○ and 三十一', '某市统计局\n2024年政府信息公开工作年度报告\n' + PERIOD + table + '\n某市统计局\n二○二五年一月三十一日\n', '2025-01-31', 0],
    ['agency and date on one signature line', '某市统计局\n2024年政府信息公开工作年度报告\n' + PERIOD + table + '\n某市统计局 2025年1月19日\n', '2025-01-19', 0],
    ['a saved page: 发布时间 with a clock time', '首页 > 政务公开 > 年报\n某县民政局2024年政府信息公开工作年度报告\n发布时间：2025-01-05 10:23:11 来源：某县民政局 浏览次数：12\n' + PERIOD, '2025-01-05', 3],
    ['a saved page: 发布日期 with slashes', '某县民政局2024年政府信息公开工作年度报告\n发布日期:2025/1/15\n' + PERIOD, '2025-01-15', 2],
    ['a saved page: 成文日期 only', '索引号：000-2025-01\n成文日期：2025年01月10日\n某县民政局2024年政府信息公开工作年度报告\n' + PERIOD, '2025-01-10', 2],
    ['the printed date wins over the page\'s 发布时间', '某县民政局2024年政府信息公开工作年度报告\n发布时间：2025-02-03\n' + PERIOD + table + '\n某县民政局\n2025年1月30日\n', '2025-01-30', 0],
  ])('%s', (_what, text, date, line) => {
    const r = parseReportText(text);
    expect(r.published_on).toBe(date);
    expect(r.published_on_source).not.toBeNull();
    if (line) expect(r.published_on_source!.line).toBe(line);
    expect(r.published_on_source!.text).toBe(text.split('\n')[r.published_on_source!.line - 1].normalize('NFKC').trim());
    expect(r.warnings.some((w) => /publication date/.test(w.message_en))).toBe(false);
  });

  it.each([
    ['only the statistics period (the real fixture)', fixture],
    ['a period written 自…至…', '某局2024年政府信息公开工作年度报告\n统计期限自2024年1月1日至2024年12月31日\n' + table],
    ['a date inside a sentence', '某局2024年政府信息公开工作年度报告\n2025年1月5日，我局召开会议研究年报工作。\n' + table],
    ['a date alone but inside the year covered', '某局2024年政府信息公开工作年度报告\n2024年6月30日\n' + table],
    ['an impossible day', '某局2024年政府信息公开工作年度报告\n2025年2月30日\n' + table],
    ['a date alone in the middle of the body', '某局2024年政府信息公开工作年度报告\n' + PERIOD + 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n2025年1月3日\n' + table],
  ])('not a date of the report: %s → blank with a warning', (_what, text) => {
    const r = parseReportText(text);
    expect(r.published_on).toBeNull();
    expect(r.published_on_source).toBeNull();
    expect(r.warnings.some((w) => /no publication date/.test(w.message_en) && /发布日期/.test(w.message_zh))).toBe(true);
  });

  it('reads every written form of a date, and refuses non-days', () => {
    expect(datesIn('2025年1月23日 2025-01-05 2025/2/3 2025.12.1 二〇二五年十二月三十一日').map((d) => d.iso))
      .toEqual(['2025-01-23', '2025-01-05', '2025-02-03', '2025-12-01', '2025-12-31']);
    expect(datesIn('2025年13月1日 2025-02-29 二〇二五年四十月一日').map((d) => d.iso)).toEqual([]);
    expect(findPublishedDate(['标题', '2024-02-29'], 2023)?.date).toBe('2024-02-29');
  });
});

describe('agency and year covered', () => {
  it.each([
    ['标题:淮安市人民政府2024年政府信息公开工作年度报告\n', '淮安市人民政府', 2024],
    ['标题：淮安市洪泽区人民政府2024年度政府信息公开工作年度报告\n', '淮安市洪泽区人民政府', 2024],
    ['首页 > 政务公开 > 政府信息公开年报\n淮安市洪泽区人民政府2023年政府信息公开工作年度报告\n', '淮安市洪泽区人民政府', 2023],
    ['首页 > 政务公开 > 洪泽区人民政府2023年政府信息公开工作年度报告\n', '洪泽区人民政府', 2023],
    ['2024年政府信息公开工作年度报告\n（某县交通运输局）\n', '某县交通运输局', 2024],
    ['2024年政府信息公开工作年度报告\n某县交通运输局\n', '某县交通运输局', 2024],
    ['某县交通运输局2024年政府信息公开\n工作年度报告\n', '某县交通运输局', 2024],
    ['某县卫生健康委员会政府信息公开工作年度报告（2024年度）\n', '某县卫生健康委员会', 2024],
    ['《某县审计局2024年政府信息公开工作年度报告》\n', '某县审计局', 2024],
    ['某街道办事处 2024 年度政务公开工作年度报告\n', '某街道办事处', 2024],
    ['关于某县财政局2024年度政府信息公开工作年度报告\n', '某县财政局', 2024],
    ['2024年度政府信息公开工作年度报告（某县人民政府）\n', '某县人民政府', 2024],
    ['当前位置：首页 > 信息公开 > 年报\n某县医疗保障局2024年政府信息公开工作年度报告\n', '某县医疗保障局', 2024],
    ['名称：某县医疗保障局2024年政府信息公开工作年度报告\n索引号：0012-2025-0003 发布机构：某县医疗保障局\n', '某县医疗保障局', 2024],
  ])('%j', (title, agency, year) => {
    const r = parseReportText(title + PERIOD + table);
    expect([r.agency, r.year]).toEqual([agency, year]);
  });

  it('the signature names the agency when the title does not', () => {
    const r = parseReportText('2024年政府信息公开工作年度报告\n' + PERIOD + table + '\n\n某市自然资源局\n2025年1月25日\n');
    expect([r.agency, r.published_on]).toEqual(['某市自然资源局', '2025-01-25']);
  });

  it('a page\'s 发布机构 line only when nothing is printed, with a warning', () => {
    const r = parseReportText('发布机构：某市自然资源局\n2024年政府信息公开工作年度报告\n' + PERIOD + table);
    expect(r.agency).toBe('某市自然资源局');
    expect(r.warnings.some((w) => /发布机构/.test(w.message_zh) && /please check/.test(w.message_en))).toBe(true);
  });

  it('nothing printed: null with a warning', () => {
    const r = parseReportText('首页 > 政务公开\n2024年政府信息公开工作年度报告\n' + PERIOD + table);
    expect(r.agency).toBeNull();
    expect(r.year).toBe(2024);
    expect(r.warnings.some((w) => /could not read the agency/.test(w.message_en))).toBe(true);
  });

  it('cleans page chrome and years from a name', () => {
    expect(cleanAgency('标题：某市统计局')).toBe('某市统计局');
    expect(cleanAgency('首页>信息公开>某市统计局')).toBe('某市统计局');
    expect(cleanAgency('某市统计局2024年度')).toBe('某市统计局');
    expect(cleanAgency('来源：某市统计局')).toBeNull();
    expect(cleanAgency('根据《条例》')).toBeNull();
  });

  it('the year covered comes from the period when the title has none', () => {
    expect(parseMeta('某市统计局政府信息公开工作年度报告\n本报告统计数据从2023年1月1日至12月31日。').year).toBe(2023);
  });
});

describe('document drafts carry the date', () => {
  it('into the draft and the record the `late` rule reads', () => {
    const text = '某市统计局\n2024年政府信息公开工作年度报告\n（2025年2月10日）\n' + PERIOD + table;
    const d = draftFromText('r.txt', { kind: 'text', text } as Parameters<typeof draftFromText>[1]);
    expect(d.published_on).toBe('2025-02-10');
    expect(d.published_on_source?.line).toBe(3);
    const { prepared } = prepareDocuments([d], [], false, 2025);
    expect(prepared!.records[0].published_on).toBe('2025-02-10');
    expect(draftProblems({ ...d, published_on: '2025-02-30' }, 2025).map((p) => p.column)).toContain('published_on');
  });
});
