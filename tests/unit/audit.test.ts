// `npm run audit`: the same rules over files given on the command line, flags as CSV on stdout;
// an input error is reported on stderr (file:line:column: error: reason) with exit code 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../scripts/audit';

interface Fault { rule: string; agency_id: string; year: number }
const faults: Fault[] = JSON.parse(readFileSync('data/faults.json', 'utf8'));
const planted = faults.map((f) => `${f.rule}|${f.agency_id}|${f.year}`).sort();

async function audit(args: string[]) {
  let out = '';
  let err = '';
  const code = await runAudit(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;

describe('npm run audit', () => {
  it('prints exactly the planted faults of the demo city as CSV', async () => {
    const { code, out, err } = await audit(['data/agencies.csv', 'data/reports.csv', '--lang', 'en']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = rowsOf(out);
    for (const c of ['rule', 'agency', 'year', 'cells', 'expected', 'actual', 'message']) expect(Object.keys(rows[0])).toContain(c);
    expect([...new Set(rows.map((r) => `${r.rule}|${r.agency_id}|${r.year}`))].sort()).toEqual(planted);
    const neg = rows.find((r) => r.rule === 'negative')!;
    expect([neg.cells, neg.actual]).toEqual(['s2_fee_amount', '-0.5']);
    expect(rows.find((r) => r.rule === 'missing')!.message).toBe('no report for 2022');
  });

  it('reports an input error with file, line and column on stderr, exit code 2, and no flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const bad = join(dir, 'bad.csv');
    const lines = readFileSync('data/reports.csv', 'utf8').split('\n');
    lines[2] = lines[2].replace(/^([^,]*),\d{4},/, '$1,20x3,');
    writeFileSync(bad, lines.join('\n'));
    const { code, out, err } = await audit(['data/agencies.csv', bad]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:year: error: .*20x3`, 'm'));
    expect((await audit(['data/agencies.csv'])).code).toBe(2);
    expect((await audit(['data/agencies.csv', join(dir, 'nope.csv')])).err).toContain('nope.csv:0::');
  });

  it('runs as an npm script', () => {
    const r = spawnSync('npm', ['run', '--silent', 'audit', '--', 'data/agencies.csv', 'data/reports.csv'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    expect([...new Set(rows.map((x) => `${x.rule}|${x.agency_id}|${x.year}`))].sort()).toEqual(planted);
  });
});
