// The narrative against the table, on reports written for the test in the phrasing of real
// published reports: statements that agree, that disagree, that are ambiguous, and numbers about
// other things that must never be compared. Cells are set directly (distinct non-zero values).
import { describe, expect, it } from 'vitest';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import { readStatements } from '../../src/lib/ingest/narrative/statements';
import { findSections, sectionsPresent } from '../../src/lib/ingest/narrative/sections';
import { readFee } from '../../src/lib/ingest/narrative/fee';
import { checkNarrative, type NarrativeCheck } from '../../src/lib/rules/narrative';
import { charShare, editDistance } from '../../src/lib/ingest/narrative/similarity';
import { normaliseForCopy } from '../../src/lib/ingest/narrative/readNarrative';

/** A table: 37 new (30 natural, 7 orgs: 4 business + 3 legal), 5 carried in, 39 handled, 3 carried
 *  out; 4 reconsiderations, 2 + 1 lawsuits; 6 normative issued, 41 in force; 1,250 licences,
 *  86 penalties, 9 coercion. */
function table(): CellValues {
  const c = emptyCells();
  Object.assign(c, {
    s3_new_natural: 30, s3_new_business: 4, s3_new_research: 0, s3_new_ngo: 0, s3_new_legal: 3, s3_new_other_org: 0, s3_new_total: 37,
    s3_carried_in_natural: 4, s3_carried_in_business: 1, s3_carried_in_research: 0, s3_carried_in_ngo: 0, s3_carried_in_legal: 0, s3_carried_in_other_org: 0, s3_carried_in_total: 5,
    s3_handled_total_natural: 31, s3_handled_total_business: 5, s3_handled_total_research: 0, s3_handled_total_ngo: 0, s3_handled_total_legal: 3, s3_handled_total_other_org: 0, s3_handled_total_total: 39,
    s3_carried_out_total: 3, s4_review_total: 4, s4_suit_direct_total: 2, s4_suit_after_review_total: 1,
    s2_normative_issued: 6, s2_normative_in_force: 41, s2_regulation_issued: 0, s2_regulation_in_force: 2,
    s2_license_decisions: 1250, s2_penalty_decisions: 86, s2_coercion_decisions: 9,
  });
  return c;
}

/** A whole report around a section-一 narrative (lines broken as a PDF breaks them). */
function report(overview: string, opts: { five?: string; six?: string; drop?: string } = {}): string {
  const parts = [
    '示例市测试局\n2024年政府信息公开工作年度报告\n',
    '本报告统计数据从2024年1月1日至12月31日。\n',
    `一、总体情况\n${overview}\n`,
    '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 2\n行政规范性文件 6 1 41\n',
    '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 30 4 0 0 3 0 37\n二、上年结转政府信息公开申请数量 4 1 0 0 0 0 5\n四、结转下年度继续办理 3 0 0 0 0 0 3\n',
    '四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n2 1 0 1 4 1 0 1 0 2 1 0 0 0 1\n',
    `五、存在的主要问题及改进情况\n${opts.five ?? '一是公开意识有待加强；二是栏目更新不够及时。下一步将加强培训。'}\n`,
    `六、其他需要报告的事项\n${opts.six ?? '本年度未收取任何信息处理费。'}\n`,
  ];
  return parts.filter((p) => !opts.drop || !p.startsWith(`${opts.drop}、`)).join('\n');
}

function checks(overview: string): NarrativeCheck[] {
  return checkNarrative(readStatements(report(overview), 2024), table());
}
const of = (cs: NarrativeCheck[], topic: string) => cs.filter((c) => c.topic === topic);

