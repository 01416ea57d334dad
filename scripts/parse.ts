// npm run parse -- <files...>: one JSON object per line per file:
// {"file", "agency", "year", "cells": {all 200 codes: number|null}, "warnings": [...], "failedRules": [...],
//  "narrative": [{quote, line, value, cells, table_value, agrees}] (statements it is sure of),
//  "sections": ["一", …] (present), "fee_yuan": 信息处理费 stated (元; 0 = none charged; null = not said)}
// A file that cannot be read at all still gets a line, with "error".
import { readFileSync } from 'node:fs';
import { readDocumentNode } from '../src/lib/ingest/docs/readNode';
import { parseReportText } from '../src/lib/ingest/reportText';
import { narrativeOutput } from '../src/lib/ingest/narrative/parseOutput';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: npm run parse -- <report.pdf|.docx|.html|.txt> ...');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  try {
    const doc = await readDocumentNode(file, new Uint8Array(readFileSync(file)));
    if (doc.kind === 'unknown' || doc.kind === 'xlsx' || doc.kind === 'csv') throw new Error(`not a report document (${doc.kind})`);
    const r = parseReportText(doc.text);
    console.log(JSON.stringify({ file, agency: r.agency, year: r.year, cells: r.cells, warnings: r.warnings, failedRules: r.failedRules, ...narrativeOutput(doc.text, r.year, r.cells) }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ file, error: e instanceof Error ? e.message : String(e) }));
  }
}
process.exitCode = failed ? 1 : 0;
