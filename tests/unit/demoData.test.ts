// Self-check of the bundled demo dataset (data/): an independent implementation of every rule of
// the report format must find exactly the planted faults listed in data/faults.json, nothing else;
// the numbers must have realistic shapes; and the generator must reproduce the files byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CARRIED_OUT_ROW, CELL_CODES, HANDLED_ROW, OUTCOME_GROUPS, RECEIVED_ROWS, S3_COLUMNS, S3_PART_COLUMNS, S3_ROWS,
  S3_TOTAL_COLUMN, S4_GROUPS, SECTION2_CODES, allowsFraction, s3RowsOfGroup,
} from '../../src/lib/format/cells';
import { deadlineFor } from '../../src/lib/format/levels';
import { generateDemo, YEARS } from '../../scripts/gen-demo';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const read = (name: string) => readFileSync(join(DATA, name), 'utf8');
const parse = (text: string) => {
  const p = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(p.errors).toEqual([]);
  return p;
};

interface Agency { agency_id: string; name: string; level: string; parent_id: string; is_aggregate: string; aliases: string }
interface Report { agency: string; id: string; year: number; level: string; parent: string; published_on: string; cells: Record<string, number | null> }
interface Fault { rule: string; agency_id: string; year: number; cells: string[] }

const agenciesFile = parse(read('agencies.csv'));
const reportsFile = parse(read('reports.csv'));
const agencies = agenciesFile.data as unknown as Agency[];
const faults: Fault[] = JSON.parse(read('faults.json'));
const reports: Report[] = reportsFile.data.map((r) => ({
  agency: r.agency, id: r.agency_id, year: Number(r.year), level: r.level, parent: r.parent, published_on: r.published_on,
  cells: Object.fromEntries(CELL_CODES.map((c) => [c, r[c] === '' ? null : Number(r[c])])),
}));
const byKey = new Map(reports.map((r) => [`${r.id}|${r.year}`, r]));
const get = (id: string, year: number) => byKey.get(`${id}|${year}`);

const [NEW_ROW, CARRIED_IN_ROW] = RECEIVED_ROWS;
const OUTCOME_ROWS = S3_ROWS.filter((r) => OUTCOME_GROUPS.includes(r.group));
const IN_FORCE = SECTION2_CODES.filter((c) => c.endsWith('_in_force')).map((c) => {
  const prefix = c.slice(0, -'_in_force'.length);
  return { inForce: c, issued: `${prefix}_issued`, repealed: `${prefix}_repealed` };
});
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const money = (x: number) => Math.round(x * 100) / 100;

/** Violations found, keyed "rule|agency_id|year", with the cells of the failing equations. */
function findViolations(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const flag = (rule: string, id: string, year: number, cells: string[]) => {
    const k = `${rule}|${id}|${year}`;
    const set = found.get(k) ?? new Set<string>();
    cells.forEach((c) => set.add(c));
    found.set(k, set);
  };
  /** a = b over the given cells, or not checkable (some cell blank) */
  const equation = (r: Report, rule: string, left: string[], right: string[]) => {
    const vals = [...left, ...right].map((c) => r.cells[c]);
    if (vals.some((v) => v === null)) return;
    const l = sum(left.map((c) => r.cells[c] as number));
    const rr = sum(right.map((c) => r.cells[c] as number));
    if (l !== rr) flag(rule, r.id, r.year, [...left, ...right]);
  };
  for (const r of reports) {
    for (const col of S3_COLUMNS) {
      equation(r, 'balance', [NEW_ROW.codes[col], CARRIED_IN_ROW.codes[col]], [HANDLED_ROW.codes[col], CARRIED_OUT_ROW.codes[col]]);
      equation(r, 'outcome_sum', [HANDLED_ROW.codes[col]], OUTCOME_ROWS.map((o) => o.codes[col]));
    }
    for (const row of S3_ROWS) equation(r, 'column_sum', [row.codes[S3_TOTAL_COLUMN]], S3_PART_COLUMNS.map((c) => row.codes[c]));
    for (const g of S4_GROUPS) equation(r, 's4_sum', [g.total], [g.upheld, g.corrected, g.other, g.pending]);
    for (const c of CELL_CODES) {
      const v = r.cells[c];
      if (v !== null && (v < 0 || !Number.isFinite(v) || (!allowsFraction(c) && !Number.isInteger(v)))) flag('negative', r.id, r.year, [c]);
    }
    const prev = get(r.id, r.year - 1);
    if (prev) {
      for (const col of S3_COLUMNS) {
        const a = r.cells[CARRIED_IN_ROW.codes[col]];
        const b = prev.cells[CARRIED_OUT_ROW.codes[col]];
        if (a !== null && b !== null && a !== b) flag('carryover', r.id, r.year, [CARRIED_IN_ROW.codes[col]]);
      }
      for (const f of IN_FORCE) {
        const [now, before, iss, rep] = [r.cells[f.inForce], prev.cells[f.inForce], r.cells[f.issued], r.cells[f.repealed]];
        if (now !== null && before !== null && iss !== null && rep !== null && now !== before + iss - rep) {
          flag('in_force', r.id, r.year, [f.inForce]);
        }
      }
    }
  }
  checkCalendar(flag);
  checkAggregates(flag);
  checkCopied(flag);
  return found;
}

