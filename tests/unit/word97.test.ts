// Word 97 .doc files made by LibreOffice from the report form drawn as HTML (in several published
// shapes: plain, with the report's narrative around the tables, with blank cells, with the merged
// group labels printed one character per line), read the way the app reads them and parsed into
// the 200 cells. The files are committed; scripts/fixtures/make-doc-fixtures.ts regenerates them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as CFB from 'cfb';
import { readDocumentNode } from '../../src/lib/ingest/docs/readNode';
import { sniffKind } from '../../src/lib/ingest/docs/kind';
import { DocumentError } from '../../src/lib/ingest/docs/docErrors';
import { parseReportText } from '../../src/lib/ingest/reportText';

const DIR = 'tests/fixtures/docs';
const FIXTURES = ['form-plain', 'form-narrative', 'form-blanks', 'form-vertical-labels'];
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}.doc`));
const expectedOf = (name: string) => JSON.parse(readFileSync(`${DIR}/${name}.expected.json`, 'utf8'));

async function refusal(name: string, bytes: Uint8Array): Promise<DocumentError> {
  const e = await readDocumentNode(name, bytes).then(() => null, (x) => x);
  expect(e).toBeInstanceOf(DocumentError);
  return e as DocumentError;
}

describe('Word 97 reports', () => {
  for (const name of FIXTURES) {
    it(`${name}.doc: every one of the 200 cells, the agency and the year come back exactly`, async () => {
      const rec = expectedOf(name);
      const doc = await readDocumentNode(`${name}.doc`, bytesOf(name));
      expect(doc.kind).toBe('doc');
      const back = parseReportText(doc.text);
      expect([back.agency, back.year]).toEqual([rec.agency, rec.year]);
      expect(back.cells).toEqual(rec.cells);
      expect(Object.values(rec.cells).filter((v) => v !== null && v !== 0).length).toBeGreaterThan(100);
    });
  }

  it('reads tables as tables: one "| … |" line per row on the table\'s grid, merged cells left empty', async () => {
    const { text } = await readDocumentNode('r.doc', bytesOf('form-plain'));
    const rec = expectedOf('form-plain');
    const lines = text.split('\n');
    const row = lines.find((l) => l.startsWith('| 一、本年新收政府信息公开申请数量 '))!;
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    // label spanning the three label columns, then the seven applicant columns
    expect(cells).toEqual(['一、本年新收政府信息公开申请数量', '', '',
      ...['natural', 'business', 'research', 'ngo', 'legal', 'other_org', 'total'].map((c) => String(rec.cells[`s3_new_${c}`] ?? ''))]);
    // text outside tables stays as lines, in reading order
    expect(lines.indexOf('二、主动公开政府信息情况')).toBeLessThan(lines.indexOf('三、收到和处理政府信息公开申请情况'));
    // one row per line: every table line has the same number of cells within its table
    expect(lines.filter((l) => l.startsWith('|') && l.includes('（七）总计')).length).toBe(1);
  });

  it('keeps the narrative around the tables in order, and the vertical label as one label', async () => {
    const { text } = await readDocumentNode('r.doc', bytesOf('form-narrative'));
    const lines = text.split('\n');
    expect(lines.indexOf('一、总体情况')).toBeGreaterThan(0);
    expect(lines.indexOf('五、政府信息公开工作存在的主要问题及改进情况')).toBeGreaterThan(lines.findIndex((l) => l.includes('（七）总计')));
    const vertical = (await readDocumentNode('v.doc', bytesOf('form-vertical-labels'))).text;
    expect(vertical).toContain('| 三、本年度办理结果 | （一）予以公开 |');
  });

  it('a .wps from WPS Office (the same container) is read as Word', async () => {
    expect(sniffKind('report.wps', bytesOf('form-plain'))).toBe('doc');
    const back = parseReportText((await readDocumentNode('report.wps', bytesOf('form-plain'))).text);
    expect(back.cells).toEqual(expectedOf('form-plain').cells);
  });

  it('a damaged or foreign file gets a clear error in both languages, never a wrong number', async () => {
    const good = bytesOf('form-plain');
    const truncated = await refusal('cut.doc', good.slice(0, 9000));
    expect(truncated.en).toMatch(/damaged/);
    expect(truncated.zh).toMatch(/损坏/);
    // an OLE container with no Word text (an old spreadsheet renamed .doc)
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, 'Workbook', new Uint8Array(4096).fill(7));
    const notWord = await refusal('table.doc', new Uint8Array(CFB.write(xls, { type: 'array' }) as ArrayLike<number>));
    expect(notWord.en).toMatch(/not a Word document/);
    // password-protected: the FIB's fEncrypted bit
    const file = CFB.read(good, { type: 'array' });
    const word = CFB.find(file, 'WordDocument')!.content as Uint8Array;
    word[0x0b] |= 0x01;
    const locked = await refusal('locked.doc', new Uint8Array(CFB.write(file, { type: 'array' }) as ArrayLike<number>));
    expect(locked.zh).toMatch(/密码/);
    // garbage after a valid header
    const noise = good.slice();
    for (let i = 1024; i < noise.length; i++) noise[i] = (i * 131) & 0xff;
    expect((await refusal('noise.doc', noise)).en).toMatch(/damaged|not a Word/);
  });
});
