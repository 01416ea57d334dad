// The bundled demo city: the compliance engine finds exactly the planted faults of
// data/faults.json (same rule, agency_id, year, and at least the planted cells), nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAllRules } from '../../src/lib/rules/rules';
import { freshDb, loadCsv } from './helpers/db';

interface Fault { rule: string; agency_id: string; year: number; cells: string[] }
const faults: Fault[] = JSON.parse(readFileSync('data/faults.json', 'utf8'));
const triple = (f: { rule: string; agency_id: string; year: number }) => `${f.rule}|${f.agency_id}|${f.year}`;

describe('compliance on the demo city', () => {
  it('finds exactly the planted faults and nothing else', async () => {
    const db = await freshDb();
    await loadCsv(db, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
    await loadCsv(db, 'reports.csv', readFileSync('data/reports.csv', 'utf8'));
    const flags = await runAllRules(db);
    expect([...new Set(flags.map(triple))].sort()).toEqual(faults.map(triple).sort());
    for (const f of faults) {
      const mine = flags.filter((x) => triple(x) === triple(f));
      const cells = new Set(mine.flatMap((x) => x.cells));
      for (const c of f.cells) expect(cells, `${triple(f)} ${c}`).toContain(c);
      for (const x of mine) {
        expect(x.message_zh.length).toBeGreaterThan(4);
        expect(x.message_en.length).toBeGreaterThan(4);
        expect(x.agency).not.toBe(x.agency_id);
      }
    }
    // the renamed agency's carry-over continues across its rename: no flag at all for it
    expect(flags.filter((f) => f.agency_id === 'SL-D26')).toEqual([]);
  });
});