type Flag = (rule: string, id: string, year: number, cells: string[]) => void;

function checkCalendar(flag: Flag) {
  for (const a of agencies) {
    // expected from the agency's first report (the latest year when it has none) to the latest year
    const first = YEARS.find((y) => get(a.agency_id, y)) ?? YEARS[YEARS.length - 1];
    for (const y of YEARS) {
      const r = get(a.agency_id, y);
      if (!r) { if (y >= first) flag('missing', a.agency_id, y, []); }
      else if (r.published_on && r.published_on > deadlineFor(a.level, y)) flag('late', a.agency_id, y, []);
    }
  }
}

function checkAggregates(flag: Flag) {
  for (const a of agencies.filter((x) => x.is_aggregate === 'true')) {
    const members = agencies.filter((m) => m.parent_id === a.agency_id);
    for (const y of YEARS) {
      const agg = get(a.agency_id, y);
      const rows = members.map((m) => get(m.agency_id, y));
      if (!agg || rows.some((m) => !m)) continue;
      for (const c of CELL_CODES) {
        const vals = rows.map((m) => m!.cells[c]).filter((v): v is number => v !== null);
        const expected = vals.length ? money(sum(vals)) : null;
        const actual = agg.cells[c] === null ? null : money(agg.cells[c]!);
        if (expected !== actual) flag('aggregate_mismatch', a.agency_id, y, [c]);
      }
    }
  }
}

/** Stricter than the rule: flags a report whose non-zero numbers all appear, equal, in another one. */
function checkCopied(flag: Flag) {
  const nonZero = (r: Report) => CELL_CODES.filter((c) => r.cells[c] !== null && r.cells[c] !== 0);
  const within = (a: Report, b: Report) => nonZero(a).every((c) => a.cells[c] === b.cells[c]);
  for (const r of reports) {
    expect(nonZero(r).length, `${r.id} ${r.year} has too few numbers`).toBeGreaterThanOrEqual(3);
    const prev = get(r.id, r.year - 1);
    const others = reports.filter((o) => o.year === r.year && o.id !== r.id);
    if ((prev && within(r, prev)) || others.some((o) => within(r, o))) flag('copied', r.id, r.year, []);
  }
}

