// Single-file web pages (.mht), which many reports published as ".doc" really are: the report form
// as HTML, wrapped the way Word and browsers save it (quoted-printable GB2312, or base64 UTF-8),
// read back into the 200 cells.
import { describe, expect, it } from 'vitest';
import { renderFormHtml } from '../../src/lib/format/formHtml';
import { readDocumentNode } from '../../src/lib/ingest/docs/readNode';
import { sniffKind } from '../../src/lib/ingest/docs/kind';
import { parseReportText } from '../../src/lib/ingest/reportText';
import { randomRecord } from '../fixtures/reports/randomRecord';

/** Quoted-printable as Word writes it: bytes past ASCII and '=' escaped, lines of at most 76. */
function qp(bytes: Uint8Array): string {
  let out = '';
  let line = '';
  for (const b of bytes) {
    const piece = b === 10 ? '\r\n' : b === 13 ? '' : b >= 127 || b === 61 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    if (piece === '\r\n') { out += line + '\r\n'; line = ''; continue; }
    if (line.length + piece.length > 75) { out += line + '=\r\n'; line = ''; }
    line += piece;
  }
  return out + line;
}

function mht(body: string, headers: string): Uint8Array {
  const text = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01D9"\r\n\r\n` +
    `This document is a Single File Web Page.\r\n\r\n------=_NextPart_01D9\r\n${headers}\r\n\r\n${body}\r\n\r\n` +
    `------=_NextPart_01D9\r\nContent-Location: file:///C:/x.files/header.htm\r\nContent-Type: text/plain\r\n\r\nnothing\r\n------=_NextPart_01D9--\r\n`;
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('MHT reports', () => {
  it('quoted-printable GB2312 and base64 UTF-8 archives, named .doc or .mht: every cell exact', async () => {
    const { default: iconv } = await import('iconv-lite');
    for (const [seed, how] of [[7001, 'qp-gbk'], [7002, 'base64-utf8'], [7003, 'qp-gbk']] as const) {
      const rec = { agency: '示例市审计局', year: 2024, cells: randomRecord(seed) };
      const html = renderFormHtml(rec).replace('charset="utf-8"', how === 'qp-gbk' ? 'charset="gb2312"' : 'charset="utf-8"');
      const file = how === 'qp-gbk'
        ? mht(qp(new Uint8Array(iconv.encode(html, 'gb2312'))), 'Content-Location: file:///C:/x.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"')
        : mht(Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n'), 'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64');
      for (const name of ['report.doc', 'report.mht']) {
        expect(sniffKind(name, file.subarray(0, 512))).toBe('mht');
        const back = parseReportText((await readDocumentNode(name, file)).text);
        expect([back.agency, back.year], `${how} ${name}`).toEqual([rec.agency, rec.year]);
        expect(back.cells, `${how} ${name}`).toEqual(rec.cells);
      }
    }
  });

  it('an archive with no web page in it is refused plainly', async () => {
    const file = Uint8Array.from('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n', (c) => c.charCodeAt(0));
    const e = await readDocumentNode('x.mht', file).then(() => null, (x) => x);
    expect(e?.zh).toMatch(/没有网页内容/);
  });
});
