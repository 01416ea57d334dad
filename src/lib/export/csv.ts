// Rows → CSV text for Excel/WPS: UTF-8 with BOM by default, CRLF, and any cell that Excel would
// run as a formula (starting with = + - @, or a tab/CR) neutralised with a leading apostrophe.
import Papa from 'papaparse';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text; numbers stay plain (a negative number is data, not a formula). */
export function csvCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return FORMULA_START.test(v) ? `'${v}` : v;
}

export function toCsv(header: string[], rows: CsvCell[][], opts: { bom?: boolean; headerRows?: string[][] } = {}): string {
  const body = Papa.unparse(
    { fields: header.map(csvCell), data: [...(opts.headerRows ?? []).map((r) => r.map(csvCell)), ...rows.map((r) => r.map(csvCell))] },
    { newline: '\r\n', quotes: false },
  );
  return `${opts.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

/** File name with the view and a local timestamp, e.g. 合规_flags_20261125-0930.csv */
export function exportFileName(view: string, ext: string, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `${view}_${stamp}.${ext}`;
}

/** Hand text or bytes to the browser as a download. */
export function download(name: string, content: string | Uint8Array, type = 'text/csv;charset=utf-8') {
  const blob = new Blob([content as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
