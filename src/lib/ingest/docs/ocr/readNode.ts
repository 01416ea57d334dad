// Scans in Node: page images (one report, pages in the order given) and PDF pages without a text
// layer, read by OCR with onnxruntime-node (node.ts).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocText } from '../docText';
import type { PageText } from '../pdfLayout';
import { decodeImageNode, nodeModels } from './node';
import { looksScanned, needsOcr, readPages, type PageSource } from './pipeline';
import { renderPdfPage, type CanvasLike, type PdfDocLike } from './pdfRender';
import { isTiff, tiffPages } from './tiff';

const require = createRequire(import.meta.url);

/** Page images of one report, in the order given (a TIFF's pages in the file's order). */
export async function readImagesNode(images: Uint8Array[]): Promise<DocText> {
  const sources: PageSource[] = [];
  for (const b of images) {
    if (isTiff(b)) sources.push(...(await tiffPages(b)).map((r) => ({ picture: async () => r })));
    else sources.push({ picture: () => decodeImageNode(b) });
  }
  return readPages('image', sources, nodeModels);
}

/** The PDF read again with OCR where its pages have no text, or null when every page has. */
export async function readScannedPdfNode(bytes: Uint8Array, pages: PageText[]): Promise<DocText | null> {
  if (!needsOcr(pages)) return null;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { createCanvas } = await import('@napi-rs/canvas');
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const doc = await pdfjs.getDocument({
    data: bytes.slice(), cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
  }).promise;
  try {
    const sources: PageSource[] = pages.map((p, i) => looksScanned(p.lines)
      ? { picture: () => renderPdfPage(doc as unknown as PdfDocLike, i + 1, (w, h) => createCanvas(w, h) as unknown as CanvasLike) }
      : { lines: p.lines });
    return await readPages('pdf', sources, nodeModels);
  } finally {
    await doc.destroy();
  }
}
