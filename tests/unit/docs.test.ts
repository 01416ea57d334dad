import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { itemsToLines, pagesToText } from '../../src/lib/ingest/docs/pdfLayout';
import { htmlToText, tableLines } from '../../src/lib/ingest/docs/html';
import { sniffKind } from '../../src/lib/ingest/docs/kind';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const item = (str: string, x: number, y: number, width = str.length * 5) => ({ str, x, y, width, height: 10 });

describe('PDF items → lines', () => {
  it('orders items top to bottom and left to right, joining pieces and spacing columns', () => {
    const lines = itemsToLines([
      item('3', 300, 700), item('行政规范', 50, 700, 40), item('性文件', 90, 700, 30), item('1', 360, 700), item('229', 420, 700),
      item('规章', 50, 720, 20), item('0', 300, 721), // a slightly lifted cell stays on its line
      item(' ', 10, 10),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^规章\s{2,}0$/);
    expect(lines[1].split(/\s{2,}/)).toEqual(['行政规范性文件', '3', '1', '229']);
  });
  it('separates pages with a form feed line', () => {
    expect(pagesToText([{ page: 1, lines: ['a'] }, { page: 2, lines: ['b'] }])).toBe('a\n\f\nb');
  });
});

describe('HTML → text', () => {
  it('reads tables as tables: one line per row on the full grid, merged cells left empty', () => {
    const html = `<table>
      <tr><td rowspan="2">信息内容</td><td colspan="2">件数</td></tr>
      <tr><td>本年制发</td><td>本年废止</td></tr>
      <tr><td>规章</td><td>3</td><td></td></tr>
    </table>`;
    const t = parse(html).querySelector('table')!;
    expect(tableLines(t)).toEqual(['| 信息内容 | 件数 |  |', '|  | 本年制发 | 本年废止 |', '| 规章 | 3 |  |']);
  });
  it('keeps the title and paragraphs as lines, drops scripts', () => {
    const html = `<html><head><title>t</title><script>alert(1)</script></head><body>
      <h1>示例市数据局2024年政府信息公开工作年度报告</h1><p>本报告统计数据从2024年1月1日至12月31日。</p>
      <table><tr><td>规章</td><td>0</td></tr></table></body></html>`;
    const text = htmlToText(html, { parse });
    expect(text.split('\n')).toEqual(['t', '示例市数据局2024年政府信息公开工作年度报告', '本报告统计数据从2024年1月1日至12月31日。', '| 规章 | 0 |']);
  });
});

describe('document kind', () => {
  const b = (s: string) => new TextEncoder().encode(s);
  it('trusts magic bytes before the name', () => {
    expect(sniffKind('x.txt', b('%PDF-1.7'))).toBe('pdf');
    expect(sniffKind('r.docx', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('docx');
    expect(sniffKind('r.htm', b('<p>'))).toBe('html');
    expect(sniffKind('page', b('<!DOCTYPE html><html>'))).toBe('html');
    expect(sniffKind('r.txt', b('中卫市'))).toBe('text');
    expect(sniffKind('a.csv', b('agency,year'))).toBe('csv');
    expect(sniffKind('a.doc', b('\xd0\xcf'))).toBe('unknown');
  });
  it('names empty files, Word 97 containers, pictures and other binary files', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(sniffKind('r.txt', new Uint8Array())).toBe('empty');
    expect(sniffKind('r.pdf', new Uint8Array())).toBe('empty');
    expect(sniffKind('r.doc', ole)).toBe('doc');
    expect(sniffKind('r.wps', ole)).toBe('doc');
    expect(sniffKind('r', ole)).toBe('doc');
    expect(sniffKind('old.xls', ole)).toBe('unknown');
    expect(sniffKind('report.doc', b('{\\rtf1\\ansi'))).toBe('rtf');
    expect(sniffKind('scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe('image');
    expect(sniffKind('scan.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image');
    expect(sniffKind('data.bin', new Uint8Array([1, 2, 0, 4, 5, 0, 0, 9]))).toBe('unknown');
    expect(sniffKind('notes.log', b('中卫市数据局 2024'))).toBe('text');
    // UTF-16 text has NUL bytes but a byte-order mark
    expect(sniffKind('r.txt', new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x0d, 0x53]))).toBe('text');
  });
});

describe('files no reader takes', () => {
  it('an empty file is called empty, a foreign one neither text nor a document, in both languages', async () => {
    const { readDocumentNode } = await import('../../src/lib/ingest/docs/readNode');
    const fail = (name: string, bytes: Uint8Array) => readDocumentNode(name, bytes).then(() => null, (e) => e);
    const empty = await fail('report.pdf', new Uint8Array());
    expect([empty.zh, empty.en]).toEqual(['文件为空（0 字节）', 'the file is empty (0 bytes)']);
    const bin = await fail('data.bin', new Uint8Array([1, 2, 0, 4, 5, 0, 0, 9]));
    expect(bin.en).toMatch(/neither text nor a known document/);
    expect(bin.zh).toMatch(/既不是文本，也不是已知的文档格式/);
    expect((await fail('blank.txt', new TextEncoder().encode('  \n\n '))).en).toMatch(/no text/);
  });
});

describe('PDF pages without a text layer (the hook for OCR)', () => {
  it('counts each page\'s text items; a PDF with none anywhere is refused plainly', async () => {
    const { docText } = await import('../../src/lib/ingest/docs/docText');
    const doc = docText('pdf', 'a\n\f\n', [{ page: 1, lines: ['a'], items: 3 }, { page: 2, lines: [], items: 0 }]);
    expect(doc.pageItems).toEqual([3, 0]);
    expect(doc.pageStarts).toEqual([1, 3]);
    const scanned = () => docText('pdf', '\n\f\n', [{ page: 1, lines: [], items: 0 }, { page: 2, lines: [], items: 0 }]);
    expect(scanned).toThrow(/no text layer/);
    expect(scanned).toThrow(expect.objectContaining({ zh: expect.stringMatching(/没有文字层/) }));
  });
});
