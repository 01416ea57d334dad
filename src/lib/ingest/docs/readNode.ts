// Documents → text in Node (the `npm run parse` command and tests): pdf.js's legacy build,
// mammoth, linkedom for HTML. Same layout code as the browser.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeBytes } from '../decode';
import { htmlToText } from './html';
import { sniffKind } from './kind';
import { pagesToText } from './pdfLayout';
import { pageStarts, type DocText } from './docText';

const require = createRequire(import.meta.url);

export async function readDocumentNode(name: string, bytes: Uint8Array): Promise<DocText> {
  const kind = sniffKind(name, bytes);
  if (kind === 'pdf') {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const { pdfToPages } = await import('./pdfjs');
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    const pages = await pdfToPages(pdfjs as never, bytes, {
      cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/',
    });
    const scanned = await (await import('./ocr/readNode')).readScannedPdfNode(bytes, pages);
    if (scanned) return scanned;
    return { kind, text: pagesToText(pages), pageStarts: pageStarts(pages.map((p) => p.lines.length)) };
  }
  if (kind === 'image') return (await import('./ocr/readNode')).readImagesNode([bytes]);
  if (kind === 'docx') {
    const mammoth = require('mammoth');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return { kind, text: htmlToText(value, { parse: linkedomParse }) };
  }
  if (kind === 'html') return { kind, text: htmlToText(decodeBytes(bytes).text, { parse: linkedomParse }) };
  return { kind, text: decodeBytes(bytes).text };
}

function linkedomParse(html: string): Document {
  const { DOMParser } = require('linkedom');
  return new DOMParser().parseFromString(/<html/i.test(html) ? html : `<html><body>${html}</body></html>`, 'text/html');
}
