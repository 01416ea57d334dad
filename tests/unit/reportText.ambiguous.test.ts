// Web-archive text with every cell run together (families.ts runTogetherText): the cells the parser
// leaves blank are blank because the text cannot tell — for each one, a second record, valid by
// every sum the form implies and printing exactly the same text, gives that cell another value.
// (Section 二's three-number rows 本年制发 / 本年废止 / 现行有效 are tied by no sum at all; the
// section-三 blanks are splits of two rows that offset each other in every column's sums.)
// So no parser could fill them without guessing; this test fails if a blank could be read.
import { describe, expect, it } from 'vitest';
import { CELL_CODES, CELLS, S3_COLUMNS, S3_ROWS, type CellCode } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { splitCandidates } from '../../src/lib/ingest/reportText/split';
import { checkWithinReport } from '../../src/lib/rules/withinReport';
import { distinctRecord, runTogetherText } from '../fixtures/reports/families';

/** The printed rows (cells in printed order) that hold a cell. */
function rowOf(c: CellCode): CellCode[] {
  const s3 = S3_ROWS.find((r) => Object.values(r.codes).includes(c));
  if (s3) return S3_COLUMNS.map((col) => s3.codes[col]);
  const def = CELLS.find((x) => x.code === c)!;
  return CELLS.filter((x) => x.section === def.section && x.item === def.item && x.row_label_zh === def.row_label_zh).map((x) => x.code);
}

/** Every other record that prints the same text and keeps every within-report sum, varying only
 *  the given rows (each split of its digits; a section-三 row's last cell is its parts' sum). */
function sameTextRecords(truth: CellValues, rows: CellCode[][], seed: number): CellValues[] {
  const text = runTogetherText(truth, seed);
  const options = rows.map((codes) => splitCandidates(
    [codes.map((c) => String(truth[c])).join('')], codes.length, () => true, codes[0].startsWith('s3_') ? codes.length : 0,
  )!.map((s) => s.values));
  const out: CellValues[] = [];
  const rec = (i: number, cells: CellValues) => {
    if (i === rows.length) {
      if (checkWithinReport(cells).length === 0 && runTogetherText(cells, seed) === text) out.push(cells);
      return;
    }
    for (const vals of options[i]) {
      const next = { ...cells };
      rows[i].forEach((c, j) => (next[c] = vals[j]));
      rec(i + 1, next);
    }
  };
  rec(0, truth);
  return out;
}

describe('web-archive text, cells run together: every blank is one the text cannot settle', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
    const truth = distinctRecord(seed, 9);
    const r = parseReportText(runTogetherText(truth, seed));
    const blanks = CELL_CODES.filter((c) => truth[c] !== null && r.cells[c] === null);
    const rows = [...new Map(blanks.map((c) => rowOf(c)).map((row) => [row.join(), row])).values()];
    // rows tied by no sum vary apart (each section-二 row), section 三's rows together
    const groups = [...rows.filter((row) => !row[0].startsWith('s3_')).map((row) => [row]), rows.filter((row) => row[0].startsWith('s3_'))];
    const alternatives = groups.filter((g) => g.length).flatMap((g) => sameTextRecords(truth, g, seed));
    for (const c of blanks) {
      expect(alternatives.some((alt) => alt[c] !== truth[c]), `${c} could have been read`).toBe(true);
      // and the warning says how many readings fit
      expect(r.warnings.some((w) => w.code === c && /\d+ (splits|combinations) (are possible|fit)/.test(w.message_en)), c).toBe(true);
    }
    // the cells the parser did fill are the same in every record that prints this text
    for (const alt of alternatives) for (const c of CELL_CODES) if (r.cells[c] !== null) expect(alt[c], c).toBe(r.cells[c]);
  });
});
