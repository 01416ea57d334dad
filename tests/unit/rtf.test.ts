// RTF reports (often published under a .doc name): LibreOffice's RTF of the report form read
// back into the 200 cells, and the pieces of RTF that Chinese writers use (GBK bytes as \'hh or
// raw, \uN with fallbacks, hidden destinations, table rows on their \cellx grid).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDocumentNode } from '../../src/lib/ingest/docs/readNode';
import { readRtf, rtfToText } from '../../src/lib/ingest/docs/rtf';
import { parseReportText } from '../../src/lib/ingest/reportText';

const DIR = 'tests/fixtures/docs';

describe('RTF reports', () => {
  for (const name of ['form-plain', 'form-narrative']) {
    it(`${name}.rtf, named .doc: every cell, the agency and the year come back exactly`, async () => {
      const rec = JSON.parse(readFileSync(`${DIR}/${name}.expected.json`, 'utf8'));
      const doc = await readDocumentNode(`${name}.doc`, new Uint8Array(readFileSync(`${DIR}/${name}.rtf`)));
      expect(doc.kind).toBe('rtf');
      const back = parseReportText(doc.text);
      expect([back.agency, back.year]).toEqual([rec.agency, rec.year]);
      expect(back.cells).toEqual(rec.cells);
    });
  }

  it('decodes GBK (\\\'hh and raw bytes) and \\uN with its fallback, and skips hidden destinations', () => {
    const gbk = (s: string) => Array.from(new Uint8Array(Buffer.from(s, 'hex')), (b) => `\\'${b.toString(16)}`).join('');
    const rtf = `{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}{\\*\\generator x;}{\\info{\\title 标题}}` +
      `\\pard ${gbk('b9e6d5c2')}\\par \\uc1\\u35268?\\u31456?\\par {\\field{\\*\\fldinst HYPERLINK "x"}{\\fldrslt \\u34892?\\u25919?}}\\par}`;
    expect(rtfToText(rtf)).toBe('规章\n规章\n行政');
    // a writer that left GBK bytes raw instead of escaping them
    const raw = new Uint8Array([...Buffer.from('{\\rtf1\\ansi\\ansicpg936 '), 0xb9, 0xe6, 0xd5, 0xc2, ...Buffer.from('\\par}')]);
    expect(readRtf(raw)).toBe('规章');
  });

  it('reads table rows on their grid: a wide cell is followed by empty cells', () => {
    const row = (cellx: number[], cells: string[]) =>
      `\\trowd${cellx.map((x) => `\\cellx${x}`).join('')}\\pard\\intbl ${cells.map((c) => `${c}\\cell `).join('')}\\row `;
    const rtf = `{\\rtf1\\ansi ${row([3000], ['Head'])}${row([1000, 2000, 3000], ['a', '1', '2'])}\\pard after\\par}`;
    expect(rtfToText(rtf).split('\n')).toEqual(['| Head |  |  |', '| a | 1 | 2 |', 'after']);
  });
});
