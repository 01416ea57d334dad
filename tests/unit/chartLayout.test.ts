// Charts that read at a glance: whole legends that wrap (never cut, never paged), short labels
// beside cells.csv, panels for series of very different size, captions on exported PNGs.
import { describe, expect, it } from 'vitest';
import { fitChart, legendLines, textWidth, LEGEND } from '../../src/lib/charts/layout';
import { multiplesOption, proactivePanels, splitByMagnitude } from '../../src/lib/charts/multiples';
import { agencyBarsOption, linesOption, partsBarOption } from '../../src/lib/charts/analysisCharts';
import { sharesBarOption, stackedBarOption } from '../../src/lib/charts/overviewCharts';
import { countBarOption } from '../../src/lib/charts/complianceCharts';
import { captionLines, filterLine } from '../../src/lib/charts/caption';
import { CHART_LABELS, chartLabel } from '../../src/lib/format/chartLabels';
import { CELL_BY_CODE, SECTION2_CODES } from '../../src/lib/format/cells';
import { RATE_BY_NAME } from '../../src/lib/format/rates';
import { metricLabel, itemLabel } from '../../src/lib/analysis/labels';
import { levelLabel, categoryLabel } from '../../src/lib/format/terms';
import { LEVELS } from '../../src/lib/format/levels';
import type { Series } from '../../src/lib/charts/overviewCharts';

type O = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const years = ['2021', '2022', '2023', '2024'];
const s = (name: string, values: (number | null)[], full?: string): Series => ({ name, values, full });

describe('legend layout', () => {
  it('measures CJK wider than Latin', () => {
    expect(textWidth('行政许可决定')).toBe(72);
    expect(textWidth('Rules issued')).toBeLessThanOrEqual(90);
    expect(textWidth('Rules issued')).toBeGreaterThan(60);
  });

  it('wraps items to new lines when the width runs out, never splitting an item', () => {
    const names = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'];
    // each item: 30 px icon + 48 px text + 12 px gap = 90 px
    expect(legendLines(names, 1000)).toBe(1);
    expect(legendLines(names, 360)).toBe(2); // 4 per line (the last gap may overhang)
    expect(legendLines(names, 100)).toBe(6);
    expect(legendLines([], 300)).toBe(0);
  });

  it('pushes the plot below a legend of several lines and grows the chart by as much', () => {
    const o = linesOption(years, ['新收', '结转', '办理总计', '不予公开', '无法提供', '不予处理', '其他处理', '行政复议', '行政诉讼', '复议纠错'].map((n, i) => s(n, [100 + i, 110, 120, 130])), 'zh');
    const wide = fitChart(o, 1200, 300);
    const narrow = fitChart(o, 380, 300);
    expect((wide.option as O).grid.top).toBe(40);
    expect(wide.height).toBe(300);
    expect((narrow.option as O).grid.top).toBeGreaterThan(40);
    expect(narrow.height - 300).toBe((narrow.option as O).grid.top - 40);
    // the builder's own option is not changed by fitting
    expect((o as O).grid.top).toBe(40);
  });

  it('no builder pages or truncates its legend', () => {
    const series = [s('规范性文件·现行有效', [5, 6, 7, 8]), s('Normative docs repealed', [1, 2, 3, 4])];
    const options = [
      linesOption(years, series, 'zh'),
      agencyBarsOption(['甲局', '乙局'], [s('a', [1, 2]), s('b', [2, 3])], 'en', 'count'),
      stackedBarOption(years, series, 'zh'),
      countBarOption(['r1'], [{ name: 'errors', color: '#f00', values: [1] }], 'en'),
      multiplesOption(years, [{ series }], 'zh'),
    ] as O[];
    for (const o of options) {
      expect(o.legend.type).toBe('plain');
      expect(o.legend.formatter).toBeUndefined();
    }
    expect(LEGEND.type).toBe('plain');
  });
});

