// Layout families of real published reports (P9 item 1), each written from a record with distinct
// non-zero values (tests/fixtures/reports/families.ts), many seeds per family: every cell comes
// back, or is blank with a warning naming it — never a wrong number without a warning.
import { describe, expect, it } from 'vitest';
import { CELL_CODES, S4_GROUPS, type CellCode } from '../../src/lib/format/cells';
import type { CellValues } from '../../src/lib/format/record';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { renderReportText } from '../../src/lib/ingest/renderText';
import {
  converterMarkdown, distinctRecord, htmlCellsText, oldOtherText, pdfLayoutText, recordWithBlanks, runTogetherText, typoText,
} from '../fixtures/reports/families';
import { prng } from '../fixtures/reports/randomRecord';

type Parsed = ReturnType<typeof parseReportText>;

/** Wrong numbers without a warning on their cell, and blanks the truth fills without one. */
function silentProblems(r: Parsed, truth: CellValues): string[] {
  const warned = new Set(r.warnings.flatMap((w) => [w.code, ...(w.codes ?? [])]));
  const out: string[] = [];
  for (const c of CELL_CODES) {
    const got = r.cells[c];
    if (got !== null && got !== truth[c] && !warned.has(c)) out.push(`${c}: ${got} ≠ ${truth[c]}, no warning`);
    if (got === null && truth[c] !== null && !warned.has(c)) out.push(`${c}: blank, no warning`);
  }
  return out;
}
const wrongCells = (r: Parsed, truth: CellValues) => CELL_CODES.filter((c) => r.cells[c] !== null && r.cells[c] !== truth[c]);
const blankCells = (r: Parsed, truth: CellValues) => CELL_CODES.filter((c) => r.cells[c] === null && truth[c] !== null);

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('label typos and dropped characters, matched in row order', () => {
  it.each(SEEDS)('seed %i: every cell exact, each typo row noted', (seed) => {
    const cells = distinctRecord(seed);
    const { text, typos } = typoText(cells, seed);
    const r = parseReportText(text);
    expect(r.cells).toEqual(cells);
    expect(r.failedRules).toEqual([]);
    for (const t of typos.filter((x) => /止公开|规范性文件|合计|合法权$|已获得/.test(x))) {
      const bare = t.replace(/^[\d.（）()七\n]+/, '').replace(/\s/g, '');
      expect(r.warnings.some((w) => /近似或旧式写法/.test(w.message_zh) && w.message_zh.includes(bare.slice(0, 4))), t).toBe(true);
    }
  });

  it('the real form\'s typos, each alone', () => {
    const cells = distinctRecord(7);
    const base = renderReportText({ agency: '某局', year: 2023, cells }, 'rows');
    for (const [from, to] of [
      ['2.其他法律行政法规禁止公开', '2.其他法律行政止公开'], ['\n行政规范性文件', '\n规范性文件'], ['（七）总计', '（七）合计'],
      ['\n行政复议', '\n行政法复议'], ['4.保护第三方合法权益', '4.保护第三方 合法权益'], ['1.属于国家秘密', '1.属于国家 秘 密'],
    ]) {
      const r = parseReportText(base.replace(from, to));
      expect({ to, cells: r.cells }).toEqual({ to, cells });
    }
  });

  it('a label too far from the form is not taken for a row, even in its place', () => {
    const cells = distinctRecord(9);
    const text = renderReportText({ agency: '某局', year: 2023, cells }, 'rows').replace('2.其他法律行政法规禁止公开', '2.另行说明事项');
    const r = parseReportText(text);
    expect(silentProblems(r, cells)).toEqual([]);
    expect(r.warnings.some((w) => w.code === 's3_deny_law_prohibited_natural')).toBe(true);
  });
});

