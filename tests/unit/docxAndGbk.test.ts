// Word documents and GBK text files, read the way the app reads them (mammoth → HTML tables on
// their grid; GB18030 decoding), then parsed into the 200 cells.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { readDocumentNode } from '../../src/lib/ingest/docs/readNode';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { formAsDocx } from '../fixtures/reports/formDocx';

describe('DOCX reports', () => {
  it('30 random records written as Word tables (merged cells) come back exactly', async () => {
    for (let seed = 501; seed <= 530; seed++) {
      const rec = { agency: '示例市住房和城乡建设局', year: 2022 + (seed % 3), cells: randomRecord(seed) };
      const doc = await readDocumentNode('report.docx', formAsDocx(renderFormHtml(rec)));
      expect(doc.kind).toBe('docx');
      const back = parseReportText(doc.text);
      expect([back.agency, back.year], `seed ${seed}`).toEqual([rec.agency, rec.year]);
      expect(back.cells, `seed ${seed}`).toEqual(rec.cells);
    }
  });
});

describe('GBK text reports', () => {
  it('the real fixture saved as GB18030 parses exactly like the UTF-8 one', async () => {
    const text = readFileSync('tests/fixtures/reports/zhongwei-data-bureau-2024.txt', 'utf8');
    const expected = JSON.parse(readFileSync('tests/fixtures/reports/zhongwei-data-bureau-2024.expected.json', 'utf8'));
    const { default: iconv } = await import('iconv-lite');
    const doc = await readDocumentNode('report.txt', new Uint8Array(iconv.encode(text, 'gb18030')));
    const back = parseReportText(doc.text);
    expect(back.agency).toBe(expected.agency);
    expect(back.cells).toEqual(expected.cells);
  });
});
