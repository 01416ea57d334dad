// UI words of the official-form export and of the report-text parts of the agency page (zh, en).
export const FORM_UI = {
  zh: {
    form_label: '年报表格（官方格式）',
    docx: 'Word (.docx)',
    xlsx: 'Excel (.xlsx)',
    rollup_help: '按当前视图的年度和筛选条件汇总末级报告，含纳入与缺报名单、文字说明草稿。',
    agency_help: '本机构所选年度的报告，按官方格式排版，含文字说明草稿。',
  },
  en: {
    form_label: 'The official form',
    docx: 'Word (.docx)',
    xlsx: 'Excel (.xlsx)',
    rollup_help: 'Leaf reports added up for the year and filters of this view, with the reports included and missing and a draft text.',
    agency_help: 'This agency’s report for the year shown, laid out as the official form, with a draft text.',
  },
} as const;
