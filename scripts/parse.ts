// npm run parse -- <files...>: one JSON object per line per file:
// {"file", "agency", "year", "published_on", "cells": {all 200 codes: number|null}, "warnings": [...], "failedRules": [...],
//  "derived": [codes filled from the printed sums, not read],
//  "narrative": [{quote, line, value, cells, table_value, agrees}] (statements it is sure of),
//  "sections": ["一", …] (present), "fee_yuan": 信息处理费 stated (元; 0 = none charged; null = not said)}
// A file that cannot be read at all still gets a line, with "error". Several files are read on
// one worker per core (readNodeBatch.ts); the lines keep the order of the arguments.
// npm run parse -- --pages p1.jpg p2.jpg …: the files are the pages of ONE report, in that order
// (scans: read by OCR); one line for all of them, with the OCR's derived and uncertain cells.
import { readFileSync } from 'node:fs';
import { readDocumentNode } from '../src/lib/ingest/docs/readNode';
import { readDocumentsNode, type BatchResult } from '../src/lib/ingest/docs/readNodeBatch';
import { parseReportText } from '../src/lib/ingest/reportText';
import { draftFromText } from '../src/lib/ingest/document';
import { narrativeOutput } from '../src/lib/ingest/narrative/parseOutput';

const pagesMode = process.argv[2] === '--pages';
const files = process.argv.slice(pagesMode ? 3 : 2);
if (!files.length) {
  console.error('usage: npm run parse -- <report.pdf|.doc|.docx|.wps|.html|.txt|.jpg|.png> ...  or  npm run parse -- --pages p1.jpg p2.jpg ...');
  process.exit(2);
}
if (pagesMode) {
  const { readImagesNode } = await import('../src/lib/ingest/docs/ocr/readNode');
  const t0 = Date.now();
  const d = draftFromText(files[0], await readImagesNode(files.map((f) => new Uint8Array(readFileSync(f)))));
  console.log(JSON.stringify({
    files, agency: d.agency, year: d.year, published_on: d.published_on, cells: d.cells, warnings: d.warnings, failedRules: d.failedRules,
    uncertain: d.uncertain, derived: d.ocr?.derived, ...narrativeOutput(d.text, d.year, d.cells), seconds: (Date.now() - t0) / 1000,
  }));
  process.exit(0);
}
async function single(file: string, bytes: Uint8Array): Promise<BatchResult> {
  try {
    const doc = await readDocumentNode(file, bytes);
    return { name: file, doc, parsed: parseReportText(doc.text) };
  } catch (e) {
    return { name: file, error: { message: e instanceof Error ? e.message : String(e) } };
  }
}
type Input = { name: string; bytes?: Uint8Array; error?: string };
const inputs: Input[] = files.map((file) => {
  try {
    return { name: file, bytes: new Uint8Array(readFileSync(file)) };
  } catch (e) {
    return { name: file, error: e instanceof Error ? e.message : String(e) };
  }
});
const readable = inputs.filter((f) => f.bytes).map((f) => ({ name: f.name, bytes: f.bytes! }));
const results = readable.length > 1 ? await readDocumentsNode(readable, { parse: true }) : await Promise.all(readable.map((f) => single(f.name, f.bytes)));
const byInput = new Map<Input, BatchResult>(inputs.filter((f) => f.bytes).map((f, i) => [f, results[i]]));
let failed = 0;
for (const f of inputs) {
  const r: BatchResult = byInput.get(f) ?? { name: f.name, error: { message: f.error ?? 'not read' } };
  if (r.error || !r.parsed) {
    failed++;
    console.log(JSON.stringify({ file: f.name, error: r.error?.message ?? 'not read' }));
  } else {
    // a scan read by OCR: the draft carries the OCR's confidence checks on top of the parse
    const p = r.doc?.ocr ? draftFromText(f.name, r.doc) : r.parsed;
    console.log(JSON.stringify({ file: f.name, agency: p.agency, year: p.year, published_on: p.published_on, cells: p.cells, warnings: p.warnings, failedRules: p.failedRules, derived: 'ocr' in p ? p.ocr?.derived : r.parsed.derived, ...(r.doc ? narrativeOutput(r.doc.text, p.year, p.cells) : {}) }));
  }
}
process.exitCode = failed ? 1 : 0;
