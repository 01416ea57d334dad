// The one way to get ExcelJS. Chosen over SheetJS: the npm `xlsx` package is stuck at 0.18.5 with
// unfixed advisories (prototype pollution, ReDoS), and its community edition cannot write cell
// protection or fills, which the template needs. ExcelJS (MIT) writes styles, protection and data
// validation and reads both layouts. It is ~860 KB minified (258 KB gzipped), so it is only ever
// loaded by dynamic import, when a template is asked for or a workbook is imported.
import type ExcelJSType from 'exceljs';

export type ExcelJS = typeof ExcelJSType;

let loading: Promise<ExcelJS> | null = null;

export function loadExcel(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS)));
  return loading;
}

/** ExcelJS's `load` wants an ArrayBuffer-like of exactly the file. */
export function exactBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