describe('converter markdown (PDF-to-markdown, OCR)', () => {
  it.each(SEEDS)('seed %i: placeholder headers, detached value rows, bogus header, section 四 in three tables, notes in cells', (seed) => {
    const cells = distinctRecord(seed);
    const r = parseReportText(converterMarkdown(cells, seed));
    expect(r.cells).toEqual(cells);
    expect(r.failedRules).toEqual([]);
    expect(r.warnings.some((w) => /three small tables/.test(w.message_en) && w.codes?.length === 15)).toBe(true);
  });

  it('the detached block is matched in order and said so; one value row too few is not matched', () => {
    const cells = distinctRecord(3);
    const md = converterMarkdown(cells, 3);
    const r = parseReportText(md);
    expect(r.cells).toEqual(cells);
    const detached = r.warnings.filter((w) => /apart from their labels/.test(w.message_en));
    expect(detached.length).toBeGreaterThan(0);
    expect(detached.every((w) => (w.codes?.length ?? 0) === 7)).toBe(true);
    // drop one value row of a detached block: the block no longer lines up
    const lines = md.split('\n');
    const at = lines.findIndex((l, i) => /^\| \d+ \|/.test(l) && /^\| \d+ \|/.test(lines[i + 1] ?? ''));
    lines.splice(at, 1);
    const broken = parseReportText(lines.join('\n'));
    expect(silentProblems(broken, cells)).toEqual([]);
  });

  it('a number in a cell followed by a note (22（其中修订 16 件）) is the 22', () => {
    const cells = distinctRecord(5);
    const r = parseReportText(converterMarkdown(cells, 5).replace(/\| 规章 \| (\d+) \|/, '| 规章 | $1（含修订 3 件） |'));
    expect(r.cells.s2_regulation_issued).toBe(cells.s2_regulation_issued);
  });
});

describe('HTML tables as text, one cell per line, empty paragraphs around tables', () => {
  it.each(SEEDS)('seed %i: every cell exact', (seed) => {
    const cells = distinctRecord(seed);
    const r = parseReportText(htmlCellsText(cells, seed));
    expect(r.cells).toEqual(cells);
  });
  it.each(SEEDS)('seed %i, cells printed blank: blanks stay blank, nothing wrong, nothing silent', (seed) => {
    const cells = recordWithBlanks(seed);
    const r = parseReportText(htmlCellsText(cells, seed));
    expect(silentProblems(r, cells)).toEqual([]);
    expect(wrongCells(r, cells).filter((c) => !r.derived.includes(c))).toEqual([]);
    expect(blankCells(r, cells).length).toBeLessThanOrEqual(7);
  });
});

describe('web-archive text, every cell run together', () => {
  it.each(SEEDS)('seed %i: no wrong number, each blank warned with how many readings fit', (seed) => {
    const cells = distinctRecord(seed, 9);
    const r = parseReportText(runTogetherText(cells, seed));
    expect(wrongCells(r, cells)).toEqual([]);
    expect(silentProblems(r, cells)).toEqual([]);
    for (const c of blankCells(r, cells)) {
      expect(r.warnings.some((w) => w.code === c && /\d+ (splits|combinations) (are possible|fit)|too many/.test(w.message_en)), c).toBe(true);
    }
  });

  it('over all seeds, at most 1 cell in 25 is left blank (section 二 rows of free numbers are the blanks)', () => {
    let blank = 0;
    for (const seed of SEEDS) {
      const cells = distinctRecord(seed, 9);
      blank += blankCells(parseReportText(runTogetherText(cells, seed)), cells).length;
    }
    expect(blank / (SEEDS.length * 200)).toBeLessThan(1 / 25);
  });

  it('section 四 as 17 digits for 15 cells: split by each group\'s total', () => {
    const cells = distinctRecord(11, 9);
    const vals = [[3, 1, 4, 2, 10], [6, 5, 1, 0, 12], [2, 7, 0, 1, 10]];
    S4_GROUPS.forEach((g, i) => [...g.parts, g.total].forEach((c, j) => (cells[c] = vals[i][j])));
    const text = runTogetherText(cells, 11);
    expect(text).toContain('314210651012270110');
    const r = parseReportText(text);
    S4_GROUPS.forEach((g, i) => expect([...g.parts, g.total].map((c) => r.cells[c])).toEqual(vals[i]));
  });

});

