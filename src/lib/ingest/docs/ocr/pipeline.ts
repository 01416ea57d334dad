// Pictures → the document's text for the parser, with the OCR tokens behind it: each page is
// read by the engine (or, a PDF page with a text layer, taken as its lines), then all pages go
// through one layout (layout.ts). Used by the browser's OCR worker and by Node alike.
import type { DocText } from '../docText';
import type { DocKind } from '../kind';
import { ocrPage, type OcrModels, type OcrPage } from './engine';
import type { OcrToken } from './tokens';
import type { Raster } from './image';
import { layoutTokens } from './layout';
import { lineTokens } from './tokens';
import type { OcrPageInfo } from './draft';

/** A page to read: a picture (got when its turn comes) or the lines of a page with text. */
export type PageSource = { picture: () => Promise<Raster> } | { lines: string[] };

export interface PageDone { page: number; pages: number; image?: OcrPage['image']; info?: OcrPageInfo }

/** One picture read: its tokens (page numbered `page`, 1-based) and how it was turned. */
export async function readOnePage(img: Raster, page: number, models: OcrModels, onStep?: (fraction: number) => void) {
  const r = await ocrPage(img, models, (d, t) => onStep?.(d / t));
  const info: OcrPageInfo = { width: r.image.width, height: r.image.height, turns: r.turns, skewDeg: Math.round(r.skewDeg * 100) / 100 };
  return { tokens: r.lines.flatMap((l) => lineTokens(l, page)), info, image: r.image };
}

/** Pages read one by one (or in parallel by the caller) → one document through one layout. */
export function assemble(kind: DocKind, pages: ({ tokens: OcrToken[]; info: OcrPageInfo } | { lines: string[] })[]): DocText {
  const l = layoutTokens(pages.map((p) => ('lines' in p ? { lines: p.lines } : p.tokens)));
  const infos = pages.map((p) => ('lines' in p ? { width: 0, height: 0, turns: 0, skewDeg: 0 } : p.info));
  return { kind, text: l.text, pageStarts: l.pageStarts, ocr: { pages: infos, tokens: l.tokens } };
}

export async function readPages(
  kind: DocKind, sources: PageSource[], models: () => Promise<OcrModels>,
  onProgress?: (page: number, pages: number, fraction: number) => void, onPage?: (d: PageDone) => void,
): Promise<DocText> {
  const pages: Parameters<typeof assemble>[1] = [];
  for (let p = 0; p < sources.length; p++) {
    const src = sources[p];
    onProgress?.(p + 1, sources.length, 0);
    if ('lines' in src) pages.push({ lines: src.lines });
    else {
      const r = await readOnePage(await src.picture(), p + 1, await models(), (f) => onProgress?.(p + 1, sources.length, f));
      pages.push(r);
      onPage?.({ page: p + 1, pages: sources.length, image: r.image, info: r.info });
    }
    onProgress?.(p + 1, sources.length, 1);
  }
  return assemble(kind, pages);
}

/** A page of a PDF whose text layer is empty or a few stray characters: a scan. */
export function looksScanned(lines: string[]): boolean {
  return lines.join('').replace(/\s/g, '').length < 20;
}

/** Whether a PDF's scanned pages must be read: when they are half the pages or more, or when the
 *  pages with text lack the form's tables (a blank last page of a text PDF is left alone). */
export function needsOcr(pages: { lines: string[] }[]): boolean {
  const scanned = pages.filter((p) => looksScanned(p.lines)).length;
  if (!scanned) return false;
  if (scanned * 2 >= pages.length) return true;
  const text = pages.map((p) => p.lines.join('')).join('').replace(/\s/g, '');
  return !/申请人情况|收到和处理政府信息公开申请/.test(text);
}