describe('demo dataset', () => {
  it('has the documented headers and a consistent registry', () => {
    expect(agenciesFile.meta.fields).toEqual(['agency_id', 'name', 'level', 'parent_id', 'category', 'is_aggregate', 'aliases']);
    expect(reportsFile.meta.fields).toEqual(['agency', 'year', 'agency_id', 'level', 'parent', 'published_on', ...CELL_CODES]);
    const ids = new Map(agencies.map((a) => [a.agency_id, a]));
    expect(ids.size).toBe(agencies.length);
    for (const a of agencies) if (a.parent_id) expect(ids.has(a.parent_id)).toBe(true);
    for (const r of reports) {
      const a = ids.get(r.id)!;
      expect(a, r.id).toBeDefined();
      expect([a.name, ...a.aliases.split(';').filter(Boolean)]).toContain(r.agency);
      expect([r.level, r.parent]).toEqual([a.level, a.parent_id]);
      expect(r.published_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('holds exactly the planted faults, one per rule id', () => {
    const found = findViolations();
    const planted = new Map(faults.map((f) => [`${f.rule}|${f.agency_id}|${f.year}`, f]));
    expect([...found.keys()].sort()).toEqual([...planted.keys()].sort());
    for (const [k, f] of planted) for (const c of f.cells) expect(found.get(k), `${k} ${c}`).toContain(c);
    const rules = faults.map((f) => f.rule);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules.sort()).toEqual(
      ['aggregate_mismatch', 'balance', 'carryover', 'column_sum', 'copied', 'in_force', 'late', 'missing', 'negative', 'outcome_sum', 's4_sum'],
    );
  });

  it('continues carry-over across a rename', () => {
    const renamed = agencies.filter((a) => a.aliases);
    const continued = renamed.some((a) =>
      YEARS.slice(1).some((y) => {
        const [before, after] = [get(a.agency_id, y - 1), get(a.agency_id, y)];
        return before && after && before.agency !== after.agency && after.agency === a.name &&
          (before.cells[CARRIED_OUT_ROW.codes[S3_TOTAL_COLUMN]] ?? 0) > 0 &&
          before.cells[CARRIED_OUT_ROW.codes[S3_TOTAL_COLUMN]] === after.cells[CARRIED_IN_ROW.codes[S3_TOTAL_COLUMN]];
      }),
    );
    expect(continued).toBe(true);
  });

  it('has realistic shapes', () => {
    const aggregates = new Set(agencies.filter((a) => a.is_aggregate === 'true').map((a) => a.agency_id));
    const leaves2024 = reports.filter((r) => r.year === 2024 && !aggregates.has(r.id));
    const total = (code: string, rs = leaves2024) => sum(rs.map((r) => r.cells[code] ?? 0));
    const cityNew = total(NEW_ROW.codes[S3_TOTAL_COLUMN]);
    expect(cityNew).toBeGreaterThanOrEqual(1000);
    expect(cityNew).toBeLessThan(10000);
    for (const id of aggregates) {
      const n = get(id, 2024)!.cells[NEW_ROW.codes[S3_TOTAL_COLUMN]]!;
      expect(n).toBeGreaterThanOrEqual(100);
      expect(n).toBeLessThan(1000);
    }
    const byApplicant = S3_PART_COLUMNS.map((c) => total(NEW_ROW.codes[c]));
    expect(byApplicant[0] / cityNew).toBeGreaterThan(0.8);
    expect(Math.max(...byApplicant.slice(1))).toBeLessThan(byApplicant[0]);
    const outcomes = OUTCOME_ROWS.map((o) => [o.key, total(o.codes[S3_TOTAL_COLUMN])] as const).sort((a, b) => b[1] - a[1]);
    expect(outcomes.slice(0, 2).map((o) => o[0]).sort()).toEqual(['granted', 'unable_not_held']);
    const refused = sum(s3RowsOfGroup('outcome_refused').map((r) => total(r.codes[S3_TOTAL_COLUMN])));
    expect(refused / total(HANDLED_ROW.codes[S3_TOTAL_COLUMN])).toBeLessThan(0.2);
    const fees = reports.filter((r) => r.cells[SECTION2_CODES.find(allowsFraction)!] !== null);
    expect(fees.length / reports.length).toBeLessThan(0.2);
  });

  it('is reproduced byte for byte by the generator', () => {
    const files = generateDemo();
    expect(Object.keys(files).sort()).toEqual(['FAULTS.md', 'agencies.csv', 'faults.json', 'reports.csv']);
    for (const [name, text] of Object.entries(files)) expect(text, name).toBe(read(name));
    expect(generateDemo()).toEqual(files);
  });
});
