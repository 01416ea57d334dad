// Property tests of the report-text reader and the HTML reader: arbitrary and damaged text never
// crash or hang and always give 200 cells (a number or null) with bilingual warnings; valid forms
// (random consistent records rendered in every layout, and as the official HTML form) read back
// exactly.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../../src/lib/format/cells';
import { renderFormHtml } from '../../../src/lib/format/formHtml';
import { htmlToText } from '../../../src/lib/ingest/docs/html';
import { parseReportText, type ParsedReport } from '../../../src/lib/ingest/reportText';
import { TEXT_LAYOUTS, renderReportText } from '../../../src/lib/ingest/renderText';
import { randomRecord } from '../../fixtures/reports/randomRecord';
import { TIMEOUT, params, timed } from './fuzz';

const parse = (html: string) => new DOMParser().parseFromString(/<html/i.test(html) ? html : `<html><body>${html}</body></html>`, 'text/html') as unknown as Document;
const FIXTURES = ['zhongwei-data-bureau-2024.txt', 'layout-cell-per-line.txt', 'layout-columns.txt', 'layout-markdown.md', 'layout-run-together.txt', 'layout-variants.txt']
  .map((f) => readFileSync(`tests/fixtures/reports/${f}`, 'utf8'));

function checkParsed(r: ParsedReport, text: string) {
  expect(Object.keys(r.cells).sort()).toEqual([...CELL_CODES].sort());
  for (const v of Object.values(r.cells)) expect(v === null || Number.isFinite(v)).toBe(true);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const w of r.warnings) {
    expect(w.message_zh.length > 0 && w.message_en.length > 0).toBe(true);
    if (w.line !== undefined) expect(w.line >= 1 && w.line <= lines).toBe(true);
  }
  if (r.year !== null) expect(Number.isInteger(r.year)).toBe(true);
}

const JUNK_LINES = ['', '1', '— 3 —', '第 2 页 共 5 页', '| | |', '五、存在的主要问题', '本年新收政府信息公开申请数量 1 2 3', '<script>alert(1)</script>', '\u200b\u200b', '1'.repeat(400), '（一）'.repeat(50), '0 '.repeat(300)];
/** A fixture with lines deleted, duplicated, swapped, or junk inserted. */
const damaged = fc.tuple(fc.nat(FIXTURES.length - 1), fc.array(fc.tuple(fc.constantFrom('del', 'dup', 'swap', 'ins', 'num'), fc.nat(), fc.oneof(fc.constantFrom(...JUNK_LINES), fc.string({ unit: 'grapheme', maxLength: 30 }))), { maxLength: 8 }))
  .map(([f, edits]) => {
    const lines = FIXTURES[f].split('\n');
    for (const [op, at, junk] of edits) {
      const i = at % Math.max(1, lines.length);
      if (op === 'del') lines.splice(i, 1);
      else if (op === 'dup') lines.splice(i, 0, lines[i] ?? '');
      else if (op === 'swap') [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length], lines[i]];
      else if (op === 'ins') lines.splice(i, 0, junk);
      else lines[i] = (lines[i] ?? '').replace(/\d+/, String(at % 100000));
    }
    return lines.join('\n');
  });

describe('report text reader', () => {
  it('arbitrary text: 200 cells, bilingual warnings, bounded time', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (t) => checkParsed(timed(() => parseReportText(t)), t)), params());
  }, TIMEOUT);

  it('damaged real reports: 200 cells, bilingual warnings, bounded time', () => {
    fc.assert(fc.property(damaged, (t) => checkParsed(timed(() => parseReportText(t)), t)), params());
  }, TIMEOUT);

  it('random valid records in every layout read back exactly', () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom(...TEXT_LAYOUTS), fc.integer({ min: 2021, max: 2025 }));
    fc.assert(fc.property(arb, ([seed, layout, year]) => {
      const rec = { agency: '示例市数据局', year, cells: randomRecord(seed) };
      const r = timed(() => parseReportText(renderReportText(rec, layout)));
      expect([r.agency, r.year, r.cells]).toEqual([rec.agency, rec.year, rec.cells]);
    }), params());
  }, TIMEOUT);
});

// Random HTML: tables with odd spans (huge, negative, junk), nesting, scripts and entities.
// ('<' in random text is made full-width: "x<a" + "<script>" would be one bogus tag, whose
// content is text by the HTML spec too)
const text = fc.oneof(fc.constantFrom('1', '0', '—', '自然人', '总计', '&lt;b&gt;', '&amp;', '<!-- c -->', '<script>SCRIPTMARK91</script>', '<style>p{}</style>'), fc.string({ maxLength: 10 }).map((s) => s.replace(/</g, '＜')));
const span = fc.oneof(fc.constantFrom('', '0', '-5', '2', '3', 'x', '1e9', '99999999', '65535', '1000.5'), fc.nat(10).map(String));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('el'), tie('table')),
  el: fc.tuple(fc.constantFrom('p', 'div', 'span', 'b', 'br', 'li', 'h1', 'td', 'tr', 'script', 'template'), fc.array(tie('tree'), { maxLength: 4 }))
    .map(([t, kids]) => `<${t}>${(kids as string[]).join('')}</${t}>`),
  table: fc.array(fc.array(fc.tuple(fc.constantFrom('td', 'th'), span, span, fc.array(tie('tree'), { maxLength: 2 })), { maxLength: 5 }), { maxLength: 5 })
    .map((rows) => `<table>${rows.map((r) => `<tr>${r.map(([t, rs, cs, kids]) => `<${t} rowspan="${rs}" colspan="${cs}">${(kids as string[]).join('')}</${t}>`).join('')}</tr>`).join('')}</table>`),
}));

describe('HTML reader', () => {
  it('random HTML: text out, no script content, bounded time', () => {
    fc.assert(fc.property(tree as fc.Arbitrary<string>, fc.boolean(), (html, wrap) => {
      const src = wrap ? `<!doctype html><html><head><title>t</title></head><body>${html}</body></html>` : html;
      const out = timed(() => htmlToText(src, { parse }));
      expect(typeof out).toBe('string');
      expect(out).not.toContain('SCRIPTMARK91');
      checkParsed(timed(() => parseReportText(out)), out);
    }), params());
  }, TIMEOUT);

  it('the official form as HTML, for random valid records, reads back exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 2021, max: 2025 }), (seed, year) => {
      const rec = { agency: '示例市东城区市场监督管理局', year, cells: randomRecord(seed) };
      const r = timed(() => parseReportText(htmlToText(renderFormHtml(rec), { parse })));
      expect([r.agency, r.year, r.cells]).toEqual([rec.agency, rec.year, rec.cells]);
    }), params());
  }, TIMEOUT);
});
