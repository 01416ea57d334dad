// Property tests of the DOCX path (mammoth → HTML → text → report parser), on .docx files made
// here (a minimal WordprocessingML package zipped with fflate): hostile paragraphs and tables
// never crash or hang; broken packages fail with an Error that says why; a valid report written
// as paragraphs reads back exactly.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/lib/ingest/docs/html';
import { parseReportText } from '../../../src/lib/ingest/reportText';
import { renderReportText } from '../../../src/lib/ingest/renderText';
import { randomRecord } from '../../fixtures/reports/randomRecord';
import { CASE_MS, TIMEOUT, params } from './fuzz';

const mammoth = createRequire(import.meta.url)('mammoth');
const parse = (html: string) => new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html') as unknown as Document;
const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(t)}</w:t></w:r></w:p>`;
const table = (rows: string[][]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

function docx(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

async function read(bytes: Uint8Array): Promise<string> {
  const t0 = performance.now();
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const text = htmlToText(value, { parse });
  if (performance.now() - t0 > CASE_MS) throw new Error(`one case took ${Math.round(performance.now() - t0)} ms`);
  return text;
}

const cellText = fc.oneof(fc.constantFrom('1', '0', '—', '自然人', '总计', '<script>alert(1)</script>', '&amp;', ']]>', '</w:t>'), fc.string({ maxLength: 12 }));
const body = fc.array(fc.oneof(cellText.map(para), fc.array(fc.array(cellText, { maxLength: 5 }), { maxLength: 5 }).map(table)), { maxLength: 8 }).map((xs) => xs.join(''));

describe('DOCX reader', () => {
  it('random paragraphs and tables: text out, 200 cells from the parser, bounded time', async () => {
    await fc.assert(fc.asyncProperty(body, async (b) => {
      const text = await read(docx(b));
      expect(Object.keys(parseReportText(text).cells)).toHaveLength(200);
    }), params());
  }, TIMEOUT);

  it('broken packages fail with an Error that says why', async () => {
    const good = docx(para('示例'));
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
      const bytes = good.slice();
      for (const [at, x] of flips) bytes[at % bytes.length] ^= x;
      try {
        await read(bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(String((e as Error).message).length).toBeGreaterThan(0);
      }
    }), params());
  }, TIMEOUT);

  it('a valid report written as paragraphs reads back exactly', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 2021, max: 2025 }), async (seed, year) => {
      const rec = { agency: '示例市数据局', year, cells: randomRecord(seed) };
      const r = parseReportText(await read(docx(renderReportText(rec, 'rows').split('\n').map(para).join(''))));
      expect([r.agency, r.year, r.cells]).toEqual([rec.agency, rec.year, rec.cells]);
    }), params());
  }, TIMEOUT);
});
