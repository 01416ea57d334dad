// Independent sums over the bundled demo files, computed by the tests themselves (no app code).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

export function demo() {
  const agencies = readCsv('data/agencies.csv');
  const reports = readCsv('data/reports.csv');
  const aggregate = new Set(agencies.filter((a) => ['true', '是', '1'].includes(a.is_aggregate.toLowerCase())).map((a) => a.agency_id));
  const leaf = reports.filter((r) => !aggregate.has(r.agency_id));
  /** Σ over leaf reports of one year of the given columns (blank cells skipped; null if all blank). */
  const leafSum = (year: number, ...codes: string[]): number | null => {
    let any = false;
    let s = 0;
    for (const r of leaf) {
      if (Number(r.year) !== year) continue;
      for (const c of codes) {
        if (r[c] === '' || r[c] === undefined) continue;
        any = true;
        s += Number(r[c]);
      }
    }
    return any ? s : null;
  };
  const years = [...new Set(reports.map((r) => Number(r.year)))].sort();
  return { agencies, reports, leaf, leafSum, years, aggregate };
}
