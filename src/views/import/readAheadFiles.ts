// The report documents among the files dropped together, read ahead of the import loop
// (readAhead.ts): two at once where there are two cores, so a folder of PDFs is read on both
// (pdf.js runs each document in its own worker). Progress shows for the file being handled only.
import { ReadAhead } from '../../lib/ingest/docs/readAhead';
import { sniffKind, type DocKind } from '../../lib/ingest/docs/kind';
import { kindError } from '../../lib/ingest/docs/docErrors';
import type { DocText } from '../../lib/ingest/docs/docText';
import type { OcrProgress } from '../../lib/ingest/docs/ocr/readBrowser';
import { tableFileKind } from '../../lib/state/tableImport';

type Progress = (done: number, total: number) => void;

/** Bigger documents are not read ahead: read at their turn, two of them are never in memory at once. */
const AHEAD_MAX_BYTES = 50e6;

/** One document read in the browser (pdf.js, mammoth, … loaded only now). */
export async function readOne(file: File, onProgress?: Progress, onOcr?: OcrProgress): Promise<DocText> {
  const { readDocument } = await import('../../lib/ingest/docs/readBrowser');
  return readDocument(file.name, new Uint8Array(await file.arrayBuffer()), onProgress, onOcr);
}

/** Whether the import loop will read the file as a report document (as ImportModel.run decides:
 *  not a CSV or a table file, not refused, not too big). */
async function isDocument(file: File, maxBytes: number): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const kind = sniffKind(file.name, head);
  if (kind === 'csv' || tableFileKind(file.name, head)) return false;
  return !kindError(kind as DocKind, file.name) && file.size <= maxBytes;
}

/** Reads ahead the documents of `list` (not those in `skip`); a file that is not one, or is too
 *  big to read ahead, reads as null (the caller then reads it itself, readOne). */
export function readAheadOf(
  list: File[], skip: number[], maxBytes: number, isCurrent: (i: number) => boolean, onProgress: Progress, onOcr: OcrProgress,
): ReadAhead<DocText | null> {
  const width = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
  return new ReadAhead(list.length, async (i) => {
    if (skip.includes(i) || list[i].size > AHEAD_MAX_BYTES || !(await isDocument(list[i], maxBytes))) return null;
    return readOne(
      list[i],
      (d, t) => isCurrent(i) && onProgress(d, t),
      (p, n, f) => isCurrent(i) && onOcr(p, n, f),
    );
  }, width);
}
