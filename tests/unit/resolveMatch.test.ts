// CSV imports match names as the review does: a probable name stops the file until the user
// decides; the decision (accept a candidate, or "new") lets it load — through both CSV readers.
import { describe, expect, it } from 'vitest';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { prepareCsvStream } from '../../src/lib/ingest/csvStream';
import type { RegistryEntry } from '../../src/lib/ingest/resolve';
import { consistentCells, wideCsv } from './helpers/records';
import { freshDb } from './helpers/db';
import { applyImport, readRegistry } from '../../src/lib/db/load';

const enc = (s: string) => new TextEncoder().encode(s);
const REGISTRY: RegistryEntry[] = [
  { agency_id: 'HA', name: '淮安市人民政府', aliases: [], parent_id: null, level: '市级', is_aggregate: false },
  { agency_id: 'HZ', name: '洪泽区人民政府', aliases: [], parent_id: 'HA', level: '区县', is_aggregate: true },
  { agency_id: 'SY', name: '沭阳县人民政府', aliases: [], parent_id: null, level: '区县', is_aggregate: true },
];
const rows = [
  { agency: '淮安市洪泽区人民政府', year: 2024, cells: consistentCells(11, 4) },
  { agency: '沐阳县人民政府', year: 2024, cells: consistentCells(13, 5) },
  { agency: '淮安市淮阴区人民政府', year: 2023, cells: consistentCells(17, 6) },
  { agency: '淮阴区人民政府', year: 2024, cells: consistentCells(19, 7) },
];
const text = wideCsv(rows);

async function viaStream(decisions?: Record<string, string>) {
  const bytes = enc(text);
  return prepareCsvStream('m.csv', bytes.length, async (a, b) => bytes.slice(a, b), REGISTRY, { nowYear: 2025, decisions, onChunk: () => undefined });
}

describe('CSV names matched against the registry and the file', () => {
  it('a place name the hierarchy implies is matched; a look-alike and a batch twin wait for the user', async () => {
    for (const prep of [prepareCsv('m.csv', enc(text), REGISTRY, { nowYear: 2025 }), await viaStream()]) {
      expect(prep.prepared).toBeNull();
      const pending = prep.pending ?? [];
      expect(pending.map((p) => p.name)).toEqual(['沐阳县人民政府', '淮阴区人民政府']);
      expect(pending[0].candidates.map((c) => c.agency_id)).toEqual(['SY']);
      expect(pending[1].candidates[0]).toMatchObject({ agency_id: '淮安市淮阴区人民政府', batch: true });
      expect(prep.problems.filter((p) => p.severity === 'error').map((p) => p.line)).toEqual([3, 5]);
    }
  });

  it('with the decisions the file loads: accepted names take the candidate, "new" makes a new agency', async () => {
    const decisions = { 沐阳县人民政府: 'SY', 淮阴区人民政府: '淮安市淮阴区人民政府' };
    for (const prep of [prepareCsv('m.csv', enc(text), REGISTRY, { nowYear: 2025, decisions }), await viaStream(decisions)]) {
      expect(prep.problems).toEqual([]);
      const ids = prep.prepared!.records.map((r) => r.agency_id);
      expect(ids).toEqual(['HZ', 'SY', '淮安市淮阴区人民政府', '淮安市淮阴区人民政府']);
      const added = prep.prepared!.agencies;
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ agency_id: '淮安市淮阴区人民政府', aliases: ['淮阴区人民政府'] });
    }
    const asNew = prepareCsv('m.csv', enc(text), REGISTRY, { nowYear: 2025, decisions: { 沐阳县人民政府: '', 淮阴区人民政府: '' } });
    expect(asNew.problems).toEqual([]);
    expect(asNew.prepared!.newAgencies.map((a) => a.name)).toEqual(['沐阳县人民政府', '淮安市淮阴区人民政府', '淮阴区人民政府']);
  });

  it('a name accepted for an agency in the registry becomes its alias: the next file with it loads at once', async () => {
    const db = await freshDb();
    const reg = wideRegistryCsv(REGISTRY);
    const first = prepareCsv('agencies.csv', enc(reg), [], { nowYear: 2025 });
    await applyImport(db, first.prepared!);
    const decisions = { 沐阳县人民政府: 'SY', 淮阴区人民政府: '淮安市淮阴区人民政府' };
    const prep = prepareCsv('m.csv', enc(text), await readRegistry(db), { nowYear: 2025, decisions });
    // only the name accepted for an agency already registered is learned (the batch twin is the
    // new agency's alias already; the place-name form matches by itself)
    expect(prep.prepared!.learnedAliases).toEqual([{ agency_id: 'SY', alias: '沐阳县人民政府' }]);
    await applyImport(db, prep.prepared!);
    const sy = (await readRegistry(db)).find((a) => a.agency_id === 'SY')!;
    expect(sy.aliases).toEqual(['沐阳县人民政府']);
    const next = prepareCsv('n.csv', enc(wideCsv([{ agency: '沐阳县人民政府', year: 2023, cells: consistentCells(23, 8) }])), await readRegistry(db), { nowYear: 2025 });
    expect(next.pending).toBeUndefined();
    expect(next.prepared!.records.map((r) => r.agency_id)).toEqual(['SY']);
    expect(next.prepared!.learnedAliases).toBeUndefined();
  });
});

function wideRegistryCsv(rows: RegistryEntry[]): string {
  const head = 'agency_id,name,level,parent_id,category,is_aggregate,aliases';
  return [head, ...rows.map((a) => [a.agency_id, a.name, a.level ?? '', a.parent_id ?? '', '', a.is_aggregate ? 'true' : 'false', a.aliases.join(';')].join(','))].join('\n') + '\n';
}