describe('series of very different size', () => {
  it('go to panels of their own; series of one size stay on one axis', () => {
    const rules = s('规章·制发', [1, 3, 5, 2]);
    const licences = s('行政许可决定', [26000, 28000, 30000, 31000]);
    const penalties = s('行政处罚决定', [17000, 16000, 18000, 18500]);
    const blank = s('行政强制决定', [null, null, null, null]);
    const groups = splitByMagnitude([rules, licences, penalties, blank]);
    expect(groups.map((g) => g.map((x) => x.name))).toEqual([['行政许可决定', '行政处罚决定'], ['规章·制发', '行政强制决定']]);
    expect(splitByMagnitude([licences, penalties])).toHaveLength(1);
  });

  it('linesOption draws them as small multiples, each panel on its own axes', () => {
    const o = linesOption(years, [s('新收', [2000, 2100, 2400, 2800]), s('行政复议', [40, 39, 50, 63])], 'zh') as O;
    expect(o.grid).toHaveLength(2);
    expect(o.yAxis).toHaveLength(2);
    expect(o.series.map((x: O) => x.yAxisIndex)).toEqual([0, 1]);
    expect(o.legend.data).toEqual(['新收', '行政复议']);
    const fitted = fitChart(o, 1200, 300).option as O;
    // side by side at 1200 px: the second panel starts right of the first
    expect(fitted.grid[1].left).toBeGreaterThan(fitted.grid[0].left + fitted.grid[0].width);
    const narrow = fitChart(o, 300, 300);
    // one column at 300 px: stacked, the chart taller
    expect((narrow.option as O).grid[1].top).toBeGreaterThan((narrow.option as O).grid[0].top + (narrow.option as O).grid[0].height);
    expect(narrow.height).toBeGreaterThan(300);
  });

  it('section 二 is shown by what it counts: rules, normative documents, decisions, fees', () => {
    const panels = proactivePanels(SECTION2_CODES, (c) => s(chartLabel(c, 'zh'), [1, 2, 3, 4]));
    expect(panels.map((p) => p.series.map((x) => x.name))).toEqual([
      ['规章·制发', '规章·废止', '规章·现行有效'],
      ['规范性文件·制发', '规范性文件·废止', '规范性文件·现行有效'],
      ['行政许可决定', '行政处罚决定', '行政强制决定'],
      ['收费金额（万元）'],
    ]);
  });

  it('the tooltip names a series by its full label', () => {
    const o = linesOption(years, [s('本年新收', [1, 2, 3, 4], '本年新收政府信息公开申请数量')], 'zh') as O;
    const html = o.tooltip.formatter([{ axisValueLabel: '2024', seriesName: '本年新收', value: 1234, marker: '', dataIndex: 3 }]);
    expect(html).toContain('本年新收政府信息公开申请数量：1,234');
    const en = linesOption(years, [s('New', [1, 2, 3, 4], 'new applications received this year')], 'en') as O;
    expect(en.tooltip.formatter([{ axisValueLabel: '2024', seriesName: 'New', value: 5, marker: '', dataIndex: 0 }])).toContain('new applications received this year: 5');
  });

  it('English tooltips use half-width punctuation', () => {
    const o = sharesBarOption(['Natural persons', 'Businesses'], [75, 25], 'en') as O;
    expect(o.tooltip.formatter({ name: 'Natural persons', value: 75 })).toBe('Natural persons: 75 (75.0%)');
    const p = partsBarOption(['a'], ['refused: state secret'], [3], 'en') as O;
    expect(p.tooltip.formatter({ dataIndex: 0, value: 3 })).toBe('refused: state secret: 3');
  });
});