describe('statements that agree', () => {
  it.each([
    ['2024年，本机关共新收政府信息公开申请37件，其中自然人申请30件、法人或其他组织申请7件。', { received: 37, natural: 30, orgs: 7 }],
    ['全年共收到政府信息公开申请\n37件，上年结转5件，办结39件，结转下年度继续办理3件。', { received: 37, carried_in: 5, handled: 39, carried_out: 3 }],
    ['全年共受理政府信息公开申请42件（含上年结转5件），已办结39件，其中3件结转下年度办理。', { received: 42, handled: 39, carried_out: 3 }],
    ['因政府信息公开工作被申请行政复议4件，被提起行政诉讼3件。', { review: 4, suit: 3 }],
    ['本年度制发行政规范性文件 6 件，现行有效行政规范性文件41件。', { normative_issued: 6, normative_in_force: 41 }],
    ['全年作出行政许可决定1,250件，作出行政处罚决定86件，实施行政强制措施9件。', { license: 1250, penalty: 86, coercion: 9 }],
  ])('%s', (text, want) => {
    const cs = checks(text);
    for (const [topic, v] of Object.entries(want)) {
      const got = of(cs, topic);
      expect(got.length, topic).toBe(1);
      expect(got[0].value, topic).toBe(v);
      expect(got[0].status, `${topic}: ${got[0].quote}`).toBe('agrees');
    }
    expect(cs.every((c) => c.status === 'agrees')).toBe(true);
  });

  it('with carry-over says which: new only, new + carried over', () => {
    expect(of(checks('共新收政府信息公开申请37件。'), 'received')[0].basis).toBe('new');
    expect(of(checks('共受理政府信息公开申请42件（含上年结转5件）。'), 'received')[0].basis).toBe('new_carried');
    // "收到…42件" can only have meant new + carried over here
    expect(of(checks('共收到政府信息公开申请42件。'), 'received')[0]).toMatchObject({ basis: 'new_carried', status: 'agrees' });
  });

  it('"did not happen" statements agree with zero cells, and disagree with non-zero ones', () => {
    const c = table();
    c.s4_review_total = 0; c.s4_suit_direct_total = 0; c.s4_suit_after_review_total = 0;
    const text = report('年内未产生因政府信息公开申请引发的行政复议和行政诉讼。');
    const ok = checkNarrative(readStatements(text, 2024), c);
    expect(ok.map((x) => [x.topic, x.status])).toEqual([['review', 'agrees'], ['suit', 'agrees']]);
    const bad = checkNarrative(readStatements(text, 2024), table());
    expect(bad.map((x) => [x.topic, x.status, x.table_value])).toEqual([['review', 'mismatch', 4], ['suit', 'mismatch', 3]]);
  });
});

describe('statements that disagree', () => {
  it.each([
    ['全年共新收政府信息公开申请73件，办结39件。', 'received', 73, 37],
    ['共收到政府信息公开申请37件，已办结38件。', 'handled', 38, 39],
    ['结转下年度继续办理2件。政府信息公开申请均依法答复。', 'carried_out', 2, 3],
    ['因政府信息公开被申请行政复议5件。', 'review', 5, 4],
    ['本年新收政府信息公开申请37件，其中自然人申请28件。', 'natural', 28, 30],
    ['全年制发行政规范性文件8件。', 'normative_issued', 8, 6],
    ['全年作出行政处罚决定68件。', 'penalty', 68, 86],
  ])('%s', (text, topic, stated, inTable) => {
    const cs = checks(text);
    const m = cs.filter((c) => c.status === 'mismatch');
    expect(m.length).toBe(1);
    expect(m[0]).toMatchObject({ topic, value: stated, table_value: inTable });
    expect(m[0].quote).toContain(String(stated));
    expect(m[0].line).toBeGreaterThan(3);
  });

  it('a statement spread over two PDF lines keeps the line of its number; "办理" is checkable when its readings agree', () => {
    // nothing carried in and everything handled: new = new + carried = handled = 37
    const c = table();
    Object.assign(c, { s3_carried_in_natural: 0, s3_carried_in_business: 0, s3_carried_in_total: 0, s3_handled_total_total: 37 });
    const text = report('2024年，依法规范办理政府\n信息公开申请 52件，办结率 100%。');
    const cs = checkNarrative(readStatements(text, 2024), c);
    expect(cs).toHaveLength(1);
    expect(cs[0].basis).toBe('any'); // every reading gives 37: the sentence is checkable
    const lineOf52 = text.split('\n').findIndex((l) => l.includes('52件')) + 1;
    expect(cs[0]).toMatchObject({ status: 'mismatch', value: 52, line: lineOf52 });
  });
});

describe('ambiguous statements are not flags', () => {
  it('"收到" with carry-over: 40 is neither new (37) nor new + carried (42), and the two readings differ', () => {
    const cs = checks('全年共收到政府信息公开申请40件。');
    expect(cs).toHaveLength(1);
    expect(cs[0].status).toBe('not_checkable');
  });

  it('"办理…申请" may be received or handled', () => {
    expect(checks('依法办理政府信息公开申请41件。')[0].status).toBe('not_checkable');
    expect(checks('依法办理政府信息公开申请39件。')[0]).toMatchObject({ status: 'agrees', basis: 'handled' });
  });

  it('a blank cell makes a statement not checkable', () => {
    const c = table();
    c.s4_review_total = null;
    const cs = checkNarrative(readStatements(report('因政府信息公开被申请行政复议5件。'), 2024), c);
    expect(cs[0].status).toBe('not_checkable');
  });

  it('natural persons without the applications they are part of are not read', () => {
    expect(checks('自然人申请占比较高，达28件。')).toEqual([]);
  });
});

