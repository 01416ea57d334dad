// A plain draft of the standard sentences a supervisor writes around the form's tables, made only
// from the same figures (pure and deterministic): "全市共新收政府信息公开申请2,799件，上年结转…件；
// 办结…件，其中予以公开…件…". Nothing is invented: a blank figure is written as "未填报" / "not
// reported" (never 0), and a clause whose figures are all blank is left out.
import { OUTCOME_GROUPS, S3_PART_COLUMNS, S3_TOTAL_COLUMN, S4_GROUPS, s3RowsOfGroup, type CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import type { Lang } from '../i18n/messages';

export interface DraftInput {
  cells: CellValues;
  /** who the figures are about: "全市" / "the city", "本机关" / "this agency" … */
  subject: { zh: string; en: string };
  /** 信息处理费 stated by the reports (元), and how many reports state it (0: none says) */
  fee?: { yuan: number | null; reports: number } | null;
}

const sumOf = (cells: CellValues, codes: readonly CellCode[]): number | null => {
  let any = false;
  let s = 0;
  for (const c of codes) {
    const v = cells[c];
    if (v == null) continue;
    any = true;
    s += v;
  }
  return any ? s : null;
};
const groupTotal = (cells: CellValues, group: string) =>
  sumOf(cells, s3RowsOfGroup(group as never).map((r) => r.codes[S3_TOTAL_COLUMN]));

function num(v: number | null, lang: Lang, money = false): string {
  if (v == null) return lang === 'zh' ? '（未填报）' : '(not reported)';
  const f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', money ? { minimumFractionDigits: 0, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 });
  return f.format(v);
}

/** The figures the sentences use, by name (also what the tests check the text against). */
export function draftFigures(cells: CellValues) {
  const c = (code: CellCode) => cells[code];
  const [granted, partial, refused, unable, notProcessed, other] = OUTCOME_GROUPS.map((g) => groupTotal(cells, g));
  const suits = S4_GROUPS.filter((g) => g.group !== 's4_review');
  return {
    regulation_issued: c('s2_regulation_issued'), regulation_repealed: c('s2_regulation_repealed'), regulation_in_force: c('s2_regulation_in_force'),
    normative_issued: c('s2_normative_issued'), normative_repealed: c('s2_normative_repealed'), normative_in_force: c('s2_normative_in_force'),
    license: c('s2_license_decisions'), penalty: c('s2_penalty_decisions'), coercion: c('s2_coercion_decisions'), fee_wan: c('s2_fee_amount'),
    new_total: c('s3_new_total'), new_natural: c('s3_new_natural'),
    new_orgs: sumOf(cells, S3_PART_COLUMNS.slice(1).map((col) => `s3_new_${col}` as CellCode)),
    carried_in: c('s3_carried_in_total'), handled: c('s3_handled_total_total'), carried_out: c('s3_carried_out_total'),
    granted, partial, refused, unable, not_processed: notProcessed, other,
    review: c('s4_review_total'), review_upheld: c('s4_review_upheld'), review_corrected: c('s4_review_corrected'),
    review_other: c('s4_review_other'), review_pending: c('s4_review_pending'),
    suit: sumOf(cells, suits.map((g) => g.total)), suit_direct: c('s4_suit_direct_total'), suit_after_review: c('s4_suit_after_review_total'),
    suit_corrected: sumOf(cells, suits.map((g) => g.corrected)),
  };
}

const allBlank = (...vs: (number | null)[]) => vs.every((v) => v == null);

/** The draft's paragraphs in the language asked for. */
export function draftParagraphs(input: DraftInput, lang: Lang): string[] {
  const f = draftFigures(input.cells);
  const n = (v: number | null) => num(v, lang);
  const out: string[] = [];
  const zh = lang === 'zh';
  const who = zh ? input.subject.zh : input.subject.en;

  if (!allBlank(f.regulation_issued, f.regulation_in_force, f.normative_issued, f.normative_repealed, f.normative_in_force)) {
    out.push(zh
      ? `一、主动公开。${who}本年制发规章${n(f.regulation_issued)}件、废止${n(f.regulation_repealed)}件，现行有效${n(f.regulation_in_force)}件；制发行政规范性文件${n(f.normative_issued)}件、废止${n(f.normative_repealed)}件，现行有效${n(f.normative_in_force)}件。行政许可处理决定${n(f.license)}件，行政处罚处理决定${n(f.penalty)}件，行政强制处理决定${n(f.coercion)}件；行政事业性收费${num(f.fee_wan, lang, true)}万元。`
      : `1. Proactive disclosure (${who}). Rules issued: ${n(f.regulation_issued)}, repealed: ${n(f.regulation_repealed)}, in force: ${n(f.regulation_in_force)}. Normative documents issued: ${n(f.normative_issued)}, repealed: ${n(f.normative_repealed)}, in force: ${n(f.normative_in_force)}. Administrative licensing decisions: ${n(f.license)}; penalty decisions: ${n(f.penalty)}; coercion decisions: ${n(f.coercion)}; administrative fees collected: ${num(f.fee_wan, lang, true)} ×10,000 yuan.`);
  }
  if (!allBlank(f.new_total, f.carried_in, f.handled, f.carried_out)) {
    out.push(zh
      ? `二、依申请公开。${who}共新收政府信息公开申请${n(f.new_total)}件，其中自然人申请${n(f.new_natural)}件、法人或其他组织申请${n(f.new_orgs)}件；上年结转${n(f.carried_in)}件。办结${n(f.handled)}件，其中予以公开${n(f.granted)}件、部分公开${n(f.partial)}件、不予公开${n(f.refused)}件、无法提供${n(f.unable)}件、不予处理${n(f.not_processed)}件、其他处理${n(f.other)}件；结转下年度继续办理${n(f.carried_out)}件。`
      : `2. Disclosure on request. ${cap(who)} received ${n(f.new_total)} new requests for government information (${n(f.new_natural)} from natural persons, ${n(f.new_orgs)} from legal persons and other organisations), with ${n(f.carried_in)} carried over from last year. ${n(f.handled)} were handled: ${n(f.granted)} disclosed in full, ${n(f.partial)} in part, ${n(f.refused)} refused, ${n(f.unable)} unable to provide, ${n(f.not_processed)} not processed and ${n(f.other)} handled otherwise; ${n(f.carried_out)} were carried over to next year.`);
  }
  if (!allBlank(f.review, f.suit)) {
    out.push(zh
      ? `三、行政复议和行政诉讼。因政府信息公开工作被申请行政复议${n(f.review)}件，其中结果维持${n(f.review_upheld)}件、结果纠正${n(f.review_corrected)}件、其他结果${n(f.review_other)}件、尚未审结${n(f.review_pending)}件；被提起行政诉讼${n(f.suit)}件（未经复议直接起诉${n(f.suit_direct)}件、复议后起诉${n(f.suit_after_review)}件），其中结果纠正${n(f.suit_corrected)}件。`
      : `3. Reconsideration and litigation. ${n(f.review)} applications for administrative reconsideration concerned disclosure (${n(f.review_upheld)} upheld, ${n(f.review_corrected)} corrected, ${n(f.review_other)} other result, ${n(f.review_pending)} pending); ${n(f.suit)} lawsuits were filed (${n(f.suit_direct)} without prior reconsideration, ${n(f.suit_after_review)} after it), of which ${n(f.suit_corrected)} ended in correction.`);
  }
  const fee = input.fee;
  if (fee && fee.reports > 0) {
    out.push(zh
      ? `四、信息处理费。${fee.reports}份报告说明了信息处理费收取情况，合计收取${num(fee.yuan, lang, true)}元。`
      : `4. Information processing fees. ${fee.reports} reports state the fees charged, ${num(fee.yuan, lang, true)} yuan in all.`);
  }
  return out;
}

const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