describe('pdftotext -layout: vertical group label one character per line, wrapped labels', () => {
  it.each(SEEDS)('seed %i: every cell exact', (seed) => {
    const cells = distinctRecord(seed);
    const r = parseReportText(pdfLayoutText(cells, seed));
    expect(r.cells).toEqual(cells);
  });
});

describe('the old undivided （六）其他处理 row', () => {
  it.each(SEEDS.slice(0, 15))('seed %i: recorded as 三（六）3 so that 三（七） checks; sub-rows blank with warnings', (seed) => {
    const cells = distinctRecord(seed);
    const { text, expected } = oldOtherText(cells, seed);
    const r = parseReportText(text);
    expect(r.cells).toEqual(expected);
    expect(r.failedRules).toEqual([]);
    expect(r.derived).toEqual([]);
    expect(r.warnings.filter((w) => /old-style undivided/.test(w.message_en))).toHaveLength(1);
    for (const c of CELL_CODES.filter((x) => x.startsWith('s3_other_no_correction') || x.startsWith('s3_other_unpaid'))) {
      expect(r.warnings.some((w) => w.code === c)).toBe(true);
    }
  });
});

describe('checked at the end', () => {
  const cells = distinctRecord(21);
  const rows = renderReportText({ agency: '某局', year: 2023, cells }, 'rows');

  it('a row lost from the text is derived from the printed sums, said to be derived', () => {
    const r = parseReportText(rows.replace(/\n3\.危及“三安全一稳定”[^\n]*/, ''));
    expect(r.cells).toEqual(cells);
    const codes = CELL_CODES.filter((c) => c.startsWith('s3_deny_security_stability')) as CellCode[];
    expect([...r.derived].sort()).toEqual([...codes].sort());
    for (const c of codes) expect(r.warnings.some((w) => w.code === c && /derived/.test(w.message_en))).toBe(true);
  });

  it('a cell printed blank stays blank: never derived', () => {
    const lost = parseReportText(rows.replace(/\n(\d+ ){14}\d+\n/, (m) => m.replace(/^\n\d+ /, '\n— ')));
    expect(lost.cells.s4_review_upheld).toBeNull();
    expect(lost.derived).toEqual([]);
    expect(lost.failedRules).toEqual([]);
  });

  it('a fault printed in the report is kept as printed and reported, not blanked', () => {
    const r = parseReportText(rows.replace(/（七）总计 (\d+)/, (_m, v) => `（七）总计 ${Number(v) + 1}`));
    expect(r.cells.s3_handled_total_natural).toBe(cells.s3_handled_total_natural! + 1);
    expect(r.failedRules).toEqual(expect.arrayContaining(['outcome_sum', 'balance', 'column_sum']));
  });

  it('a run-together row no split of which adds up: derived from the balance, saying why', () => {
    const cells2 = distinctRecord(4, 9);
    const text = runTogetherText(cells2, 4).replace(/(申请数量\d+)(二、上年结转)/, (_m, a, b) => `${a.slice(0, -1)}${(Number(a.slice(-1)) + 1) % 10}${b}`);
    const r = parseReportText(text);
    expect(silentProblems(r, cells2)).toEqual([]);
    const codes = CELL_CODES.filter((c) => c.startsWith('s3_new_'));
    expect(r.derived).toEqual(codes);
    expect(codes.map((c) => r.cells[c])).toEqual(codes.map((c) => cells2[c]));
    const w = r.warnings.find((x) => x.code === 's3_new_natural')!;
    expect(w.message_en).toMatch(/run together.*derived from the sums/);
    expect(w.message_zh).toMatch(/连写.*推算为/);
  });

  it('an inferred reading that a sum refutes goes back to blank with a warning', () => {
    // a detached block of value rows, one row's values swapped with another's: the column sums
    // (三（七）= Σ outcomes) fail, and the inferred rows go back to blank (then derived if forced)
    const cells3 = distinctRecord(3);
    const md = converterMarkdown(cells3, 3).split('\n');
    const vals = md.map((l, i) => i).filter((i) => /^\| \d+ \| \d+ \|/.test(md[i]) && /^\| \d+ \| \d+ \|/.test(md[i + 1] ?? ''));
    const i = vals[0];
    const a = md[i].split(' | ');
    const b = md[i + 1].split(' | ');
    [a[1], b[1]] = [b[1], a[1]];
    md[i] = a.join(' | ');
    md[i + 1] = b.join(' | ');
    const r = parseReportText(md.join('\n'));
    expect(silentProblems(r, cells3)).toEqual([]);
    expect(r.warnings.some((w) => /inferred, not printed as such/.test(w.message_en))).toBe(true);
    expect(r.failedRules).toEqual([]);
  });
});