describe('short chart labels', () => {
  it('are keyed by cell codes of cells.csv or by known measures, in both languages', () => {
    const known = new Set(['suit_total', 'review_decided', 'received_total']);
    for (const [key, [zh, en]] of Object.entries(CHART_LABELS)) {
      const isMeasure = CELL_BY_CODE.has(key) || RATE_BY_NAME.has(key) || known.has(key) || /^outcome_[a-z_]+_total$/.test(key);
      expect(isMeasure, key).toBe(true);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en, key).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      // short: a legend item fits a third of a 1,366 px screen's chart panel
      expect(textWidth(zh), key).toBeLessThanOrEqual(120);
      expect(textWidth(en), key).toBeLessThanOrEqual(190);
    }
  });

  it('every rate and section 二 cell has one; others fall back to the full label', () => {
    for (const code of SECTION2_CODES) expect(CHART_LABELS[code], code).toBeDefined();
    for (const name of RATE_BY_NAME.keys()) expect(CHART_LABELS[name], name).toBeDefined();
    expect(chartLabel('s3_new_business', 'en')).toBe('Businesses');
    expect(chartLabel('s3_new_business', 'zh')).toBe(CELL_BY_CODE.get('s3_new_business')!.col_label_zh);
    expect(chartLabel('s3_granted_natural', 'en', metricLabel('s3_granted_natural', 'en'))).toBe('Disclosed in full — natural persons');
  });

  it('two English legend entries never read the same', () => {
    const en = Object.entries(CHART_LABELS).map(([k, [, e]]) => [k, e]);
    const licensing = en.filter(([k]) => k.startsWith('s2_')).map(([, e]) => e);
    expect(new Set(licensing).size).toBe(licensing.length);
  });
});

