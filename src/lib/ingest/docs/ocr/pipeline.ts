// Pictures → the document's text for the parser, with the OCR tokens behind it: each page is
// read by the engine (or, a PDF page with a text layer, taken as its lines), then all pages go
// through one layout (layout.ts). Used by the browser's OCR worker and by Node alike.
import type { DocText } from '../docText';
import type { DocKind } from '../kind';
import { ocrPage, type OcrModels, type OcrPage } from './engine';
import type { Raster } from './image';
import { layoutTokens } from './layout';
import { lineTokens } from './tokens';
import type { OcrPageInfo } from './draft';

/** A page to read: a picture (got when its turn comes) or the lines of a page with text. */
export type PageSource = { picture: () => Promise<Raster> } | { lines: string[] };

export interface PageDone { page: number; pages: number; image?: OcrPage['image']; info?: OcrPageInfo }

export async function readPages(
  kind: DocKind, sources: PageSource[], models: () => Promise<OcrModels>,
  onProgress?: (page: number, pages: number, fraction: number) => void, onPage?: (d: PageDone) => void,
): Promise<DocText> {
  const pages: Parameters<typeof layoutTokens>[0] = [];
  const infos: OcrPageInfo[] = [];
  for (let p = 0; p < sources.length; p++) {
    const src = sources[p];
    onProgress?.(p + 1, sources.length, 0);
    if ('lines' in src) {
      pages.push({ lines: src.lines });
      infos.push({ width: 0, height: 0, turns: 0, skewDeg: 0 });
    } else {
      const img = await src.picture();
      const m = await models();
      const r = await ocrPage(img, m, (d, t) => onProgress?.(p + 1, sources.length, d / t));
      pages.push(r.lines.flatMap((l) => lineTokens(l, p + 1)));
      const info = { width: r.image.width, height: r.image.height, turns: r.turns, skewDeg: Math.round(r.skewDeg * 100) / 100 };
      infos.push(info);
      onPage?.({ page: p + 1, pages: sources.length, image: r.image, info });
    }
    onProgress?.(p + 1, sources.length, 1);
  }
  const l = layoutTokens(pages);
  return { kind, text: l.text, pageStarts: l.pageStarts, ocr: { pages: infos, tokens: l.tokens } };
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