describe('numbers about other things are never compared', () => {
  it.each([
    '全年通过门户网站主动公开政府信息1,234条，发布政策解读37篇。',
    '接听政务服务热线来电5件，答复网民留言37件。',
    '组织开展政务公开业务培训4次，参训人员120人次。',
    '共收到政府信息公开申请约40件。',
    '共收到政府信息公开申请40余件。',
    '全年收到政府信息公开申请较上年增加12件。',
    '2023年共收到政府信息公开申请20件。',
    '办结人大代表建议和政协提案38件。',
    '办理行政复议案件120件，其中涉及政府信息公开的4件。',
    '受理行政许可申请5,000件。',
    '清理规范性文件58件，废止9件。',
    '处理信访投诉事项39件。',
    '行政复议和行政诉讼共7件。',
    '政府信息公开申请同比下降20%，办结率100%。',
    '收到涉及征地拆迁的政府信息公开申请12件。',
    '通过信函方式收到政府信息公开申请2件，通过网上申请平台收到申请20件。',
    '全年共收到政府信息公开申请37件，其中当面申请3件、网络申请34件。',
    '共收到政府信息公开申请37件，其中按时办结36件。',
    '发布行政处罚决定信息86条，公开行政许可信息1,250条。',
  ])('%s', (text) => {
    expect(checks(text).filter((c) => c.status !== 'agrees')).toEqual([]);
  });

  it('the tables of sections 二–四 are never read as narrative', () => {
    expect(checks('本机关坚持以公开为常态。')).toEqual([]);
  });
});

describe('sections and the fee', () => {
  it('all six sections are found; the form\'s row labels 一…四 are not taken for headings', () => {
    const spans = findSections(report('x'));
    expect(sectionsPresent(spans)).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('headings run into the text (a web page saved without line breaks) are found by their standard titles', () => {
    const text = '某镇人民政府2023年政府信息公开工作年度报告\n本报告统计数据从2023年1月1日至12月31日。一、总体情况2023年，我镇共新收政府信息公开申请18件。\n二、主动公开政府信息情况第二十条第（一）项规章000\n三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量152001018\n四、政府信息公开行政复议、行政诉讼情况110130001100000\n五、存在的主要问题及改进情况一是……\n六、其他需要报告的事项无。';
    expect(sectionsPresent(findSections(text))).toEqual(['一', '二', '三', '四', '五', '六']);
    // and only the narrative is read: the run-together table numbers are not statements
    expect(readStatements(text, 2023).map((x) => [x.topic, x.value])).toEqual([['received', 18]]);
  });

  it('a missing section is missing', () => {
    expect(sectionsPresent(findSections(report('x', { drop: '五' })))).toEqual(['一', '二', '三', '四', '六']);
  });

  it.each([
    ['本年度未收取任何信息处理费。', 0],
    ['2024年，本机关没有收取信息处理费。', 0],
    ['全年收取信息处理费共计1,280元。', 1280],
    ['依法收取信息处理费0.15万元。', 1500],
    ['本年度收取信息处理费2笔，共计360元。', 360],
    ['本报告电子版可在门户网站下载。', null],
    ['收取信息处理费120元。另有1件申请未收取信息处理费。', null],
  ])('%s → %s', (six, yuan) => {
    const text = report('x', { six });
    const spans = findSections(text);
    const s6 = spans.find((s) => s.id === '六')!;
    expect(readFee(text, s6.start + 1, s6.end)?.yuan ?? null).toBe(yuan);
  });
});

describe('section 五 similarity', () => {
  const FIVE = '一是主动公开的深度和广度还不够，部分栏目信息更新不及时；二是政策解读的形式比较单一，解读质量有待提高。下一步，我局将加强培训，完善制度，及时更新栏目内容，丰富解读形式。';
  it('edit distance over characters', () => {
    expect(editDistance([...'公开意识'], [...'公开工作意识'])).toBe(2);
    expect(editDistance([...'abc'], [...''])).toBe(3);
  });
  it('the same text with other years and counts is 100% the same; a few words changed stay above 90%; a rewrite is far below', () => {
    const a = normaliseForCopy(`2023年${FIVE}全年培训3次。`);
    const b = normaliseForCopy(`2024年${FIVE}全年培训5次。`);
    expect(charShare(a, b)).toBe(1);
    const c = normaliseForCopy(FIVE.replace('下一步', '2025年').replace('比较单一', '较为单一'));
    expect(charShare(normaliseForCopy(FIVE), c)).toBeGreaterThan(0.9);
    const d = normaliseForCopy('一是依申请公开办理质量仍需提升，个别答复说理不够充分；二是基层政务公开标准化规范化建设推进不平衡。下一步，将组织专题业务培训，开展答复文书评查，推动基层公开目录动态更新。');
    expect(charShare(normaliseForCopy(FIVE), d)!).toBeLessThan(0.5);
  });
  it('short texts are not compared', () => {
    expect(charShare('无。', '无。')).toBeNull();
  });
});
