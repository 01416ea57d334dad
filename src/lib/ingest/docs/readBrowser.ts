// Documents → text in the browser: PDF through pdf.js (parsing in its bundled worker, CJK CMaps
// served by the app), DOCX through mammoth, HTML through DOMParser, text through decode.ts.
import { decodeBytes } from '../decode';
import { htmlToText } from './html';
import { sniffKind, type DocKind } from './kind';
import { pagesToText } from './pdfLayout';

export interface DocText {
  kind: DocKind;
  text: string;
  /** the first line of each page in `text` (1-based), for PDFs */
  pageStarts?: number[];
}

const base = import.meta.env.BASE_URL;

export async function readDocument(name: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<DocText> {
  const kind = sniffKind(name, bytes);
  if (kind === 'pdf') {
    const [pdfjs, { default: workerUrl }, { pdfToPages }] = await Promise.all([
      import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url'), import('./pdfjs'),
    ]);
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    const pages = await pdfToPages(pdfjs as never, bytes, {
      cMapUrl: `${base}pdfjs/cmaps/`, standardFontDataUrl: `${base}pdfjs/standard_fonts/`, onPage: onProgress,
    });
    return { kind, text: pagesToText(pages), pageStarts: pageStarts(pages.map((p) => p.lines.length)) };
  }
  if (kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.convertToHtml({ arrayBuffer: bytes.slice().buffer });
    return { kind, text: htmlToText(value, { parse: domParse }) };
  }
  if (kind === 'html') return { kind, text: htmlToText(decodeBytes(bytes).text, { parse: domParse }) };
  return { kind, text: decodeBytes(bytes).text };
}

const domParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

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
