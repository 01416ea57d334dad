// Whitespace as converters and copied web pages leave it: tabs before or after a line's text
// (indentation, not cells), and double-spaced text (an empty line after every line: spacing, with
// blank cells as further empty lines). Every cell exact, blanks kept blank, never a wrong number.
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { renderReportText, type TextLayout } from '../../src/lib/ingest/renderText';
import { distinctRecord, htmlCellsText, recordWithBlanks } from '../fixtures/reports/families';

const LAYOUTS: TextLayout[] = ['rows', 'cells', 'markdown', 'tabs'];
const render = (cells: CellValues, layout: TextLayout) => renderReportText({ agency: '示例市测试局', year: 2024, cells }, layout);

function expectExact(text: string, truth: CellValues, what: string) {
  const r = parseReportText(text);
  const off = CELL_CODES.filter((c) => r.cells[c] !== truth[c]).map((c) => `${c}: ${r.cells[c]} (true ${truth[c]})`);
  expect(off, what).toEqual([]);
  expect(r.agency, what).toBe('示例市测试局');
}

describe('whitespace around the text', () => {
  const indent = (t: string, pre: string) => t.split('\n').map((l) => (l ? pre + l : l)).join('\n');
  const trail = (t: string, post: string) => t.split('\n').map((l) => (l ? l + post : l)).join('\n');
  for (const layout of LAYOUTS) {
    it(`${layout}: lines indented with tabs (and, where rows are cells, ending in a tab) read exactly`, () => {
      for (const seed of [3, 4, 5]) {
        const truth = distinctRecord(seed, 30);
        expectExact(indent(render(truth, layout), '\t'), truth, `${layout} indented, seed ${seed}`);
        expectExact(indent(render(truth, layout), '\t\t'), truth, `${layout} indented twice, seed ${seed}`);
        // (a tab after the text opens a cell — 行政处罚\t is an empty one — so only the layouts
        // whose rows are cells already take trailing tabs)
        if (layout === 'tabs' || layout === 'markdown') expectExact(trail(render(truth, layout), '  \t'), truth, `${layout} trailing, seed ${seed}`);
      }
    });
  }
});

describe('double-spaced text (an empty line after every line)', () => {
  const dbl = (t: string) => t.replace(/\n/g, '\n\n');
  it('one cell per line, with and without blank cells: every cell exact, blanks blank', () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const truth of [distinctRecord(seed), recordWithBlanks(seed)]) {
        expectExact(dbl(render(truth, 'cells')), truth, `cells, seed ${seed}`);
      }
    }
  });
  it('HTML tables as text, one cell per line, double-spaced: exact or flagged, never silently wrong', () => {
    let filled = 0, total = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const truth of [distinctRecord(seed), recordWithBlanks(seed)]) {
        const r = parseReportText(dbl(htmlCellsText(truth, seed)));
        const warned = new Set(r.warnings.flatMap((w) => [w.code, ...(w.codes ?? [])]));
        for (const c of CELL_CODES) {
          if (truth[c] === null) { expect(r.cells[c], c).toBeNull(); continue; }
          total++;
          if (r.cells[c] === truth[c]) filled++;
          else if (r.cells[c] !== null) expect(warned.has(c), `${c} wrong without a warning`).toBe(true);
        }
      }
    }
    expect(filled / total).toBeGreaterThan(0.99);
  });
  it('rows, markdown and tab layouts double-spaced still read exactly', () => {
    for (const layout of ['rows', 'markdown', 'tabs'] as const) {
      const truth = distinctRecord(8, 30);
      expectExact(dbl(render(truth, layout)), truth, layout);
    }
  });
});
