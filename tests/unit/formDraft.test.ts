// The draft sentences: made only from the figures (each number in the text is one of them), a blank
// figure written as "未填报" / "not reported" (never 0), a clause of blanks left out; and the
// document's scope: a filtered rollup names its filters, lists the reports its totals add (an
// aggregate where it stands for its area) and the agency-years expected but missing.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { emptyCells } from '../../src/lib/format/record';
import { areaName, buildFormDocument, subjectOf, targetOfRoute } from '../../src/lib/form/formDoc';
import { draftFigures, draftParagraphs } from '../../src/lib/form/formDraft';
import { formValueText } from '../../src/lib/form/formGrid';
import { EMPTY_FILTERS } from '../../src/lib/state/filters';
import { demo } from '../e2e/demo';
import { freshDb, loadCsv } from './helpers/db';

const city = { zh: '全市', en: 'the city' };

describe('draft sentences', () => {
  it('every number in the draft is a figure of the form; the figures are the form\'s sums', () => {
    const c = emptyCells();
    Object.assign(c, {
      s3_new_natural: 2525, s3_new_business: 167, s3_new_research: 5, s3_new_ngo: 9, s3_new_legal: 62, s3_new_other_org: 31, s3_new_total: 2799,
      s3_carried_in_total: 116, s3_handled_total_total: 2805, s3_carried_out_total: 110, s3_granted_total: 1240, s3_partial_total: 188,
      s4_review_total: 63, s4_review_upheld: 41, s4_review_corrected: 8, s4_review_other: 7, s4_review_pending: 7,
      s4_suit_direct_total: 29, s4_suit_after_review_total: 10, s4_suit_direct_corrected: 3, s4_suit_after_review_corrected: 2,
    });
    const f = draftFigures(c);
    expect([f.new_orgs, f.suit, f.suit_corrected]).toEqual([274, 39, 5]);
    const zh = draftParagraphs({ cells: c, subject: city }, 'zh');
    expect(zh[0]).toMatch(/^二、依申请公开。全市共新收政府信息公开申请2,799件，其中自然人申请2,525件、法人或其他组织申请274件；上年结转116件。办结2,805件，其中予以公开1,240件、部分公开188件、/);
    expect(zh[1]).toContain('被提起行政诉讼39件（未经复议直接起诉29件、复议后起诉10件），其中结果纠正5件');
    const allowed = new Set(Object.values(f).filter((v) => v != null).map((v) => new Intl.NumberFormat('zh-CN').format(v!)));
    for (const m of zh.join('').matchAll(/[\d,]+(?=件)/g)) expect(allowed.has(m[0]), m[0]).toBe(true);
    const en = draftParagraphs({ cells: c, subject: city }, 'en');
    expect(en[0]).toContain('received 2,799 new requests');
  });

  it('blank is "未填报" / "not reported", never 0; a section with no figure at all is left out', () => {
    const c = emptyCells();
    c.s3_new_total = 12;
    const zh = draftParagraphs({ cells: c, subject: city }, 'zh');
    expect(zh).toHaveLength(1); // no proactive and no reconsideration paragraph
    expect(zh[0]).toContain('新收政府信息公开申请12件，其中自然人申请（未填报）件');
    expect(zh[0]).not.toMatch(/[^\d,]0件/);
    expect(draftParagraphs({ cells: c, subject: city }, 'en')[0]).toContain('(not reported) from natural persons');
    expect(draftParagraphs({ cells: emptyCells(), subject: city }, 'zh')).toEqual([]);
  });

  it('the fee sentence only when reports state it', () => {
    const c = emptyCells();
    c.s3_new_total = 1;
    expect(draftParagraphs({ cells: c, subject: city, fee: { yuan: 1280, reports: 3 } }, 'zh').at(-1)).toBe('四、信息处理费。3份报告说明了信息处理费收取情况，合计收取1,280元。');
    expect(draftParagraphs({ cells: c, subject: city, fee: { yuan: null, reports: 0 } }, 'zh')).toHaveLength(1);
  });

  it('values as printed: counts whole, 万元 with two to four decimals, blank empty', () => {
    expect(formValueText('s3_new_total', 2799)).toBe('2799');
    expect(formValueText('s2_fee_amount', 58.1)).toBe('58.10');
    expect(formValueText('s2_fee_amount', 0.125)).toBe('0.125');
    expect(formValueText('s2_fee_amount', null)).toBe('');
    expect(formValueText('s3_new_total', 0)).toBe('0');
  });

  it('names: area, subject, and the target of a route', () => {
    expect(areaName('示例市人民政府')).toBe('示例市');
    expect(subjectOf('东城区').zh).toBe('全区');
    expect(targetOfRoute('agency', ['SL-D01'], { year: '2023' })).toEqual({ kind: 'agency', agency_id: 'SL-D01', year: 2023 });
    expect(targetOfRoute('trends', [], { from: '2022', to: '2024', level: '区县' })).toMatchObject({ kind: 'rollup', range: true, filters: { from: 2022, to: 2024, level: '区县' } });
    expect(targetOfRoute('overview', [], { year: '2024' })).toMatchObject({ kind: 'rollup', range: false });
  });
});

