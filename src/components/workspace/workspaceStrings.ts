// Strings of the workspaces (the demo city, the user's own data): header, banner, notices (zh, en).
import type { Lang } from '../../lib/i18n/messages';

const zh = {
  name_demo: '示例市（演示）',
  name_own: '我的数据',
  label: '工作区',
  switch_to_demo: '查看示例市演示',
  switch_to_own: '切换到我的数据',
  own_notice: '当前显示的是你自己导入的数据（「我的数据」工作区），与示例市演示数据分开保存。',
  own_empty: '「我的数据」工作区还没有数据：在「导入数据」中导入年报或表格。',
  created: '导入的文件进入你自己的「我的数据」工作区，不会并入示例市演示数据；示例市保持原样，可随时在页眉一键切换。',
  dismiss: '知道了',
  import_lands_in_own: '现在显示的是示例市演示数据：导入的文件会放入你自己的「我的数据」工作区，不会与演示数据混合。',
};
type Key = keyof typeof zh;
const en: Record<Key, string> = {
  name_demo: 'Demo city (Shili)',
  name_own: 'My data',
  label: 'Workspace',
  switch_to_demo: 'View the demo city',
  switch_to_own: 'Switch to my data',
  own_notice: 'You are looking at the data you imported yourself (workspace "My data"), kept apart from the demo city.',
  own_empty: 'The workspace "My data" has no data yet: import reports or tables under "Import".',
  created: 'Imported files go into your own workspace "My data", never into the demo city; the demo is unchanged and one click away in the header.',
  dismiss: 'OK',
  import_lands_in_own: 'The demo city is shown: files you import go into your own workspace "My data", never into the demo data.',
};

export const wsT = (lang: Lang, k: Key): string => (lang === 'zh' ? zh : en)[k];