describe('English for the form\'s words', () => {
  it('item numbers in English', () => {
    expect(itemLabel('三（三）1', 'en')).toBe('III.3.1');
    expect(itemLabel('三（四）12', 'en')).toBe('III.4.12');
    expect(itemLabel('三（七）', 'en')).toBe('III.7');
    expect(itemLabel('三（三）1', 'zh')).toBe('三（三）1');
  });

  it('every level the app knows has an English name; unknown words are kept and flagged', () => {
    for (const l of LEVELS) {
      const en = levelLabel(l, 'en');
      expect(en.known).toBe(true);
      expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(levelLabel('自治区级', 'en')).toEqual({ text: '自治区级', known: false });
    expect(categoryLabel('执法', 'en').text).toBe('Law enforcement');
  });
});

describe('exported PNG caption', () => {
  const now = new Date(2026, 11, 6, 9, 5);
  it('says the title, the filters, the source and the date', () => {
    const zh = captionLines({ title: '行政复议与行政诉讼', params: { from: '2022', to: '2024', level: '区县' }, lang: 'zh', demo: true, now });
    expect(zh).toEqual(['行政复议与行政诉讼', '筛选：期间：2022–2024；层级：区县', '数据来源：示例市（合成演示数据，非真实统计）', '导出于：2026-12-06 09:05']);
    const en = captionLines({ title: 'Reconsiderations', params: { year: '2024', level: '区县部门', xl: '1' }, lang: 'en', demo: false, reports: 1234, now });
    expect(en[1]).toBe('Filters: Year: 2024; Level: District department; largest agency excluded');
    expect(en[2]).toBe('Source: annual government information disclosure reports, 1,234 reports');
    expect(en[3]).toBe('Exported: 2026-12-06 09:05');
  });

  it('says "all agencies" without filters', () => {
    expect(filterLine({}, 'en')).toBe('Filters: all agencies');
    expect(filterLine({ sort: 'x' }, 'zh')).toBe('筛选：全部机构');
  });
});

describe('panels of small multiples', () => {
  it('balance their columns', () => {
    const six = multiplesOption(years, [1, 10, 100, 1000, 10000, 100000].map((p, i) => ({ series: [s(`s${i}`, [p, p, p, p])] })), 'zh');
    const f = fitChart(six, 1300, 300).option as O;
    const tops = [...new Set(f.grid.map((g: O) => g.top))];
    expect(tops).toHaveLength(2); // 3 + 3
    expect(f.grid.filter((g: O) => g.top === tops[0])).toHaveLength(3);
  });

  it('section 二 splits a stock far above its flows', () => {
    const v: Record<string, number> = { s2_normative_issued: 220, s2_normative_repealed: 170, s2_normative_in_force: 1800 };
    const panels = proactivePanels(Object.keys(v), (c) => s(c, [v[c], v[c], v[c], v[c]]));
    expect(panels.map((p) => p.series.map((x) => x.name))).toEqual([['s2_normative_in_force'], ['s2_normative_issued', 's2_normative_repealed']]);
  });
});

describe('the official form in English', async () => {
  const { S2_BLOCKS, S3_COLUMN_LABELS, S3_LINES, S4_LAYOUT, FORM_CHROME } = await import('../../src/lib/format/formLayout');
  const { formWordEn, s3HeadsEn } = await import('../../src/lib/format/formLayoutEn');
  const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
  it('has an English word for every printed header', () => {
    const words = [...Object.values(FORM_CHROME), ...S2_BLOCKS.flatMap((b) => [b.item, ...b.columns, ...b.rows.map((r) => r.label)]), ...S3_COLUMN_LABELS, ...S4_LAYOUT.header.flat().map((h) => h.text)];
    for (const zh of words) expect(formWordEn(zh), zh).not.toMatch(CJK);
  });
  it('names every section-三 row header in English, one per printed header cell', () => {
    for (const line of S3_LINES) {
      const en = s3HeadsEn(line);
      expect(en, line.item).toHaveLength(line.heads.length);
      for (const t of en) expect(t).not.toMatch(CJK);
    }
    expect(s3HeadsEn(S3_LINES.find((l) => l.item === '三（三）1')!)).toEqual(['(3) Refused', '1. State secret']);
  });
});

describe('storage sizes', async () => {
  const { fmtBytes } = await import('../../src/lib/format/bytes');
  it('group digits and pick a unit that keeps the number short', () => {
    expect(fmtBytes(10737.6 * 1024 * 1024, 'en')).toBe('10.5 GB');
    expect(fmtBytes(10 * 1024 ** 3, 'zh')).toBe('10 GB');
    expect(fmtBytes(123_456, 'en')).toBe('121 KB');
    expect(fmtBytes(1536, 'en')).toBe('1.5 KB');
    expect(fmtBytes(512, 'en')).toBe('512 B');
    expect(fmtBytes(1023 * 1024 ** 4 * 2, 'en')).toBe('2,046 TB');
    expect(fmtBytes(null, 'en')).toBe('—');
  });
});

describe('CSV of a view table', async () => {
  const { tableCsv } = await import('../../src/lib/analysis/table');
  const spec = {
    cols: [
      { key: 'agency', label: '机构', kind: 'text' as const, head: true },
      { key: 'n', label: '件数', kind: 'count' as const },
      { key: 'r', label: '公开率', kind: 'rate' as const },
    ],
    rows: [{ key: 'a', cells: { agency: { v: '乙局' }, n: { v: 479 }, r: { v: 0.9498956158663883 } } }, { key: 'b', cells: { agency: { v: '甲局' }, n: { v: 0 }, r: { v: null } } }],
  };
  it('gives rates as labelled ratios in raw mode and percentages in formatted mode, with the year', () => {
    expect(tableCsv(spec, { year: 2024 })).toBe('\uFEFF年度,机构,件数,公开率（比值）\r\n2024,乙局,479,0.9498956158663883\r\n2024,甲局,0,\r\n');
    expect(tableCsv(spec, { year: 2024, numbers: 'formatted', lang: 'en' })).toBe('\uFEFFYear,机构,件数,公开率 (%)\r\n2024,乙局,479,94.99\r\n2024,甲局,0,\r\n');
  });
});

describe('rates', () => {
  it('stay on one axis however different (one scale, 0–100%)', () => {
    const o = agencyBarsOption(['甲局', '乙局'], [s('Disclosure', [0.95, 0.9]), s('Not processed', [0.01, 0.02])], 'en', 'rate') as O;
    expect(Array.isArray(o.grid)).toBe(false);
  });
});
