// Random valid records → the official form as HTML → read back as a saved web page → all 200
// cells, agency and year equal.
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { htmlToText } from '../../src/lib/ingest/docs/html';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { randomRecord } from '../fixtures/reports/randomRecord';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const AGENCIES = ['示例市数据局', '示例市东城区市场监督管理局', '南山县大河镇人民政府'];

describe('HTML round trip', () => {
  it('200 random records come back exactly', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rec = { agency: AGENCIES[seed % AGENCIES.length], year: 2021 + (seed % 4), cells: randomRecord(seed) };
      const back = parseReportText(htmlToText(renderFormHtml(rec), { parse }));
      expect(back.agency, `seed ${seed}`).toBe(rec.agency);
      expect(back.year, `seed ${seed}`).toBe(rec.year);
      expect(back.cells, `seed ${seed}`).toEqual(rec.cells);
    }
  });
});
