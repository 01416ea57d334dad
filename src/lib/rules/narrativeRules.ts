// Rules over a report's words (documents only; a CSV import has no text, so none of these can
// fire on it): narrative_mismatch, sections_missing, narrative_copied.
import { lit } from '../db/adapter';
import { SECTION_IDS } from '../ingest/narrative/sections';
import { COPY_MIN_CHARS } from '../ingest/narrative/similarity';
import { withAgency } from './sqlParts';
import { n } from './text';
import type { RuleDef, RuleRow } from './types';

/** The six standard sections' headings, as the format prints them. */
export const SECTION_TITLES: Record<string, { zh: string; en: string }> = {
  一: { zh: '总体情况', en: 'overview' },
  二: { zh: '主动公开政府信息情况', en: 'proactive disclosure' },
  三: { zh: '收到和处理政府信息公开申请情况', en: 'applications received and handled' },
  四: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'reconsideration and litigation' },
  五: { zh: '存在的主要问题及改进情况', en: 'main problems and improvements' },
  六: { zh: '其他需要报告的事项', en: 'other matters' },
};

const SECTION_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** "五、存在的主要问题及改进情况" / "section 5 (main problems and improvements)"; `short`: "五" / "5". */
export function sectionName(id: string, lang: 'zh' | 'en', short = false): string {
  const t = SECTION_TITLES[id];
  if (lang === 'zh') return short || !t ? id : `${id}、${t.zh}`;
  const n = SECTION_NUMBER[id] ?? id;
  return short || !t ? String(n) : `section ${n} (${t.en})`;
}

/** What a narrative statement is about, in words. */
export const TOPIC_LABELS: Record<string, { zh: string; en: string }> = {
  received: { zh: '收到申请数', en: 'applications received' },
  natural: { zh: '自然人申请数', en: 'applications from natural persons' },
  orgs: { zh: '法人或其他组织申请数', en: 'applications from organisations' },
  carried_in: { zh: '上年结转申请数', en: 'applications carried over from last year' },
  handled: { zh: '办结数', en: 'applications handled' },
  carried_out: { zh: '结转下年度办理数', en: 'applications carried into next year' },
  review: { zh: '行政复议数', en: 'reconsiderations' },
  suit: { zh: '行政诉讼数', en: 'lawsuits' },
  normative_issued: { zh: '本年制发行政规范性文件数', en: 'normative documents issued' },
  normative_in_force: { zh: '现行有效行政规范性文件数', en: 'normative documents in force' },
  regulation_issued: { zh: '本年制发规章数', en: 'rules issued' },
  regulation_in_force: { zh: '现行有效规章数', en: 'rules in force' },
  license: { zh: '行政许可处理决定数', en: 'licensing decisions' },
  penalty: { zh: '行政处罚处理决定数', en: 'penalty decisions' },
  coercion: { zh: '行政强制处理决定数', en: 'coercion decisions' },
};

export const BASIS_LABELS: Record<string, { zh: string; en: string }> = {
  new: { zh: '按本年新收（不含上年结转）理解', en: 'read as new this year (without carry-over)' },
  new_carried: { zh: '按本年新收加上年结转理解', en: 'read as new plus carried over from last year' },
  handled: { zh: '按办结数理解', en: 'read as handled' },
  any: { zh: '含不含上年结转（或按办结数）表中数字相同，各种理解结果一致', en: 'with or without carry-over (or as handled) the table gives the same figure' },
};

/** Location key of a statement: its topic and line ("received@45"). */
export function narrativeMismatchSql(): string {
  return withAgency(`SELECT s.agency_id, s.year, s.topic || '@' || s.line AS col, s.cells, s.table_value AS expected, s.value AS actual,
  s.quote, s.line, s.topic, s.basis
FROM narrative_statements s WHERE s.status = 'mismatch'`);
}