describe('damaged family texts: never a wrong number without a warning on its cell', () => {
  // A line deleted, duplicated, merged with the next, an empty line or a bare number inserted,
  // anywhere from section 二 on. (A bare number inserted in page-less one-cell-per-line text right
  // beside a blank cell makes another valid document — the number is then that cell's value — so
  // the HTML family gets no number insertions.)
  const fams: Record<string, (s: number) => { text: string; truth: CellValues; kinds: string[] }> = {
    typos: (s) => { const c = distinctRecord(s); return { text: typoText(c, s).text, truth: c, kinds: ['del', 'dup', 'num', 'merge', 'empty'] }; },
    html: (s) => { const c = recordWithBlanks(s); return { text: htmlCellsText(c, s), truth: c, kinds: ['del', 'dup', 'merge', 'empty'] }; },
    runTogether: (s) => { const c = distinctRecord(s, 9); return { text: runTogetherText(c, s), truth: c, kinds: ['del', 'dup', 'num', 'merge', 'empty'] }; },
    markdown: (s) => { const c = recordWithBlanks(s); return { text: converterMarkdown(c, s), truth: c, kinds: ['del', 'dup', 'num', 'merge', 'empty'] }; },
    pdfLayout: (s) => { const c = distinctRecord(s); return { text: pdfLayoutText(c, s), truth: c, kinds: ['del', 'dup', 'num', 'merge', 'empty'] }; },
  };
  it.each(Object.keys(fams))('%s × 80 seeds', (name) => {
    const problems: string[] = [];
    for (let s = 1; s <= 80; s++) {
      const { text, truth, kinds } = fams[name](s);
      const rnd = prng(s * 7 + name.length);
      const lines = text.split('\n');
      const start = lines.findIndex((l) => /二、主动/.test(l));
      const i = start + 1 + Math.floor(rnd() * (lines.length - start - 2));
      const kind = kinds[Math.floor(rnd() * kinds.length)];
      if (kind === 'del') lines.splice(i, 1);
      if (kind === 'dup') lines.splice(i, 0, lines[i]);
      if (kind === 'num') lines.splice(i, 0, String(1 + Math.floor(rnd() * 300)));
      if (kind === 'merge') lines.splice(i, 2, `${lines[i]} ${lines[i + 1] ?? ''}`);
      if (kind === 'empty') lines.splice(i, 0, '');
      const r = parseReportText(lines.join('\n'));
      const warned = new Set(r.warnings.map((w) => w.code));
      for (const c of CELL_CODES) {
        if (r.cells[c] !== null && r.cells[c] !== truth[c] && !warned.has(c)) problems.push(`seed ${s} ${kind}@${i} ${c}: ${r.cells[c]} ≠ ${truth[c]}`);
        if (r.cells[c] === null && truth[c] !== null && !warned.has(c)) problems.push(`seed ${s} ${kind}@${i} ${c}: blank, no warning`);
      }
    }
    expect(problems).toEqual([]);
  });
});
