// A reader of .docx and .xlsx files written for the tests alone (no app code, no docx/ExcelJS):
// unzip with fflate, read the XML with regular expressions, and give each table as a grid with
// merged cells expanded (every position of a merge holds the merge's text).
import { strFromU8, unzipSync } from 'fflate';

export type Grid = string[][];

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

function unzip(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k.endsWith('.xml') || k.endsWith('.rels')) out[k] = strFromU8(v);
  return out;
}

/** Text of a run container: every <w:t> joined. */
const wText = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');

/** Every top-level table of word/document.xml as an expanded grid; and the paragraphs' text. */
export function readDocx(bytes: Uint8Array): { tables: Grid[]; paragraphs: string[] } {
  const xml = unzip(bytes)['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  const tables: Grid[] = [];
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    const grid: Grid = [];
    const rows = [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    rows.forEach((tr, r) => {
      const line: string[] = [];
      for (const [tc] of tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\s*\/>/.exec(tc);
        const cont = vm && vm[1] !== 'restart';
        for (let k = 0; k < span; k++) {
          const col = line.length;
          line.push(cont ? (grid[r - 1]?.[col] ?? '') : wText(tc));
        }
      }
      grid.push(line);
    });
    tables.push(grid);
    return '<w:p><w:r><w:t>[table]</w:t></w:r></w:p>';
  });
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => wText(m[0]));
  return { tables, paragraphs };
}

const colNum = (ref: string) => [...ref.replace(/\d+/g, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const rowNum = (ref: string) => Number(ref.replace(/[A-Z]+/g, ''));

/** One worksheet (by its name) as a grid of text (numbers as written in the XML), merges expanded. */
export function readXlsx(bytes: Uint8Array, sheetName: string): Grid {
  const files = unzip(bytes);
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  const sheet = [...wb.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)].find((m) => decode(m[1]) === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const target = new RegExp(`<Relationship [^>]*Id="${sheet[2]}"[^>]*Target="([^"]*)"`).exec(rels)?.[1]
    ?? new RegExp(`<Relationship [^>]*Target="([^"]*)"[^>]*Id="${sheet[2]}"`).exec(rels)?.[1];
  const xml = files[`xl/${target!.replace(/^\/?xl\//, '')}`];
  const shared = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => [...m[1].matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => decode(t[1])).join(''));
  const grid: Grid = [];
  const set = (r: number, c: number, v: string) => {
    while (grid.length < r) grid.push([]);
    const row = grid[r - 1];
    while (row.length < c) row.push('');
    row[c - 1] = v;
  };
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attrs, inner] = m;
    const t = /t="(\w+)"/.exec(attrs)?.[1];
    let v = '';
    if (inner) {
      const raw = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      if (t === 's' && raw != null) v = shared[Number(raw)];
      else if (t === 'inlineStr') v = [...inner.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((x) => decode(x[1])).join('');
      else if (raw != null) v = decode(raw);
    }
    set(rowNum(ref), colNum(ref), v);
  }
  for (const [, a, b] of xml.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
    const v = grid[rowNum(a) - 1]?.[colNum(a) - 1] ?? '';
    for (let r = rowNum(a); r <= rowNum(b); r++) for (let c = colNum(a); c <= colNum(b); c++) set(r, c, v);
  }
  return grid.map((row) => row.map((x) => x ?? ''));
}

/** A sheet's grid cut into tables: blocks of rows between empty rows, without the lines that are
 *  one text merged across the whole sheet width (titles and section headings). */
export function sheetTables(grid: Grid, sheetWidth: number): Grid[] {
  const out: Grid[] = [];
  let cur: Grid = [];
  const flush = () => { if (cur.length) out.push(cur); cur = []; };
  for (const row of grid) {
    const filled = row.filter((x) => x !== '');
    if (!filled.length) { flush(); continue; }
    if (new Set(filled).size === 1 && filled.length >= sheetWidth && !/^-?[\d.]+$/.test(filled[0])) continue; // a row of equal numbers is data
    cur.push(row);
  }
  flush();
  return out;
}

import { CELLS, S3_COLUMNS, S3_ROWS } from '../../../src/lib/format/cells';

/** The form's tables (expanded grids) → code → the text in its cell, found by the printed labels
 *  of cells.csv: section 二 by item, row label and column header; 三 by the rows' order and label
 *  and the applicant columns' order; 四 by its three header rows. Throws on any label not found. */
export function cellsFromTables(tables: Grid[]): Map<string, string> {
  const out = new Map<string, string>();
  const s3 = tables.find((t) => t.some((r) => r.includes('申请人情况')));
  const s4 = tables.find((t) => t !== s3 && t[0]?.includes('行政复议'));
  if (!s3 || !s4) throw new Error('section 三 or 四 table not found');
  // 二
  for (const c of CELLS.filter((x) => x.section === '二')) {
    const t = tables.find((x) => x[0]?.[0] === c.item && x.some((r) => r[0] === c.row_label_zh));
    if (!t) throw new Error(`no table for ${c.item} ${c.row_label_zh}`);
    const col = t[1].indexOf(c.col_label_zh);
    const row = t.find((r) => r[0] === c.row_label_zh)!;
    if (col < 1) throw new Error(`no column ${c.col_label_zh}`);
    out.set(c.code, row[col]);
  }
  // 三: header rows 0–2, then one row per S3 row
  const body = s3.slice(3);
  if (body.length !== S3_ROWS.length) throw new Error(`section 三 has ${body.length} rows, expected ${S3_ROWS.length}`);
  const colLabels = [s3[1][3], ...s3[2].slice(4, 4 + S3_COLUMNS.length - 2), s3[1][3 + S3_COLUMNS.length - 1]];
  S3_ROWS.forEach((r, i) => {
    const line = body[i];
    const label = line.slice(0, 3).join('|');
    const reason = r.label_zh.split('：').pop()!;
    if (!label.includes(reason)) throw new Error(`section 三 row ${i}: "${label}" lacks "${reason}"`);
    const values = line.slice(-S3_COLUMNS.length);
    S3_COLUMNS.forEach((col, j) => {
      const cell = CELLS.find((c) => c.code === r.codes[col])!;
      if (colLabels[j] !== cell.col_label_zh) throw new Error(`section 三 column ${j}: "${colLabels[j]}" ≠ ${cell.col_label_zh}`);
      out.set(cell.code, values[j]);
    });
  });
  // 四: row 0 group, row 1 kind (same text as row 0 where not split), row 2 result, row 3 values
  const [g, k, res, vals] = s4;
  for (let j = 0; j < res.length; j++) {
    const group = k[j] && k[j] !== g[j] ? `${g[j]}：${k[j]}` : g[j];
    const cell = CELLS.find((c) => c.section === '四' && c.row_label_zh === group && c.col_label_zh === res[j]);
    if (!cell) throw new Error(`section 四 column ${j}: ${group} / ${res[j]} not in cells.csv`);
    out.set(cell.code, vals[j]);
  }
  return out;
}
