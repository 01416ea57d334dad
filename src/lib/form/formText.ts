// The words around the exported form, in the document's language (the form itself is always the
// official Chinese one). Pure.
import type { Lang } from '../i18n/messages';
import type { FormDocument, ReportRef } from './formDoc';

export const FORM_WORDS = {
  zh: {
    made: '制表时间', scope: '范围', unit: '单位：件；行政事业性收费金额单位：万元。表中空白表示未填报或无法确定，不是 0。',
    rangeNote: '多个年度的表为各年度数字之和（现行有效件数、结转件数亦逐年相加）。',
    included: '纳入汇总的报告', missing: '应报送但未加载的报告（其数字未计入）', none: '无',
    draft: '附：文字说明草稿（根据表中数字逐句生成，仅供编辑参考，未作任何推断）', reports: '份', leafNote: '只加末级报告，汇总性报告不重复计入。',
    fee: (yuan: string, n: number) => `信息处理费（据 ${n} 份报告正文所述）：${yuan} 元`, feeNone: '信息处理费：没有报告正文说明（由表格数据导入的报告没有正文）',
  },
  en: {
    made: 'Made', scope: 'Scope', unit: 'Units: cases; administrative fees in 10,000 yuan (万元). A blank cell is not reported or not certain — not 0.',
    rangeNote: 'Over several years each cell is the sum of the years (stocks such as “in force” and carry-overs are added year by year too).',
    included: 'Reports included', missing: 'Reports expected but not loaded (their figures are not in the totals)', none: 'none',
    draft: 'Appendix: draft text, sentence by sentence from the figures in the tables (a starting point to edit; nothing inferred)', reports: 'reports', leafNote: 'Leaf reports only; aggregate reports are not added again.',
    fee: (yuan: string, n: number) => `Information processing fees (as stated in the text of ${n} reports): ${yuan} yuan`, feeNone: 'Information processing fees: no report text states them (reports imported from table data have no text)',
  },
} as const;

/** "（83份）" / " (83)": a count after a list's heading. */
export function countNote(n: number, lang: Lang): string {
  return lang === 'zh' ? `（${n}份）` : ` (${n})`;
}

/** "2024年：A、B、C" per year (the report lists grouped by year). */
export function refsByYear(refs: ReportRef[], lang: Lang): string[] {
  const years = [...new Set(refs.map((r) => r.year))].sort();
  return years.map((y) => {
    const names = refs.filter((r) => r.year === y).map((r) => r.name);
    return lang === 'zh' ? `${y}年（${names.length}份）：${names.join('、')}` : `${y} (${names.length}): ${names.join('; ')}`;
  });
}

/** Lines under the title: scope, made at, units. */
export function headerLines(doc: FormDocument): string[] {
  const w = FORM_WORDS[doc.lang];
  const sep = doc.lang === 'zh' ? '；' : '; ';
  const colon = doc.lang === 'zh' ? '：' : ': ';
  return [
    `${w.scope}${colon}${doc.scope.join(sep)}`,
    `${w.made}${colon}${doc.madeAt}`,
    w.unit,
    ...(doc.rollup ? [w.leafNote] : []),
    ...(doc.rollup && doc.scope[0]?.includes('—') ? [w.rangeNote] : []),
    doc.fee.reports > 0 && doc.fee.yuan != null
      ? w.fee(new Intl.NumberFormat(doc.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(doc.fee.yuan), doc.fee.reports)
      : w.feeNone,
  ];
}
