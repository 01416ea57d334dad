// What a number in a report's narrative is about, from the words before it in its clause: the
// figures of the form a narrative restates (applications received, handled, carried over,
// reconsiderations, lawsuits, 规范性文件, 许可/处罚/强制 decisions), each with the cells it may
// mean. Anything else — web posts, hotline calls, training sessions, a change from last year — has
// no topic and is never compared. Pure data and small predicates.
import { S3_PART_COLUMNS, type CellCode } from '../../format/cells';

export type Topic =
  | 'received' | 'natural' | 'orgs' | 'carried_in' | 'handled' | 'carried_out' | 'review' | 'suit'
  | 'normative_issued' | 'normative_in_force' | 'regulation_issued' | 'regulation_in_force' | 'license' | 'penalty' | 'coercion';

/** Which rows a statement about applications counts: new only, new plus carried over, or handled. */
export type Basis = 'new' | 'new_carried' | 'handled';

export interface Reading {
  basis: Basis | null;
  cells: CellCode[];
}

const ORG_COLUMNS = S3_PART_COLUMNS.slice(1);
const row = (prefix: 'new' | 'carried_in' | 'handled_total', col: 'total' | 'natural' | 'orgs'): CellCode[] =>
  col === 'orgs' ? ORG_COLUMNS.map((c) => `s3_${prefix}_${c}` as CellCode) : [`s3_${prefix}_${col}` as CellCode];

/** The cells of an application statement: its column (total, natural persons, organisations) in
 *  the rows of its basis. */
export function applicationCells(basis: Basis, col: 'total' | 'natural' | 'orgs'): CellCode[] {
  if (basis === 'new') return row('new', col);
  if (basis === 'handled') return row('handled_total', col);
  return [...row('new', col), ...row('carried_in', col)];
}

export const FIXED_CELLS: Partial<Record<Topic, CellCode[]>> = {
  carried_in: ['s3_carried_in_total'],
  handled: ['s3_handled_total_total'],
  carried_out: ['s3_carried_out_total'],
  review: ['s4_review_total'],
  suit: ['s4_suit_direct_total', 's4_suit_after_review_total'],
  normative_issued: ['s2_normative_issued'],
  normative_in_force: ['s2_normative_in_force'],
  regulation_issued: ['s2_regulation_issued'],
  regulation_in_force: ['s2_regulation_in_force'],
  license: ['s2_license_decisions'],
  penalty: ['s2_penalty_decisions'],
  coercion: ['s2_coercion_decisions'],
};

/** Words that make a number about something else (or a change, an estimate, another year). */
export const OTHER_THINGS = /热线|电话|来电|培训|会议|发布会|微博|微信|公众号|留言|咨询|信访|投诉|建议|提案|网站|网页|专栏|栏目|访问|浏览|解读|回应|新闻|动态|人大|政协|督查|考核|通报|稿件|视频|图片|短信|平台|查阅|点击|人次/;
export const CHANGE = /增加|减少|增长|下降|上升|同比|较上年|比上年|较去年|比去年|环比|持平|翻番|相比|对比|分别/;
export const PAST = /上年(?!度?结转)|去年|上一年(?!度?结转)|前年|历年|累计|以来/;

const has = (s: string, re: RegExp) => re.test(s);

/** The topic of a number from the words before it in its clause (`left`) and its sentence. */
export function topicOf(left: string, sentence: string): Topic | null {
  const disclosure = /公开/.test(sentence);
  if (has(left, /规范性文件|规章/)) {
    if (has(left, /规范性文件/) && has(left, /规章/)) return null;
    if (has(left, /清理|审核|审查|备案|合法性|废止|修订|修改|征求|解读|评估|宣传|公开|政策/)) return null;
    const kind = has(left, /规范性文件/) ? 'normative' : 'regulation';
    if (has(left, /现行有效/)) return `${kind}_in_force`;
    if (has(left, /制发|印发|出台|制定|新制/)) return `${kind}_issued`;
    return null;
  }
  if (has(left, /行政许可/)) return has(left, /受理|申请|事项/) || !has(left, /决定|办理|办结|作出|处理/) ? null : 'license';
  if (has(left, /行政处罚/)) return has(left, /立案|受理|罚款|金额|检查/) || !has(left, /决定|作出|办理|办结|处理|实施|案件/) ? null : 'penalty';
  if (has(left, /行政强制/)) return has(left, /措施|实施|作出|采取|决定|办理/) ? 'coercion' : null;
  const review = has(left, /复议/);
  const suit = has(left, /诉讼|起诉|被诉/);
  if (review || suit) {
    if (review && suit) return null;
    if (!disclosure || has(left, /办理|审理|受理|纠错|纠正|维持|撤销|败诉|胜诉|未经|复议后|审结|结果/)) return null;
    return review ? 'review' : 'suit';
  }
  // carry-over is the form's own word for applications (but not for money: 上年结转资金)
  if (!has(left, /资金|经费|预算|元/)) {
    if (has(left, /上一?年度?结转|上年转入/)) return 'carried_in';
    if (has(left, /结转(?:至|到)?(?:下一?年|\d{4}年)|转入下一?年|跨年度/)) return 'carried_out';
  }
  if (!has(sentence, /申请/)) return null;
  // a part of the applications (a subject, a channel, "其中…"): not the table's total
  const part = has(left, /涉及|关于|有关|方面|领域|类|网上|网络|信函|当面|传真|邮件|邮寄|现场|窗口|线上|线下|按时|逾期|超期/);
  if (has(left, /自然人|公民/) && !has(left, /法人/)) return 'natural';
  if (has(left, /法人(?:或|和|及|与)其他组织/)) return 'orgs';
  if (part || has(left, /其中/)) return null;
  if (has(left, /办结|办理完毕|答复完毕/)) return 'handled';
  if (has(left, /收到|受理|接收|新收|新增|共收|接到|收悉|办理/) && has(sentence, /信息公开|依申请/) && has(left, /申请/)) return 'received';
  return null;
}

/** A topic from the words right after a number ("其中2件结转下年度办理", "15件已全部办结"). */
export function topicAfter(right: string, sentence: string): Topic | null {
  if (/^(?:申请)?(?:结转|转入)(?:至|到)?下一?年/.test(right)) return 'carried_out';
  if (!/申请/.test(sentence)) return null;
  if (/^(?:申请)?(?:已|均已)?(?:全部)?办结/.test(right)) return 'handled';
  return null;
}
