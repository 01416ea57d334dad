// npm run parse -- <files...>: one JSON object per line per file:
// {"file", "agency", "year", "cells": {all 200 codes: number|null}, "warnings": [...], "failedRules": [...]}
// A file that cannot be read at all still gets a line, with "error".
// npm run parse -- --pages p1.jpg p2.jpg …: the files are the pages of ONE report, in that order
// (scans: read by OCR); one line for all of them, with the OCR's derived and uncertain cells.
import { readFileSync } from 'node:fs';
import { readDocumentNode } from '../src/lib/ingest/docs/readNode';
import { parseReportText } from '../src/lib/ingest/reportText';

const pagesMode = process.argv[2] === '--pages';
const files = process.argv.slice(pagesMode ? 3 : 2);
if (!files.length) {
  console.error('usage: npm run parse -- <report.pdf|.docx|.html|.txt|.jpg|.png> ...  or  npm run parse -- --pages p1.jpg p2.jpg ...');
  process.exit(2);
}
let failed = 0;
if (pagesMode) {
  const { readImagesNode } = await import('../src/lib/ingest/docs/ocr/readNode');
  const { draftFromText } = await import('../src/lib/ingest/document');
  const t0 = Date.now();
  const d = draftFromText(files[0], await readImagesNode(files.map((f) => new Uint8Array(readFileSync(f)))));
  console.log(JSON.stringify({
    files, agency: d.agency, year: d.year, cells: d.cells, warnings: d.warnings, failedRules: d.failedRules,
    uncertain: d.uncertain, derived: d.ocr?.derived, seconds: (Date.now() - t0) / 1000,
  }));
  process.exit(0);
}
for (const file of files) {
  try {
    const doc = await readDocumentNode(file, new Uint8Array(readFileSync(file)));
    if (doc.kind === 'unknown' || doc.kind === 'xlsx' || doc.kind === 'csv') throw new Error(`not a report document (${doc.kind})`);
    const r = doc.ocr ? (await import('../src/lib/ingest/document')).draftFromText(file, doc) : parseReportText(doc.text);
    console.log(JSON.stringify({ file, agency: r.agency, year: r.year, cells: r.cells, warnings: r.warnings, failedRules: r.failedRules }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ file, error: e instanceof Error ? e.message : String(e) }));
  }
}
process.exitCode = failed ? 1 : 0;
