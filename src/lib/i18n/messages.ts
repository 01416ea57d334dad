// A problem found while reading a file: where, and why, in both UI languages.
export interface Problem {
  file: string;
  /** the worksheet, for spreadsheet files */
  sheet?: string;
  /** 1-based line in the file (the header is line 1); 0 when the problem is about the whole file */
  line: number;
  /** the column header or field the problem is about; '' when none */
  column: string;
  message_zh: string;
  message_en: string;
  severity: 'error' | 'warning';
}

export type Lang = 'zh' | 'en';

/** A UI string with its {name} placeholders filled in (a missing value leaves them empty). */
export function fillIn(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

export function problemText(p: Problem, lang: Lang): string {
  const where =
    lang === 'zh'
      ? `${p.file}${p.sheet ? `「${p.sheet}」工作表` : ''}${p.line ? ` 第 ${p.line} 行` : ''}${p.column ? `，列「${p.column}」` : ''}`
      : `${p.file}${p.sheet ? `, sheet "${p.sheet}"` : ''}${p.line ? `, ${p.sheet ? 'row' : 'line'} ${p.line}` : ''}${p.column ? `, column "${p.column}"` : ''}`;
  return `${where}: ${lang === 'zh' ? p.message_zh : p.message_en}`;
}