const mismatch: RuleDef = {
  id: 'narrative_mismatch', severity: 'warning',
  title_zh: '文字说明与表格数字不符', title_en: 'Narrative contradicts the table',
  explain_zh: '报告正文（第一、五、六部分）明确写出的数字与表格中对应格子的数字不同。只比对能确定所指的说法：“收到申请”等可能含或不含上年结转的说法，两种理解结果不同时不判定；网站发布、热线、培训等其他事项的数字从不比对。',
  explain_en: 'A number the report’s text (sections 一, 五, 六) states clearly differs from the matching cells of its table. Only statements whose meaning is certain are compared: “applications received” that may or may not include carry-over is not judged when the two readings differ; numbers about other things (web posts, hotline calls, training) are never compared.',
  sql: narrativeMismatchSql,
  message: (r: RuleRow) => {
    const t = TOPIC_LABELS[String(r.topic)] ?? { zh: String(r.topic), en: String(r.topic) };
    return [
      `第 ${r.line} 行“${r.quote}”：文字为 ${n(r.actual, 'zh')}，表中${t.zh}为 ${n(r.expected, 'zh')}`,
      `line ${r.line} “${r.quote}”: the text says ${n(r.actual, 'en')}, the table’s ${t.en} is ${n(r.expected, 'en')}`,
    ];
  },
};

export function sectionsMissingSql(): string {
  const all = `[${SECTION_IDS.map((s) => lit(s)).join(', ')}]`;
  return withAgency(`SELECT m.agency_id, m.year, m.col, []::VARCHAR[] AS cells, NULL::VARCHAR AS expected, NULL::VARCHAR AS actual
FROM (SELECT t.agency_id, t.year, unnest(list_filter(${all}, x -> NOT list_contains(t.sections, x))) AS col FROM document_texts t) m`);
}

const sectionsMissing: RuleDef = {
  id: 'sections_missing', severity: 'warning',
  title_zh: '缺少规定的部分', title_en: 'A standard section is missing',
  explain_zh: '年度报告应有六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。只核对从文档导入、保存了正文的报告。',
  explain_en: 'An annual report has six sections (1 overview … 6 other matters). Checked only for reports imported from documents, whose text is kept.',
  sql: sectionsMissingSql,
  message: (r) => {
    const s = SECTION_TITLES[String(r.col)];
    return [`正文中未找到第${r.col}部分“${s?.zh ?? ''}”`, `${sectionName(String(r.col), 'en')} not found in the text`];
  },
};

/** Section 五 counts as copied when at least this share of its characters is the same as the
 *  previous year's (similarity.ts: 1 − edit distance ÷ length of the longer text, over characters,
 *  both texts without digits and spaces; computed at import, kept as document_texts.copy_share). */
export const COPY_MIN_SHARE = 0.9;

export function narrativeCopiedSql(minShare = COPY_MIN_SHARE): string {
  return withAgency(`SELECT c.agency_id, c.year, '五' AS col, []::VARCHAR[] AS cells, ${minShare}::DOUBLE AS expected, c.copy_share AS actual, p.year AS prev_year
FROM document_texts c JOIN document_texts p ON p.agency_id = c.agency_id AND p.year = c.year - 1
WHERE c.copy_share >= ${minShare}`);
}

const pct = (v: unknown) => `${Math.round(Number(v) * 1000) / 10}%`;

const copied: RuleDef = {
  id: 'narrative_copied', severity: 'warning',
  title_zh: '问题与改进部分照搬上年', title_en: 'Problems section copied from last year',
  explain_zh: `第五部分“存在的主要问题及改进情况”与本机构上一年度报告的第五部分几乎相同：去掉数字（年份、件数）和空格后，相同字符占比 ≥ ${COPY_MIN_SHARE * 100}%（相同字符占比 = 1 − 编辑距离 ÷ 较长文本的字数；不足 ${COPY_MIN_CHARS} 字的不比对）。`,
  explain_en: `Section 五 (problems and improvements) is nearly the same as the same agency’s previous year: with digits (years, counts) and spaces removed, ≥ ${COPY_MIN_SHARE * 100}% of characters in common (share = 1 − edit distance ÷ length of the longer text; texts under ${COPY_MIN_CHARS} characters are not compared).`,
  sql: () => narrativeCopiedSql(),
  message: (r) => [
    `第五部分与 ${r.prev_year} 年度报告相同字符占 ${pct(r.actual)}`,
    `section 五 shares ${pct(r.actual)} of its characters with the ${r.prev_year} report`,
  ],
};

export const NARRATIVE_RULES: readonly RuleDef[] = [mismatch, sectionsMissing, copied];
