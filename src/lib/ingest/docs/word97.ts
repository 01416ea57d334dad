// Word 97–2003 binary documents (.doc, and WPS Office's .wps, which is the same container) →
// text for the report parser. The OLE container is opened by `cfb`; the rest follows [MS-DOC]:
// the FIB gives the table stream, the main text's length and the piece table (CLX), which maps
// character positions to bytes (UTF-16 or 8-bit "compressed" pieces). Tables are read as tables:
// Word marks each cell's end with \x07 and each row's end with one more \x07 paragraph whose
// paragraph properties say "table terminating paragraph" (sprmPFTtp) and carry the row's cell
// boundaries (sprmTDefTable). Rows come out as "| a | b |" lines on the table's full grid, as
// html.ts writes HTML tables, so a merged cell leaves empty cells and every value keeps its
// column. Fields keep their shown result. Pure, apart from the container reader.
import * as CFB from 'cfb';
import { paraProps, type ParaProps, type RowDef } from './word97Props';
import { gridLines } from './tableGrid';
import { wordError } from './docErrors';

class Word97Error extends Error {
  constructor(readonly reason: 'not-word' | 'encrypted' | 'old-version' | 'damaged', message: string) {
    super(message);
  }
}

/** A Word 97 document → its text; a file that is not one, or is damaged, → a DocumentError. */
export function readWord97(bytes: Uint8Array): string {
  try {
    return word97ToText(bytes);
  } catch (e) {
    if (e instanceof Word97Error) throw wordError(e.reason);
    throw wordError('damaged'); // a read past the end of a truncated stream, and the like
  }
}

export function word97ToText(bytes: Uint8Array): string {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch {
    throw new Word97Error('damaged', 'not a readable OLE (Word 97) container');
  }
  const stream = (name: string) => {
    const e = CFB.find(container, name);
    return e?.content ? toU8(e.content) : null;
  };
  const word = stream('WordDocument');
  if (!word) throw new Word97Error('not-word', 'no WordDocument stream (not a Word 97 document)');
  if (word.length < 0x200 || u16(word, 0) !== 0xa5ec) throw new Word97Error('damaged', 'the Word document header is damaged');
  const nFib = u16(word, 2);
  const flags = u16(word, 0x0a);
  if (flags & 0x0100) throw new Word97Error('encrypted', 'the document is password-protected');
  if (nFib < 0xc1) throw new Word97Error('old-version', 'Word 6/95 documents are not read (save it as .docx)');
  const table = stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new Word97Error('damaged', 'the document has no table stream');

  // FibBase (32 bytes), then csw u16 + FibRgW, cslw u16 + FibRgLw, cbRgFcLcb u16 + FibRgFcLcb
  const csw = u16(word, 32);
  const lwAt = 34 + csw * 2;
  const cslw = u16(word, lwAt);
  const ccpText = u32(word, lwAt + 2 + 3 * 4);
  const fcLcbAt = lwAt + 2 + cslw * 4 + 2;
  const fcLcb = (i: number) => ({ fc: u32(word, fcLcbAt + i * 8), lcb: u32(word, fcLcbAt + i * 8 + 4) });
  const clx = fcLcb(33);
  const btePapx = fcLcb(13);
  if (clx.fc + clx.lcb > table.length || btePapx.fc + btePapx.lcb > table.length) throw new Word97Error('damaged', 'the document\'s tables point past its end');

  const pieces = readPieces(table.subarray(clx.fc, clx.fc + clx.lcb));
  const props = paraProps(word, table.subarray(btePapx.fc, btePapx.fc + btePapx.lcb), stream('Data'));
  return assemble(word, pieces, ccpText, props);
}

interface Piece { cpStart: number; cpEnd: number; fc: number; compressed: boolean }

