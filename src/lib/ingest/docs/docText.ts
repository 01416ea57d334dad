// What a document reader returns, shared by the browser and Node readers.
import type { DocKind } from './kind';
import type { OcrDoc } from './ocr/draft';

export interface DocText {
  kind: DocKind;
  text: string;
  /** the first line of each page in `text` (1-based), for PDFs */
  pageStarts?: number[];
  /** pictures read by OCR: the tokens and where they are */
  ocr?: OcrDoc;
}

/** Page p starts at line pageStarts[p-1]; pages are separated by a form-feed line. */
export function pageStarts(lineCounts: number[]): number[] {
  const out: number[] = [];
  let line = 1;
  for (const n of lineCounts) {
    out.push(line);
    line += n + 1;
  }
  return out;
}
