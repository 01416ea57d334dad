// PDF text items → lines of text, ordered by position (like `pdftotext -layout`): items on one
// baseline form a line, sorted left to right; the pieces of one word or Chinese phrase join
// directly, and an item after a gap starts at the character column of its x position (in units
// of half the text height, about one digit), so a table's columns line up across lines even when
// the labels before them are Chinese (one character, two units wide). Within an item a Chinese
// character stays one string character, two units wide, so a reader measures a word by its
// display width from where it starts (reportText/columns.ts); padding inside items would change
// the text itself. Each page is laid out from its own leftmost item. Text is NFKC-normalised:
// PDFs often carry Kangxi-radical code points (⼆, ⼯) for ordinary characters. Pure.
import { joinVerticalLabels } from './pdfVertical';

export interface TextItem {
  str: string;
  /** left edge and baseline, in PDF units (y grows upwards) */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageText {
  page: number;
  lines: string[];
  /** non-blank text items on the page (0: no text layer, a scan) */
  items?: number;
}

export function itemsToLines(items: TextItem[]): string[] {
  const usable = items.filter((i) => i.str.trim() !== '');
  if (!usable.length) return [];
  const heights = usable.map((i) => i.height || 10).sort((a, b) => a - b);
  const h = heights[Math.floor(heights.length / 2)] || 10;
  // a group label printed one character per line takes no part in forming lines (pdfVertical.ts)
  const placed = joinVerticalLabels(usable, h).items;
  // top to bottom, then left to right
  const sorted = [...placed].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const it of sorted) {
    const row = rows.at(-1);
    // same line when baselines are within 40% of a line's height
    if (row && Math.abs(row[0].y - it.y) <= h * 0.4) row.push(it);
    else rows.push([it]);
  }
  const left = Math.min(...usable.map((i) => i.x));
  return rows.map((row) => joinRow(row.sort((a, b) => a.x - b.x), h, left));
}

function joinRow(row: TextItem[], h: number, left: number): string {
  const unit = h * 0.5;
  let out = '';
  let end: number | null = null;
  for (const it of row) {
    const s = it.str.replace(/\s+$/, '').normalize('NFKC');
    const target = Math.round((it.x - left) / unit);
    if (end === null) out += ' '.repeat(Math.max(0, target));
    else {
      const gap = it.x - end;
      // a gap of more than half a unit separates cells: at least two spaces, then up to the column
      if (gap > unit) out += ' '.repeat(Math.max(2, target - out.length));
      else if (gap > h * 0.15 && /[0-9A-Za-z]$/.test(out) && /^[0-9A-Za-z]/.test(s)) out += ' ';
    }
    out += s;
    end = it.x + (it.width || s.length * unit);
  }
  return out.replace(/\s+$/, '');
}

/** Pages → one text, with a form feed between pages (the parser treats page breaks as noise). */
export function pagesToText(pages: PageText[]): string {
  return pages.map((p) => p.lines.join('\n')).join('\n\f\n');
}
