// Strings of the document review at a city's scale (zh, en).
import { fillIn, type Lang } from '../../lib/i18n/messages';

const zh = {
  filter_all: '全部',
  state_blocked: '无法提交',
  state_uncertain: '有不确定单元格',
  state_failed: '勾稽不符',
  state_clean: '无问题',
  published_on: '发布日期',
  published_from: '读自第 {line} 行：',
  published_none: '原文中未找到发布日期：请按原文填写，或留空（不会猜测）',
  published_typed: '手工填写',
  dup_title: '同一机构同一年度有多份报告，只能保留一份：',
  dup_keep: '保留这一份',
  dup_keep_best: '保留不确定单元格最少的一份',
  dup_uncertain: '不确定单元格',
  dup_failed: '勾稽不符',
  commit_clean: '只提交无问题的报告',
  commit_blocked: '暂不能全部提交：{n} 份报告需要处理（见标记为「无法提交」的报告）',
  cell_error: '无法读取',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  filter_all: 'All',
  state_blocked: 'Blocked',
  state_uncertain: 'Uncertain cells',
  state_failed: 'Failed checks',
  state_clean: 'Clean',
  published_on: 'Published on',
  published_from: 'read from line {line}: ',
  published_none: 'No publication date found in the document: type it as printed, or leave it blank (never guessed)',
  published_typed: 'typed in',
  dup_title: 'Several reports for the same agency and year; keep only one:',
  dup_keep: 'Keep this one',
  dup_keep_best: 'Keep the one with the fewest uncertain cells',
  dup_uncertain: 'uncertain cells',
  dup_failed: 'failed checks',
  commit_clean: 'Commit the clean reports only',
  commit_blocked: 'Not all reports can be committed yet: {n} need attention (marked "Blocked")',
  cell_error: 'cannot read',
};

export const reviewT = (lang: Lang, k: Key, vars: Record<string, string | number> = {}): string =>
  fillIn((lang === 'zh' ? zh : en)[k], vars);
