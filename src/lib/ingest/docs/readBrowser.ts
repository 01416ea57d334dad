// Documents → text in the browser: PDF through pdf.js (parsing in its bundled worker, CJK CMaps
// served by the app), DOCX through mammoth, Word 97 .doc through word97.ts, HTML through
// DOMParser, text through decode.ts. Each reader is loaded only when a file needs it.
import { decodeBytes } from '../decode';
import { htmlToText } from './html';
import { sniffKind } from './kind';
import { DocumentError, kindError } from './docErrors';
import { mhtHtml } from './mht';
import { docText, type DocText } from './docText';
import { pagesToText } from './pdfLayout';
import type { OcrProgress } from './ocr/readBrowser';

export type { DocText };

export async function readDocument(
  name: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void, onOcr?: OcrProgress,
): Promise<DocText> {
  const kind = sniffKind(name, bytes);
  const refused = kindError(kind, name);
  if (refused) throw refused;
  if (kind === 'pdf') {
    const [pdfjs, { default: workerUrl }, { pdfToPages }, { withPdfWorker }] = await Promise.all([
      import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url'), import('./pdfjs'), import('./pdfjsWorkers'),
    ]);
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    // resolved against the page, so the app works from any path of any static host
    const urls = { cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href, standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href };
    const pages = await withPdfWorker(pdfjs, (worker) => pdfToPages(pdfjs as never, bytes, { ...urls, onPage: onProgress, worker }));
    // pages with no text layer (scans): OCR, loaded only now
    const scanned = await (await import('./ocr/readBrowser')).readScannedPdfBrowser(pdfjs as never, bytes, pages, { ...urls, cMapPacked: true }, onOcr);
    if (scanned) return scanned;
    return docText(kind, pagesToText(pages), pages);
  }
  if (kind === 'image') return (await import('./ocr/readBrowser')).readPicturesBrowser([bytes], onOcr);
  if (kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.convertToHtml({ arrayBuffer: bytes.slice().buffer });
    return docText(kind, htmlToText(value, { parse: domParse }));
  }
  if (kind === 'doc') return docText(kind, (await import('./word97')).readWord97(bytes));
  if (kind === 'rtf') return docText(kind, (await import('./rtf')).readRtf(bytes));
  if (kind === 'mht') {
    const html = mhtHtml(bytes);
    if (html === null) throw new DocumentError('网页存档（MHT）中没有网页内容', 'the web archive (MHT) holds no web page');
    return docText(kind, htmlToText(html, { parse: domParse }));
  }
  if (kind === 'html') return docText(kind, htmlToText(decodeBytes(bytes).text, { parse: domParse }));
  return docText(kind, decodeBytes(bytes).text);
}

const domParse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
