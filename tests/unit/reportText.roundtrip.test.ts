// Property-style round trip: random records that are valid by the form's sums, written as report
// text in each layout by renderText, parsed back: every one of the 200 cells must come back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { S3_ROWS } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { TEXT_LAYOUTS, renderReportText } from '../../src/lib/ingest/renderText';
import { checkWithinReport } from '../../src/lib/rules/withinReport';
import { prng, randomRecord } from '../fixtures/reports/randomRecord';

const N = 200;
describe(`round trip: ${N} random valid records × ${TEXT_LAYOUTS.length} layouts`, () => {
  it('generates valid records', () => {
    for (let s = 1; s <= N; s++) expect(checkWithinReport(randomRecord(s))).toEqual([]);
  });
  for (const layout of TEXT_LAYOUTS) {
    it(`${layout}: all 200 cells, agency and year come back`, () => {
      for (let s = 1; s <= N; s++) {
        const cells = randomRecord(s);
        const rec = { agency: `测试第${s}局`, year: 2021 + (s % 5), cells };
        const text = renderReportText(rec, layout);
        const r = parseReportText(text);
        expect({ seed: s, cells: r.cells }).toEqual({ seed: s, cells });
        expect([r.agency, r.year]).toEqual([rec.agency, rec.year]);
        expect(r.failedRules).toEqual([]);
      }
    });
  }
});

/** Never a wrong number: each cell is the truth or null, and a null the truth fills is warned. */
function expectNoSilentError(r: ReturnType<typeof parseReportText>, truth: CellValues, seed: number) {
  const warned = new Set(r.warnings.map((w) => w.code));
  const problems: string[] = [];
  for (const [code, got] of Object.entries(r.cells) as [keyof CellValues, number | null][]) {
    // a derived cell (warned) may hold the sums' value where the report printed it blank
    if (got !== null && r.derived.includes(code) && truth[code] === null && warned.has(code)) continue;
    if (got !== null && got !== truth[code]) problems.push(`${code}: read ${got}, is ${truth[code]}`);
    else if (got === null && truth[code] !== null && !warned.has(code)) problems.push(`${code}: blank without a warning`);
  }
  expect({ seed, problems }).toEqual({ seed, problems: [] });
}

describe('damaged text never gives a wrong number (rows layout, 200 random records each)', () => {
  it('one value dropped from a random section-三 row: that row is blank or derived, with warnings, the rest exact', () => {
    for (let s = 1; s <= N; s++) {
      const cells = randomRecord(s);
      const rnd = prng(s * 7919);
      const lines = renderReportText({ agency: '某局', year: 2023, cells }, 'rows').split('\n');
      const rowLines = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\S+( \S+){7}$/.test(l) && !l.startsWith('申请人情况'));
      expect(rowLines.length).toBe(S3_ROWS.length);
      const k = Math.floor(rnd() * rowLines.length);
      const [line, i] = rowLines[k];
      const parts = line.split(' ');
      parts.splice(1 + Math.floor(rnd() * 7), 1);
      lines[i] = parts.join(' ');
      const r = parseReportText(lines.join('\n'));
      expectNoSilentError(r, cells, s);
      // the row is blank, or derived from the other rows' printed sums (each cell said so)
      const row = S3_ROWS[k];
      expect(Object.values(row.codes).every((c) => r.cells[c] === null || r.derived.includes(c))).toBe(true);
    }
  });
  it('a lone page number or a page footer between random rows: all cells exact', () => {
    for (let s = 1; s <= N; s++) {
      const cells = randomRecord(s);
      const rnd = prng(s * 104729);
      const lines = renderReportText({ agency: '某局', year: 2023, cells }, 'rows').split('\n');
      const at = lines.findIndex((l) => l.startsWith('一、本年新收')) + 1 + Math.floor(rnd() * 24);
      lines.splice(at, 0, ['', String(2 + Math.floor(rnd() * 30)), ''][Math.floor(rnd() * 3)] || `- ${s % 9 + 1} -`);
      const r = parseReportText(lines.join('\n'));
      expectNoSilentError(r, cells, s);
      expect({ seed: s, cells: r.cells }).toEqual({ seed: s, cells });
    }
  });
});

describe('structural damage fuzz: never a silent wrong number', () => {
  // A line deleted, merged with the next, split at a space, duplicated; a page number, a footer
  // or an empty line inserted — anywhere in the tables, in every layout and in the examples.
  // (Two damages in one row can make another valid table — a value deleted and an empty line
  // added is a blank cell in one-cell-per-line text — so each document gets one.)
  const KINDS = ['deleteLine', 'insertPage', 'insertEmpty', 'merge', 'split', 'dupLine', 'footer'] as const;
  function damage(lines: string[], rnd: () => number): string {
    const start = lines.findIndex((l) => /二、主动/.test(l));
    const endI = lines.findIndex((l, i) => i > start && /五、存在/.test(l));
    const i = start + 1 + Math.floor(rnd() * Math.max(1, (endI < 0 ? lines.length : endI) - start - 1));
    const kind = KINDS[Math.floor(rnd() * KINDS.length)];
    if (kind === 'deleteLine') lines.splice(i, 1);
    if (kind === 'insertPage') lines.splice(i, 0, String(1 + Math.floor(rnd() * 40)));
    if (kind === 'insertEmpty') lines.splice(i, 0, '');
    if (kind === 'footer') lines.splice(i, 0, '', `第 ${1 + Math.floor(rnd() * 9)} 页 共 9 页`, '');
    if (kind === 'merge') lines.splice(i, 2, `${lines[i]} ${lines[i + 1] ?? ''}`);
    if (kind === 'dupLine') lines.splice(i, 0, lines[i]);
    if (kind === 'split') {
      const l = lines[i] ?? '';
      const k = l.indexOf(' ', Math.floor(rnd() * l.length));
      if (k > 0) lines.splice(i, 1, l.slice(0, k), l.slice(k + 1));
    }
    return `${kind}@${i}`;
  }
  it('random records × 4 layouts', () => {
    for (let s = 1; s <= 150; s++) {
      for (const layout of TEXT_LAYOUTS) {
        const cells = randomRecord(s);
        const lines = renderReportText({ agency: '某局', year: 2023, cells }, layout).split('\n');
        const what = damage(lines, prng(s * 977 + layout.length));
        expectNoSilentError(parseReportText(lines.join('\n')), cells, s * 1000 + TEXT_LAYOUTS.indexOf(layout) + what.length);
      }
    }
  });
  it('the fixture and the layout examples', () => {
    const dir = new URL('../fixtures/reports/', import.meta.url);
    const files = ['zhongwei-data-bureau-2024.txt', 'layout-columns.txt', 'layout-cell-per-line.txt', 'layout-markdown.md', 'layout-run-together.txt', 'layout-variants.txt'];
    const ex = files.map((f) => ({
      text: readFileSync(new URL(f, dir), 'utf8'),
      cells: JSON.parse(readFileSync(new URL(f.replace(/\.(txt|md)$/, '.expected.json'), dir), 'utf8')).cells as CellValues,
    }));
    for (let s = 1; s <= 300; s++) {
      const e = ex[s % ex.length];
      const lines = e.text.split('\n');
      damage(lines, prng(s * 13));
      expectNoSilentError(parseReportText(lines.join('\n')), e.cells, s);
    }
  });
});
