// Short labels for chart legends and axes, kept beside cells.csv: cells.csv's own labels are the
// form's wording (up to 40 characters), too long for a legend. Keyed by cell code or by the name
// of a derived measure; the full label (cells.csv, or labels.ts) stays in tooltips and tables.
// tests/unit/chartLabels.test.ts checks every key is a cell code or a known measure, and lengths.
import type { Lang } from '../i18n/messages';

type Short = readonly [zh: string, en: string];

export const CHART_LABELS: Readonly<Record<string, Short>> = {
  // 二 proactive disclosure
  s2_regulation_issued: ['规章·制发', 'Rules issued'],
  s2_regulation_repealed: ['规章·废止', 'Rules repealed'],
  s2_regulation_in_force: ['规章·现行有效', 'Rules in force'],
  s2_normative_issued: ['规范性文件·制发', 'Normative docs issued'],
  s2_normative_repealed: ['规范性文件·废止', 'Normative docs repealed'],
  s2_normative_in_force: ['规范性文件·现行有效', 'Normative docs in force'],
  s2_license_decisions: ['行政许可决定', 'Licensing decisions'],
  s2_penalty_decisions: ['行政处罚决定', 'Penalty decisions'],
  s2_coercion_decisions: ['行政强制决定', 'Coercion decisions'],
  s2_fee_amount: ['收费金额（万元）', 'Fees (10k yuan)'],
  // 三 applicants (new applications)
  s3_new_natural: ['自然人', 'Natural persons'],
  s3_new_business: ['商业企业', 'Businesses'],
  s3_new_research: ['科研机构', 'Research institutions'],
  s3_new_ngo: ['社会公益组织', 'Public-interest orgs'],
  s3_new_legal: ['法律服务机构', 'Legal services'],
  s3_new_other_org: ['其他', 'Other'],
  // 三 row totals
  s3_new_total: ['本年新收', 'New'],
  s3_carried_in_total: ['上年结转', 'Carried in'],
  s3_handled_total_total: ['办理总计', 'Handled'],
  s3_carried_out_total: ['结转下年', 'Carried out'],
  s3_granted_total: ['予以公开', 'Granted'],
  s3_partial_total: ['部分公开', 'Partly granted'],
  s3_deny_state_secret_total: ['国家秘密', 'State secret'],
  s3_deny_law_prohibited_total: ['法律法规禁止', 'Prohibited by law'],
  s3_deny_security_stability_total: ['三安全一稳定', 'Security/stability'],
  s3_deny_third_party_total: ['第三方权益', 'Third-party rights'],
  s3_deny_internal_affairs_total: ['内部事务信息', 'Internal affairs'],
  s3_deny_process_info_total: ['过程性信息', 'Process information'],
  s3_deny_enforcement_file_total: ['行政执法案卷', 'Enforcement file'],
  s3_deny_inquiry_matter_total: ['行政查询事项', 'Inquiry matter'],
  s3_unable_not_held_total: ['本机关不掌握', 'Not held'],
  s3_unable_needs_creation_total: ['需另行制作', 'Needs creating'],
  s3_unable_unclear_total: ['补正后仍不明确', 'Still unclear'],
  s3_reject_petition_total: ['信访举报投诉', 'Petition/complaint'],
  s3_reject_duplicate_total: ['重复申请', 'Duplicate'],
  s3_reject_publication_total: ['公开出版物', 'Publications'],
  s3_reject_repetitive_total: ['大量反复申请', 'Repetitive requests'],
  s3_reject_confirmation_total: ['要求确认或重新出具', 'Confirm or reissue'],
  s3_other_no_correction_total: ['逾期不补正', 'Not corrected in time'],
  s3_other_unpaid_fee_total: ['逾期未缴费', 'Fee not paid'],
  s3_other_misc_total: ['其他', 'Other'],
  // 四 reconsideration and litigation
  s4_review_total: ['行政复议', 'Reconsiderations'],
  s4_suit_direct_total: ['直接起诉', 'Suits, direct'],
  s4_suit_after_review_total: ['复议后起诉', 'Suits after review'],
  // derived measures
  suit_total: ['行政诉讼', 'Lawsuits'],
  review_decided: ['复议已审结', 'Reviews decided'],
  received_total: ['新收 + 结转', 'New + carried in'],
  outcome_granted_total: ['予以公开', 'Granted'],
  outcome_partial_total: ['部分公开', 'Partly granted'],
  outcome_refused_total: ['不予公开', 'Refused'],
  outcome_unable_total: ['无法提供', 'Unable'],
  outcome_not_processed_total: ['不予处理', 'Not processed'],
  outcome_other_total: ['其他处理', 'Other'],
  // rates
  open_rate: ['公开率', 'Disclosure'],
  refusal_rate: ['不予公开率', 'Refusal'],
  unable_rate: ['无法提供率', 'Unable'],
  not_processed_rate: ['不予处理率', 'Not processed'],
  completion_rate: ['办结率', 'Completion'],
  review_correction_rate: ['复议纠错率', 'Review correction'],
  suit_direct_correction_rate: ['直接起诉纠错率', 'Direct suits: fixed'],
  suit_after_review_correction_rate: ['复议后起诉纠错率', 'Suits after review: fixed'],
};

/** The short chart label of a cell or measure, or `fallback` (the full label) when it has none. */
export function chartLabel(name: string, lang: Lang, fallback: string = name): string {
  const s = CHART_LABELS[name];
  return s ? s[lang === 'zh' ? 0 : 1] : fallback;
}