function readPieces(clx: Uint8Array): Piece[] {
  let i = 0;
  while (i < clx.length && clx[i] === 0x01) i += 3 + u16(clx, i + 1); // Prc: property modifiers
  if (clx[i] !== 0x02) throw new Word97Error('damaged', 'the piece table is missing');
  const lcb = u32(clx, i + 1);
  const plc = clx.subarray(i + 5, i + 5 + lcb);
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n) || n < 1 || plc.length < lcb) throw new Word97Error('damaged', 'the piece table is damaged');
  const out: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const raw = u32(plc, 4 * (n + 1) + 8 * k + 2);
    const compressed = (raw & 0x40000000) !== 0;
    out.push({ cpStart: u32(plc, 4 * k), cpEnd: u32(plc, 4 * (k + 1)), fc: compressed ? (raw & 0x3fffffff) / 2 : raw, compressed });
  }
  return out;
}

const cp1252 = new TextDecoder('windows-1252');

/** Main-document characters, in order, with the byte position each came from. */
function* characters(word: Uint8Array, pieces: Piece[], ccpText: number): Generator<[string, number]> {
  for (const p of pieces) {
    const end = Math.min(p.cpEnd, ccpText);
    for (let cp = p.cpStart; cp < end; cp++) {
      const fc = p.fc + (cp - p.cpStart) * (p.compressed ? 1 : 2);
      if (fc + (p.compressed ? 1 : 2) > word.length) throw new Word97Error('damaged', 'the text points past the end of the document');
      yield [p.compressed ? cp1252.decode(word.subarray(fc, fc + 1)) : String.fromCharCode(u16(word, fc)), fc];
    }
    if (p.cpEnd >= ccpText) break;
  }
}

function assemble(word: Uint8Array, pieces: Piece[], ccpText: number, props: (fc: number) => ParaProps | null): string {
  const lines: string[] = [];
  let rows: { cells: string[]; def: RowDef | null }[] = [];
  let cells: string[] = [];
  let buf = '';
  let prevCellEnd = false;
  const fields: ('code' | 'result')[] = [];
  const flushTable = () => {
    if (cells.length) rows.push({ cells, def: null });
    if (rows.length) lines.push(...gridLines(rows));
    rows = [];
    cells = [];
  };
  for (const [ch, fc] of characters(word, pieces, ccpText)) {
    if (ch === '\x13') { fields.push('code'); continue; }
    if (ch === '\x14') { if (fields.length) fields[fields.length - 1] = 'result'; continue; }
    if (ch === '\x15') { fields.pop(); continue; }
    if (fields.includes('code')) continue;
    if (ch === '\x07') {
      const pp = props(fc);
      // row end: the paragraph says so, or (no properties readable) a second mark in a row
      const rowEnd: boolean = pp ? pp.ttp : prevCellEnd && buf.trim() === '';
      if (rowEnd) {
        rows.push({ cells, def: pp?.row ?? null });
        cells = [];
      } else cells.push(clean(buf, true));
      buf = '';
      prevCellEnd = !rowEnd;
      continue;
    }
    prevCellEnd = false;
    if (ch === '\r' || ch === '\x0b' || ch === '\x0c') {
      const inTable = props(fc)?.inTable ?? false;
      if (ch === '\r' && inTable) { buf += ' '; continue; }
      if (inTable || cells.length) { buf += ' '; continue; }
      flushTable();
      const t = clean(buf, false);
      if (t) lines.push(t);
      buf = '';
      continue;
    }
    if (ch === '\t') { buf += ' '; continue; }
    if (ch === '\x1e') { buf += '-'; continue; }
    if (ch < ' ' || ch === '\x1f') continue; // pictures, footnote marks, soft hyphens
    buf += ch;
  }
  flushTable();
  const t = clean(buf, false);
  if (t) lines.push(t);
  return lines.join('\n');
}

const clean = (s: string, cell: boolean) => (cell ? s.replace(/\s+/g, '') : s.replace(/[ \t\u00a0\u3000]+/g, ' ').trim());

const toU8 = (c: ArrayLike<number>) => (c instanceof Uint8Array ? c : Uint8Array.from(c));
export const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
export const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
