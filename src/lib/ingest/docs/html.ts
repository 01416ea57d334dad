// A saved web page (or mammoth's HTML of a .docx) → text for the report parser. Tables are read
// as tables: each row becomes one markdown-style line "| a | b | c |" on a grid where merged
// cells (rowspan/colspan) leave empty cells, so every value keeps its column. Everything else
// becomes lines of text. The DOM comes from the caller (DOMParser in the browser, linkedom in Node).
export interface HtmlToTextOptions {
  parse: (html: string) => Document;
}

const BLOCK = /^(P|DIV|H[1-6]|LI|TR|BR|SECTION|ARTICLE|HEADER|FOOTER|TITLE|BLOCKQUOTE|PRE|UL|OL)$/;

export function htmlToText(html: string, { parse }: HtmlToTextOptions): string {
  const doc = parse(html);
  doc.querySelectorAll('script, style, noscript, template').forEach((n) => n.remove());
  const lines: string[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
    buf = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      buf += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'TABLE') {
      flush();
      lines.push(...tableLines(el));
      return;
    }
    if (BLOCK.test(tag)) flush();
    for (const c of Array.from(el.childNodes)) walk(c);
    if (BLOCK.test(tag)) flush();
  };
  const title = doc.querySelector('title')?.textContent?.trim();
  const body = doc.body ?? doc.documentElement;
  if (title && !(body.textContent ?? '').includes(title)) lines.push(title);
  walk(body);
  flush();
  return lines.join('\n');
}

/** One table → one line per row, on the table's full grid. Nested tables are read on their own. */
export function tableLines(table: Element): string[] {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const grid: (string | null)[][] = [];
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of Array.from(tr.children).filter((x) => /^T[DH]$/i.test(x.tagName))) {
      while (grid[r][c] !== undefined) c++;
      const text = cellText(cell);
      // Clamped as browsers do (colspan ≤ 1000; rowspan not past the table's last row): a
      // hostile rowspan="99999999" would otherwise build a grid that exhausts memory.
      const rs = Math.min(rows.length - r, Math.max(1, Math.floor(Number(cell.getAttribute('rowspan'))) || 1));
      const cs = Math.min(1000, Math.max(1, Math.floor(Number(cell.getAttribute('colspan'))) || 1));
      for (let i = 0; i < rs; i++) {
        grid[r + i] ??= [];
        for (let j = 0; j < cs; j++) grid[r + i][c + j] = i === 0 && j === 0 ? text : null;
      }
      c += cs;
    }
  });
  return grid
    .filter((row) => row.some((x) => x))
    .map((row) => `| ${Array.from(row, (x) => (x ?? '').replace(/\|/g, '｜')).join(' | ')} |`);
}

function cellText(cell: Element): string {
  const nested = cell.querySelector('table');
  const t = nested ? tableLines(nested).join(' ') : (cell.textContent ?? '');
  return t.replace(/\s+/g, '').trim();
}
