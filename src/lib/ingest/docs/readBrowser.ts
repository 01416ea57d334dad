// Documents → text in the browser: PDF through pdf.js (parsing in its bundled worker, CJK CMaps
// served by the app), DOCX through mammoth, HTML through DOMParser, text through decode.ts.
import { decodeBytes } from '../decode';
import { htmlToText } from './html';
import { sniffKind } from './kind';
import { pageStarts, type DocText } from './docText';
import { pagesToText } from './pdfLayout';
import type { OcrProgress } from './ocr/readBrowser';

export type { DocText };

export async function readDocument(
  name: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void, onOcr?: OcrProgress,
): Promise<DocText> {
  const kind = sniffKind(name, bytes);
  if (kind === 'pdf') {
    const [pdfjs, { default: workerUrl }, { pdfToPages }] = await Promise.all([
      import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url'), import('./pdfjs'),
    ]);
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    // resolved against the page, so the app works from any path of any static host
    const urls = { cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href, standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href };
    const pages = await pdfToPages(pdfjs as never, bytes, { ...urls, onPage: onProgress });
    // pages with no text layer (scans): OCR, loaded only now
    const scanned = await (await import('./ocr/readBrowser')).readScannedPdfBrowser(pdfjs as never, bytes, pages, { ...urls, cMapPacked: true }, onOcr);
    if (scanned) return scanned;
    return { kind, text: pagesToText(pages), pageStarts: pageStarts(pages.map((p) => p.lines.length)) };
  }
  if (kind === 'image') return (await import('./ocr/readBrowser')).readPicturesBrowser([bytes], onOcr);
  if (kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.convertToHtml({ arrayBuffer: bytes.slice().buffer });
    return { kind, text: htmlToText(value, { parse: domParse }) };
  }
  if (kind === 'html') return { kind, text: htmlToText(decodeBytes(bytes).text, { parse: domParse }) };
  return { kind, text: decodeBytes(bytes).text };
}

const domParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
