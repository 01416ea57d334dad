// What a document reader returns, shared by the browser and Node readers.
import { DocumentError } from './docErrors';
import type { DocKind } from './kind';
import type { PageText } from './pdfLayout';
import type { OcrDoc } from './ocr/draft';

export interface DocText {
  kind: DocKind;
  text: string;
  /** the first line of each page in `text` (1-based), for PDFs */
  pageStarts?: number[];
  /** PDFs: how many non-blank text items each page has. A page with none has no text layer
   *  (a scan): the hook for OCR, which can read those pages and lay them out the same way. */
  pageItems?: number[];
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

/** A read document, refused when it holds no text at all (a PDF of scans says so). */
export function docText(kind: DocKind, text: string, pages?: PageText[]): DocText {
  if (pages) {
    const pageItems = pages.map((p) => p.items ?? p.lines.length);
    if (!pageItems.some((n) => n > 0)) {
      throw new DocumentError('PDF 中没有文字层（可能是扫描图片），无法读取数字', 'the PDF has no text layer (probably scanned images): no numbers can be read');
    }
    return { kind, text, pageStarts: pageStarts(pages.map((p) => p.lines.length)), pageItems };
  }
  if (!text.trim()) throw new DocumentError('文档中没有文字', 'the document contains no text');
  return { kind, text };
}
