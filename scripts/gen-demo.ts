// Generates the bundled demo dataset (data/): a fictional city 示例市 with its departments, four
// districts/counties (aggregate reports) and their departments and townships, 2021–2024, with a
// known set of planted faults (data/FAULTS.md, data/faults.json).
// Deterministic: one seeded PRNG, so two runs give byte-identical files. Run: npm run demo-data
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CELL_CODES, allowsFraction } from '../src/lib/format/cells';
import { deadlineFor, GOVERNMENT_LEVELS } from '../src/lib/format/levels';
import { emptyCells, type CellValues } from '../src/lib/format/record';
import {
  FAULT_PLAN, applyAggregateFault, applyCellFault, faultAt, faultOptions, lateFault, missingFault, type Fault,
} from './demo/faults';
import { agenciesCsv, faultsJson, faultsMd, reportsCsv, type DemoRow } from './demo/output';
import { buildRegistry, type Agency } from './demo/registry';
import { advanceState, generateReport, initialState, makeProfile } from './demo/report';
import { Random, round2 } from './demo/rng';

export const SEED = 20250131;
export const YEARS = [2021, 2022, 2023, 2024] as const;
/** The renamed agency whose carry-over must visibly continue across its rename. */
const RENAMED_CARRY = { agencyId: 'SL-D26', year: 2022, minCarryOut: 1 };

type CellsByKey = Map<string, CellValues>;
const key = (id: string, year: number) => `${id}|${year}`;

/** The four output files, by name under data/. */
export function generateDemo(): Record<string, string> {
  const rnd = new Random(SEED);
  const registry = buildRegistry();
  const faults: Fault[] = [];
  const cells: CellsByKey = new Map();
  for (const a of registry) if (!a.isAggregate) generateLeaf(a, rnd, cells, faults);
  for (const a of registry) if (a.isAggregate) generateAggregate(a, registry, cells, faults);
  const rows = assembleRows(registry, cells, rnd, faults);
  const ordered = FAULT_PLAN.map((s) => faults.find((f) => f.rule === s.rule && f.agency_id === s.agency_id && f.year === s.year));
  if (ordered.some((f) => !f)) throw new Error('a planned fault was not planted');
  const list = ordered as Fault[];
  return {
    'agencies.csv': agenciesCsv(registry),
    'reports.csv': reportsCsv(rows),
    'FAULTS.md': faultsMd(list, registry),
    'faults.json': faultsJson(list),
  };
}

function generateLeaf(a: Agency, rnd: Random, out: CellsByKey, faults: Fault[]): void {
  const profile = makeProfile(a, rnd);
  let state = initialState(a, profile, rnd);
  let prev: CellValues | undefined;
  for (const year of YEARS) {
    const opts = faultOptions(a.id, year);
    if (a.id === RENAMED_CARRY.agencyId && year === RENAMED_CARRY.year) opts.minCarryOut = RENAMED_CARRY.minCarryOut;
    const c = generateReport(a, profile, state, year, rnd, opts);
    const spec = faultAt(a.id, year);
    const fault = spec && applyCellFault(spec, c, prev);
    if (fault) faults.push(fault);
    out.set(key(a.id, year), c);
    state = advanceState(state, c, rnd);
    prev = c;
  }
}

/** An aggregate is the cell-by-cell sum of whatever its members' files say (blank if all blank). */
function generateAggregate(a: Agency, registry: readonly Agency[], cells: CellsByKey, faults: Fault[]): void {
  const members = registry.filter((m) => m.parent === a.id);
  for (const year of YEARS) {
    const sum = emptyCells();
    for (const code of CELL_CODES) {
      const vals = members.map((m) => cells.get(key(m.id, year))?.[code] ?? null).filter((v): v is number => v !== null);
      if (vals.length) sum[code] = allowsFraction(code) ? round2(vals.reduce((s, v) => s + v, 0)) : vals.reduce((s, v) => s + v, 0);
    }
    const spec = faultAt(a.id, year, 'aggregate_mismatch');
    if (spec) faults.push(applyAggregateFault(spec, sum));
    cells.set(key(a.id, year), sum);
  }
}

function assembleRows(registry: readonly Agency[], cells: CellsByKey, rnd: Random, faults: Fault[]): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const a of registry) {
    for (const year of YEARS) {
      let publishedOn = publicationDate(a, year, rnd);
      const late = faultAt(a.id, year, 'late');
      if (late) {
        const { date, fault } = lateFault(late, a.level);
        publishedOn = date;
        faults.push(fault);
      }
      const missing = faultAt(a.id, year, 'missing');
      if (missing) {
        faults.push(missingFault(missing));
        continue;
      }
      const c = cells.get(key(a.id, year));
      if (!c) throw new Error(`no report for ${a.id} ${year}`);
      rows.push({ agency: a, year, publishedOn, cells: c });
    }
  }
  return rows;
}

const MONTH_DAYS = [31, 28, 31];

/** Departments and townships publish in January; governments between late January and March. */
function publicationDate(a: Agency, year: number, rnd: Random): string {
  const government = GOVERNMENT_LEVELS.includes(a.level);
  const month = government ? 1 + rnd.categorical([0.15, 0.35, 0.5]) : 1;
  const first = government && month === 1 ? 20 : government ? 1 : 8;
  const day = rnd.int(first, MONTH_DAYS[month - 1]);
  const date = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (date > deadlineFor(a.level, year)) throw new Error(`publication date past the deadline: ${a.id} ${year}`);
  return date;
}

export function writeDemo(dir: string): Record<string, string> {
  const files = generateDemo();
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return files;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'data');
  const files = writeDemo(dir);
  for (const [name, text] of Object.entries(files)) console.log(`${join('data', name)}: ${text.split('\n').length - 1} lines`);
}
