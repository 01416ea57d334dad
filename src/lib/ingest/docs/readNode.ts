// Documents → text in Node (the `npm run parse` command and tests): pdf.js's legacy build,
// mammoth, word97.ts, linkedom for HTML. Same layout code as the browser.
import { createRequire } from 'node:module';
import { decodeBytes } from '../decode';
import { htmlToText } from './html';
import { sniffKind } from './kind';
import { DocumentError, kindError } from './docErrors';
import { mhtHtml } from './mht';
import { pagesToText } from './pdfLayout';
import { docText, type DocText } from './docText';

const require = createRequire(import.meta.url);

export async function readDocumentNode(name: string, bytes: Uint8Array): Promise<DocText> {
  const kind = sniffKind(name, bytes);
  const refused = kindError(kind, name);
  if (refused) throw refused;
  if (kind === 'pdf') {
    const [{ loadPdfJsNode, pdfJsDataDirs }, { pdfToPages }] = await Promise.all([import('./pdfjsNode'), import('./pdfjs')]);
    const pages = await pdfToPages((await loadPdfJsNode()) as never, bytes, pdfJsDataDirs());
    const scanned = await (await import('./ocr/readNode')).readScannedPdfNode(bytes, pages);
    if (scanned) return scanned;
    return docText(kind, pagesToText(pages), pages);
  }
  if (kind === 'image') return (await import('./ocr/readNode')).readImagesNode([bytes]);
  if (kind === 'docx') {
    const mammoth = require('mammoth');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return docText(kind, htmlToText(value, { parse: linkedomParse }));
  }
  if (kind === 'doc') return docText(kind, (await import('./word97')).readWord97(bytes));
  if (kind === 'rtf') return docText(kind, (await import('./rtf')).readRtf(bytes));
  if (kind === 'mht') {
    const html = mhtHtml(bytes);
    if (html === null) throw new DocumentError('网页存档（MHT）中没有网页内容', 'the web archive (MHT) holds no web page');
    return docText(kind, htmlToText(html, { parse: linkedomParse }));
  }
  if (kind === 'html') return docText(kind, htmlToText(decodeBytes(bytes).text, { parse: linkedomParse }));
  return docText(kind, decodeBytes(bytes).text);
}

function linkedomParse(html: string): Document {
  const { DOMParser } = require('linkedom');
  return new DOMParser().parseFromString(/<html/i.test(html) ? html : `<html><body>${html}</body></html>`, 'text/html');
}