describe('the document of a filtered rollup', () => {
  const d = demo();
  const dropped = d.leaf.find((r) => r.year === '2024' && r.agency_id.startsWith('SL-D'))!;
  let db: DbAdapter;
  beforeAll(async () => {
    db = await freshDb();
    await loadCsv(db, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
    // the demo without one leaf report of 2024: it is then listed as missing, and not added
    const lines = readFileSync('data/reports.csv', 'utf8').split('\n');
    await loadCsv(db, 'reports.csv', lines.filter((l) => !l.includes(`,2024,${dropped.agency_id},`)).join('\n'));
  }, 60_000);

  it('level 区县 in 2024: the filter in the scope lines, a generic subject, missing reports listed', async () => {
    const doc = await buildFormDocument(db, { kind: 'rollup', filters: { ...EMPTY_FILTERS, year: 2024, level: '区县' }, range: false }, 'zh');
    expect(doc.scope).toContain('层级：区县');
    expect(doc.title).toBe('示例市2024年政府信息公开工作年度报告（汇总）');
    expect(doc.draft.zh.some((p) => p.includes('纳入汇总的各单位共新收'))).toBe(true);
    expect(doc.included.every((r) => r.year === 2024)).toBe(true);
    expect(doc.included.length).toBeGreaterThan(10);
    const whole = await buildFormDocument(db, { kind: 'rollup', filters: { ...EMPTY_FILTERS, year: 2024 }, range: false }, 'en');
    expect(whole.missing.map((r) => [r.agency_id, r.year])).toEqual([[dropped.agency_id, 2024]]);
    expect(whole.included).toHaveLength(d.leaf.filter((r) => r.year === '2024').length - 1);
    expect(whole.scope[0]).toBe('year: 2024');
  });

  it('a district whose member did not report is counted through its aggregate report: the list names exactly the reports added', async () => {
    const [member] = await db.query<{ agency_id: string; parent_id: string }>(`SELECT m.agency_id, m.parent_id FROM agencies m
      JOIN agencies p ON p.agency_id = m.parent_id AND p.is_aggregate ORDER BY m.agency_id LIMIT 1`);
    const lines = readFileSync('data/reports.csv', 'utf8').split('\n');
    const db2 = await freshDb();
    await loadCsv(db2, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
    await loadCsv(db2, 'reports.csv', lines.filter((l) => !l.includes(`,2024,${member.agency_id},`)).join('\n'));
    const doc = await buildFormDocument(db2, { kind: 'rollup', filters: { ...EMPTY_FILTERS, year: 2024 }, range: false }, 'zh');
    const ids = new Set(doc.included.map((r) => r.agency_id));
    const siblings = await db2.query<{ agency_id: string }>(`SELECT agency_id FROM agencies WHERE parent_id = '${member.parent_id}'`);
    expect(ids.has(member.parent_id)).toBe(true);
    for (const s of siblings) expect(ids.has(s.agency_id), s.agency_id).toBe(false);
    // the list's own reports add up to the form's total
    const listed = await db2.query<{ n: number }>(`SELECT SUM(s3_new_total)::DOUBLE AS n FROM reports WHERE year = 2024
      AND agency_id IN (${doc.included.map((r) => `'${r.agency_id}'`).join(', ')})`);
    expect(Number(listed[0].n)).toBe(doc.cells.s3_new_total);
    expect(doc.missing.map((r) => r.agency_id)).toEqual([member.agency_id]);
  });
});
