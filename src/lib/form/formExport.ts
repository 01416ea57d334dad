// The export panel's "form as Word / Excel" buttons: gather the form of what the view shows, write
// it, hand it to the browser. The writers (and docx / ExcelJS) load only when a button is pressed.
import { getDb } from '../db/duckdb';
import { download, exportFileName } from '../export/csv';
import type { Lang } from '../i18n/messages';
import { buildFormDocument, type FormTarget } from './formDoc';

export type FormFormat = 'docx' | 'xlsx';
const MIME: Record<FormFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Builds the file and downloads it; returns the file name. */
export async function exportForm(format: FormFormat, target: FormTarget, lang: Lang): Promise<string> {
  const doc = await buildFormDocument(await getDb(), target, lang);
  const bytes = format === 'docx'
    ? await (await import('./formDocx')).formDocx(doc)
    : await (await import('./formXlsx')).formXlsx(doc);
  const file = exportFileName(doc.fileBase.replace(/[\\/:*?"<>|]/g, '_'), format);
  download(file, bytes, MIME[format]);
  return file;
}
