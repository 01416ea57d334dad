// Reads a GB18030 CSV fixture for the test's own sums (Node's TextDecoder knows gb18030).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export default function readGbkCsv(path: string): Record<string, string>[] {
  const text = new TextDecoder('gb18030').decode(readFileSync(path));
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}
