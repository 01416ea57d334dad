// Page images dropped together are the pages of one report: joined into one draft in file-name
// order (p2 before p10), and laid out again when the reviewer reorders them — from the tokens
// already read, without reading the pictures again. Pure.
import { draftFromText, type DocumentDraft } from '../../lib/ingest/document';
import { layoutTokens } from '../../lib/ingest/docs/ocr/layout';
import type { OcrToken } from '../../lib/ingest/docs/ocr/tokens';

const byName = new Intl.Collator('zh-CN', { numeric: true });

/** The indices of the pictures among the files, in file-name order, when there are two or more. */
export function picturesToJoin(files: { name: string; kind: string }[]): number[] {
  const idx = files.map((f, i) => (f.kind === 'image' ? i : -1)).filter((i) => i >= 0);
  return idx.length >= 2 ? idx.sort((a, b) => byName.compare(files[a].name, files[b].name)) : [];
}

export const joinedName = (names: string[]) => names.join(' + ');

/** The draft with its pages in a new order: `order[k]` is the old page shown k-th. */
export function reorderPages(d: DocumentDraft, order: number[]): DocumentDraft {
  const ocr = d.ocr!;
  const pages: OcrToken[][] = order.map((old) => ocr.tokens.filter((t) => t.page === old + 1)
    .map(({ line: _l, col: _c, ...t }) => ({ ...t, page: 0 })));
  pages.forEach((ts, k) => ts.forEach((t) => (t.page = k + 1)));
  const l = layoutTokens(pages);
  const infos = order.map((old) => ocr.pages[old]);
  const files = ocr.files ? order.map((old) => ocr.files![old]) : undefined;
  const next = draftFromText(files ? joinedName(files) : d.file, { kind: d.kind, text: l.text, pageStarts: l.pageStarts, ocr: { pages: infos, tokens: l.tokens } });
  return { ...next, agency: d.agency || next.agency, year: d.year ?? next.year, ocr: { ...next.ocr!, files } };
}
