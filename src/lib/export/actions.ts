// What the export panel's buttons do: query the store, build the file, hand it to the browser.
// ExcelJS and the Parquet writer are imported only when their button is pressed.
import { getDb } from '../db/duckdb';
import { listReviews, type Review } from '../db/reviews';
import type { Lang } from '../i18n/messages';
import { runAllRules } from '../rules/rules';
import { download, exportFileName } from './csv';
import { flagsToCsv } from './flagsCsv';
import { CSV_MIME, encodeCsv, summaryRows, summaryToCsv, type HeaderStyle, type NumberStyle, type SummaryTable, type TextEncoding } from './summary';

export type CsvTable = SummaryTable | 'flags';

export interface CsvChoice {
  table: CsvTable;
  header: HeaderStyle;
  numbers: NumberStyle;
  encoding: TextEncoding;
  lang: Lang;
}

async function reviewsOrNone(): Promise<Map<string, Review>> {
  try {
    return await listReviews();
  } catch {
    return new Map(); // storage refused (private window): flags without review state
  }
}

/** Builds the CSV and downloads it; returns the file name. */
export async function exportCsv(c: CsvChoice): Promise<string> {
  const db = await getDb();
  let text: string;
  let name: string;
  if (c.table === 'flags') {
    const [flags, reviews] = await Promise.all([runAllRules(db), reviewsOrNone()]);
    text = flagsToCsv(flags, c.lang, { reviews });
    name = 'overview-flags';
  } else {
    const { spec, rows } = await summaryRows(db, c.table);
    text = summaryToCsv(spec.columns, rows, { header: c.header, numbers: c.numbers, lang: c.lang });
    name = spec.name;
  }
  const file = exportFileName(c.encoding === 'gb18030' ? `${name}-gb18030` : name, 'csv');
  download(file, encodeCsv(text, c.encoding), CSV_MIME[c.encoding]);
  return file;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportTemplate(): Promise<string> {
  const { buildTemplate } = await import('../xlsx/template');
  const file = exportFileName('年报填报模板', 'xlsx');
  download(file, await buildTemplate(), XLSX_MIME);
  return file;
}

/** Every table of the store, and the reviews, as Parquet files in one zip. */
export async function exportParquet(): Promise<string> {
  const [{ exportDataset }, db, reviews] = await Promise.all([import('../parquet/dataset'), getDb(), reviewsOrNone()]);
  const file = exportFileName('dataset', 'zip');
  download(file, await exportDataset(db, [...reviews.values()]), 'application/zip');
  return file;
}
