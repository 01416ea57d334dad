// npx tsx scripts/bench/gen.ts <agency-years> <out-dir>: writes agencies.csv and reports.csv.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScale } from './scale';

const n = Number(process.argv[2] ?? 10000);
const dir = process.argv[3] ?? `.bench/${n}`;
mkdirSync(dir, { recursive: true });
const { agencies, reports } = generateScale(n);
writeFileSync(join(dir, 'agencies.csv'), agencies);
writeFileSync(join(dir, 'reports.csv'), reports);
console.log(`${dir}: ${n} agency-years, ${(reports.length / 1e6).toFixed(1)} MB`);
