// Strings of agency matching in the import screen and the document review (zh, en).
import type { Lang } from '../../lib/i18n/messages';

const zh = {
  pending_title: '以下机构名称可能与名录中的机构（或本文件中的其他名称）相同，请逐一确认后再导入：',
  accept: '是同一机构',
  as_new: '作为新机构',
  retry: '按以上选择重新导入',
  undecided: '尚有名称未确认',
  state_matched: '已匹配',
  state_probable: '可能匹配，请确认',
  state_new: '新机构',
  accepted: '已确认为',
  rejected: '已确认为新机构',
  undo_choice: '重新选择',
  level: '层级',
  parent: '上级机构',
  parent_none: '（无，顶层）',
  aggregate: '本报告汇总了下属单位',
  guess_note: '根据名称预填，请核对',
  blocked_probable: '请先确认可能匹配的机构名称',
  how_id: '按机构编码',
  how_name: '按名称',
  how_alias: '按别名',
  how_normalised: '按规范化名称',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  pending_title: 'These agency names may be agencies of the registry (or other names of this file). Decide on each, then import again:',
  accept: 'Same agency',
  as_new: 'A new agency',
  retry: 'Import again with these choices',
  undecided: 'Some names are not decided yet',
  state_matched: 'Matched',
  state_probable: 'Probable match: please confirm',
  state_new: 'New agency',
  accepted: 'Confirmed as',
  rejected: 'Confirmed as a new agency',
  undo_choice: 'Choose again',
  level: 'Level',
  parent: 'Parent',
  parent_none: '(none, top level)',
  aggregate: 'This report aggregates its members',
  guess_note: 'Pre-filled from the name: please check',
  blocked_probable: 'Confirm the probable agency matches first',
  how_id: 'by agency id',
  how_name: 'by name',
  how_alias: 'by alias',
  how_normalised: 'by normalised name',
};

export const matchT = (lang: Lang, k: Key): string => (lang === 'zh' ? zh : en)[k];
