// RTF documents → text for the report parser. Many reports published as ".doc" are RTF inside
// (Word's "Rich Text Format" or a site's export). Tables are read as tables: each row's \cellx
// boundaries and its \cell / \row marks give "| a | b |" lines on the table's grid (tableGrid.ts);
// other paragraphs become lines. Characters come as \uN (Unicode) or \'hh bytes in the
// document's code page (\ansicpg936 and GB2312 fonts: GBK). Formatting, font tables, pictures,
// field instructions and other hidden destinations are skipped. Pure.
import { gridLines, type GridRow } from './tableGrid';

/** Destinations whose text is not part of the document's visible body. */
const SKIP = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata',
  'colorschememapping', 'datastore', 'latentstyles', 'fldinst', 'filetbl', 'revtbl', 'footnote', 'annotation', 'shpinst', 'nonshppict', 'mmathPr', 'pgdsctbl']);

const CODEPAGES: Record<number, string> = { 936: 'gb18030', 54936: 'gb18030', 950: 'big5', 1252: 'windows-1252', 65001: 'utf-8' };

/** RTF bytes → text. Each byte becomes one character of the source, so bytes past ASCII that a
 *  writer left raw (not as \'hh) are decoded in the document's code page like \'hh ones. */
export function readRtf(bytes: Uint8Array): string {
  let src = '';
  for (let k = 0; k < bytes.length; k += 8192) src += String.fromCharCode(...bytes.subarray(k, k + 8192));
  return rtfToText(src);
}

export function rtfToText(src: string): string {
  const cpMatch = /\\ansicpg(\d+)/.exec(src.slice(0, 2000));
  const encoding = CODEPAGES[Number(cpMatch?.[1])] ?? (/\\fcharset134/.test(src.slice(0, 20000)) ? 'gb18030' : 'windows-1252');
  const decoder = new TextDecoder(encoding);
  const lines: string[] = [];
  let rows: GridRow[] = [];
  let cells: string[] = [];
  let edges: number[] = [];
  let rowLeft = 0;
  let inTable = false;
  let buf = '';
  let bytes: number[] = [];
  const flushBytes = () => {
    if (bytes.length) buf += decoder.decode(new Uint8Array(bytes));
    bytes = [];
  };
  const flushTable = () => {
    if (cells.length) rows.push({ cells, def: null });
    if (rows.length) lines.push(...gridLines(rows));
    rows = [];
    cells = [];
  };
  const endParagraph = () => {
    flushBytes();
    if (inTable) { buf += ' '; return; }
    flushTable();
    const t = buf.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
    if (t) lines.push(t);
    buf = '';
  };
  // group state: skipping (a hidden destination), and \uc (fallback characters after \u)
  const stack: { skip: boolean; uc: number }[] = [];
  let skip = false;
  let uc = 1;
  let pendingSkip = 0; // fallback characters still to drop after a \u
  let groupStart = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '{') {
      flushBytes();
      stack.push({ skip, uc });
      groupStart = true;
      i++;
      continue;
    }
    if (ch === '}') {
      flushBytes();
      const s = stack.pop();
      if (s) ({ skip, uc } = s);
      groupStart = false;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === undefined) break;
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
        const word = m[1];
        const arg = m[2] === undefined ? null : Number(m[2]);
        i += 1 + m[0].length;
        const first = groupStart;
        groupStart = false;
        if (word === 'bin') { i += Math.max(0, arg ?? 0); continue; }
        if (first && SKIP.has(word)) skip = true;
        if (skip) continue;
        if (word === 'u' && arg !== null) {
          flushBytes();
          if (pendingSkip > 0) { pendingSkip--; continue; }
          buf += String.fromCharCode(arg < 0 ? arg + 65536 : arg);
          pendingSkip = uc;
          continue;
        }
        pendingSkip = 0;
        switch (word) {
          case 'uc': uc = arg ?? 1; break;
          case 'par': case 'line': case 'sect': case 'page': endParagraph(); break;
          case 'tab': buf += ' '; break;
          case 'trowd': edges = []; rowLeft = 0; inTable = true; break;
          case 'trleft': rowLeft = arg ?? 0; break;
          case 'cellx': edges.push(arg ?? 0); break;
          case 'intbl': inTable = true; break;
          case 'pard': inTable = false; break;
          case 'cell': case 'nestcell':
            flushBytes();
            cells.push(buf.replace(/\s+/g, '').replace(/\|/g, '｜'));
            buf = '';
            break;
          case 'row': case 'nestrow':
            flushBytes();
            rows.push({ cells, def: edges.length === cells.length ? { edges: [rowLeft, ...edges] } : null });
            cells = [];
            buf = '';
            inTable = false; // a paragraph after the row is outside the table unless it says \intbl
            break;
          case 'emdash': buf += '—'; break;
          case 'endash': buf += '–'; break;
          case 'lquote': buf += '‘'; break;
          case 'rquote': buf += '’'; break;
          case 'ldblquote': buf += '“'; break;
          case 'rdblquote': buf += '”'; break;
          case 'bullet': buf += '•'; break;
        }
        continue;
      }
      // control symbols
      i += 2;
      if (next === '*') { if (groupStart) skip = true; continue; } // an optional destination: hidden
      groupStart = false;
      if (skip) { if (next === "'") i += 2; continue; }
      if (next === "'") {
        const b = parseInt(src.slice(i, i + 2), 16);
        i += 2;
        if (pendingSkip > 0) { pendingSkip--; continue; }
        if (!Number.isNaN(b)) bytes.push(b);
        continue;
      }
      if (pendingSkip > 0) { pendingSkip--; continue; }
      flushBytes();
      if (next === '~') buf += ' ';
      else if (next === '_') buf += '-';
      else if (next === '\\' || next === '{' || next === '}') buf += next;
      else if (next === '\n' || next === '\r') endParagraph();
      continue;
    }
    groupStart = false;
    i++;
    if (skip || ch === '\r' || ch === '\n') continue;
    if (pendingSkip > 0) { pendingSkip--; continue; }
    if (ch.charCodeAt(0) >= 0x80) { bytes.push(ch.charCodeAt(0)); continue; }
    flushBytes();
    buf += ch;
  }
  endParagraph();
  flushTable();
  return lines.join('\n');
}
