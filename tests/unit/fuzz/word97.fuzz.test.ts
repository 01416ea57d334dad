// Property tests of the Word 97 and RTF readers: a real .doc / .rtf (LibreOffice's, from the report
// form) with random bytes overwritten and a random cut never crash with anything but a
// DocumentError (a clear message in both languages), never hang, and give text the parser takes.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../../src/lib/ingest/docs/docErrors';
import { readWord97 } from '../../../src/lib/ingest/docs/word97';
import { readRtf } from '../../../src/lib/ingest/docs/rtf';
import { parseReportText } from '../../../src/lib/ingest/reportText';
import { CASE_MS, TIMEOUT, params } from './fuzz';

const damage = (base: Uint8Array) => fc.record({
  edits: fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
  cut: fc.option(fc.nat({ max: base.length }), { nil: undefined }),
});

for (const [label, file, read] of [
  ['Word 97', 'tests/fixtures/docs/form-narrative.doc', readWord97],
  ['RTF', 'tests/fixtures/docs/form-narrative.rtf', readRtf],
] as const) {
  describe(`${label} reader on damaged files`, () => {
    const base = new Uint8Array(readFileSync(file));
    it('text out or a DocumentError, in bounded time; the text parses to 200 cells', { timeout: TIMEOUT }, () => {
      fc.assert(fc.property(damage(base), ({ edits, cut }) => {
        const b = base.slice(0, cut ?? base.length);
        for (const [i, v] of edits) if (i < b.length) b[i] = v;
        const t0 = performance.now();
        let text: string | null = null;
        try {
          text = read(b);
        } catch (e) {
          expect(e).toBeInstanceOf(DocumentError);
          expect((e as DocumentError).zh.length).toBeGreaterThan(0);
        }
        if (text !== null) expect(Object.keys(parseReportText(text).cells)).toHaveLength(200);
        expect(performance.now() - t0).toBeLessThan(CASE_MS);
      }), params());
    });
  });
}
