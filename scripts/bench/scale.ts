// Synthetic province-sized datasets for benchmarks: N agency-years with a matching registry,
// drawn with the demo city's per-agency generator (realistic shapes, consistent sums).
import { buildRegistry, type Agency } from '../demo/registry';
import { advanceState, generateReport, initialState, makeProfile } from '../demo/report';
import { Random } from '../demo/rng';
import { agenciesCsv, reportsCsv, type DemoRow } from '../demo/output';

export const BENCH_YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/** A registry of `agencies` leaf agencies: copies of the demo city's leaves under numbered cities. */
export function scaleRegistry(agencies: number): Agency[] {
  const templates = buildRegistry().filter((a) => !a.isAggregate);
  const out: Agency[] = [];
  for (let i = 0; out.length < agencies; i++) {
    const t = templates[i % templates.length];
    const city = Math.floor(i / templates.length);
    out.push({ ...t, id: `B${city}-${t.id}`, name: `第${city + 1}市${t.name}`, parent: null, aliases: [], renamedIn: undefined });
  }
  return out;
}

export function generateScale(agencyYears: number, years = BENCH_YEARS.slice(-4), seed = 7): { agencies: string; reports: string } {
  const rnd = new Random(seed);
  const registry = scaleRegistry(Math.ceil(agencyYears / years.length));
  const rows: DemoRow[] = [];
  for (const a of registry) {
    const p = makeProfile(a, rnd);
    let st = initialState(a, p, rnd);
    for (const year of years) {
      if (rows.length >= agencyYears) break;
      const cells = generateReport(a, p, st, year, rnd);
      rows.push({ agency: a, year, publishedOn: `${year + 1}-01-${String(rnd.int(5, 28)).padStart(2, '0')}`, cells });
      st = advanceState(st, cells, rnd);
    }
  }
  return { agencies: agenciesCsv(registry), reports: reportsCsv(rows) };
}
