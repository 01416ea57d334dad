// Strings of the review's helpers (zh, en): duplicates side by side, failed rules with their cells,
// moving through drafts and uncertain cells from the keyboard.
import { fillIn, type Lang } from '../../lib/i18n/messages';
import { RULE_BY_ID, type RuleId } from '../../lib/rules/rules';

const zh = {
  dup_cell: '单元格',
  dup_kind: '文件类型',
  dup_differ: '{n} 个单元格不同',
  dup_same: '各份的全部 {n} 个单元格一致：保留哪一份结果相同',
  dup_row_uncertain: '不确定单元格',
  dup_row_failed: '勾稽不符的规则',
  dup_agree: '其余 {n} 个单元格一致',
  dup_best: '不确定单元格最少',
  dup_uncertain_mark: '不确定',
  dup_scroll: '各份报告不同的单元格',
  kind_pdf: 'PDF', kind_docx: 'Word（.docx）', kind_doc: 'Word（.doc）', kind_rtf: 'RTF', kind_mht: '网页存档（.mht）',
  kind_html: '网页（.html）', kind_text: '文本（.txt）', kind_image: '图片（识别）', kind_other: '其他',
  rules_title: '勾稽不符的规则（点击在表中标出所涉单元格）：',
  rule_cells: '{n} 个单元格',
  rule_eq: '{lhs} = {a}，而 {rhs} = {b}',
  rule_sum_of: '{n} 项之和',
  rule_value: '{lhs} = {a}',
  rule_more: '另有 {n} 处',
  nav_label: '在报告和不确定单元格之间移动',
  form_region: '解析出的年报表格',
  marked: '表中已标出「{rule}」所涉的 {n} 个单元格',
  marked_clear: '取消标出',
  nav_prev_draft: '上一份',
  nav_next_draft: '下一份',
  nav_prev_cell: '上一个不确定单元格',
  nav_next_cell: '下一个不确定单元格',
  nav_position: '第 {k} / {n} 份',
  nav_none_left: '后面没有不确定单元格了',
  nav_none_before: '前面没有不确定单元格了',
  nav_moved: '已转到另一份有不确定单元格的报告：',
  nav_hint: '键盘：在报告列表中按 ↑/↓ 切换；任意处按 Alt+↓ / Alt+↑ 到下一份/上一份；在不确定单元格中按 Enter 确认并跳到下一个（Shift+Enter 上一个），最后一个之后跳到下一份有不确定单元格的报告。',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  dup_cell: 'Cell',
  dup_kind: 'File type',
  dup_differ: '{n} cells differ',
  dup_same: 'All {n} cells are the same in every copy: keeping either gives the same figures',
  dup_row_uncertain: 'Uncertain cells',
  dup_row_failed: 'Failed checks',
  dup_agree: 'the other {n} cells are the same',
  dup_best: 'fewest uncertain cells',
  dup_uncertain_mark: 'uncertain',
  dup_scroll: 'Cells that differ between the copies',
  kind_pdf: 'PDF', kind_docx: 'Word (.docx)', kind_doc: 'Word (.doc)', kind_rtf: 'RTF', kind_mht: 'Web archive (.mht)',
  kind_html: 'Web page (.html)', kind_text: 'Text (.txt)', kind_image: 'Picture (OCR)', kind_other: 'Other',
  rules_title: 'Failed checks (click one to mark its cells in the form):',
  rule_cells: '{n} cells',
  rule_eq: '{lhs} = {a}, but {rhs} = {b}',
  rule_sum_of: 'the sum of {n} cells',
  rule_value: '{lhs} = {a}',
  rule_more: '{n} more',
  nav_label: 'Move between reports and uncertain cells',
  form_region: 'The form as parsed',
  marked: 'The form marks the {n} cells of "{rule}"',
  marked_clear: 'Clear the marks',
  nav_prev_draft: 'Previous report',
  nav_next_draft: 'Next report',
  nav_prev_cell: 'Previous uncertain cell',
  nav_next_cell: 'Next uncertain cell',
  nav_position: 'report {k} of {n}',
  nav_none_left: 'No uncertain cells after this one',
  nav_none_before: 'No uncertain cells before this one',
  nav_moved: 'Now in another report with uncertain cells: ',
  nav_hint: 'Keyboard: ↑/↓ in the report list moves between reports; Alt+↓ / Alt+↑ anywhere goes to the next / previous report; Enter in an uncertain cell confirms it and goes to the next one (Shift+Enter: previous), after the last one to the next report with uncertain cells.',
};

export type ReviewHelpKey = Key;
export const helpT = (lang: Lang, k: Key, vars: Record<string, string | number> = {}): string =>
  fillIn((lang === 'zh' ? zh : en)[k], vars);

const KINDS = ['pdf', 'docx', 'doc', 'rtf', 'mht', 'html', 'text', 'image'] as const;
export const kindLabel = (lang: Lang, kind: string): string =>
  helpT(lang, (KINDS as readonly string[]).includes(kind) ? (`kind_${kind}` as Key) : 'kind_other');

/** A rule's title in the UI language (its id if it is not a rule of the format). */
export const ruleTitle = (lang: Lang, id: string): string => {
  const r = RULE_BY_ID.get(id as RuleId);
  return r ? (lang === 'zh' ? r.title_zh : r.title_en) : id;
};
