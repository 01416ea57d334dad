// Vertical group labels in PDF tables: a merged cell such as 三、本年度办理结果 (or 申请人情况,
// 四、结转下年度继续办理) printed one character per line down its left edge. Each character is
// its own text item, and their baselines fall between and beside the table's row lines, so if
// they took part in forming lines they would split a row from its numbers or, where a character
// shares a band with two rows' items, join them. Found here and taken out of line forming, each
// run is given back as ONE item — the whole label — at the height of its first character, the
// way an HTML table puts a rowspan's text on its first row. Pure.
import type { TextItem } from './pdfLayout';

/** One character that could be part of a vertical label: not a digit or Latin letter. */
const isLabelChar = (s: string) => /^[^\s0-9A-Za-z.,%-]$/u.test(s);

export interface VerticalSplit {
  /** the items to lay out in lines: everything else, plus one item per vertical label */
  items: TextItem[];
  /** the labels found, top to bottom (for tests and diagnostics) */
  labels: string[];
}

export function joinVerticalLabels(items: TextItem[], h: number): VerticalSplit {
  const singles = items.filter((i) => isLabelChar(i.str.trim().normalize('NFKC')));
  if (singles.length < 3) return { items, labels: [] };
  // columns of single characters: same left edge within half a character
  const columns: TextItem[][] = [];
  for (const it of [...singles].sort((a, b) => a.x - b.x)) {
    const col = columns.find((c) => Math.abs(c[0].x - it.x) <= h * 0.5);
    if (col) col.push(it);
    else columns.push([it]);
  }
  const taken = new Set<TextItem>();
  const labels: { item: TextItem; text: string }[] = [];
  for (const col of columns) {
    col.sort((a, b) => b.y - a.y);
    let run: TextItem[] = [];
    const close = () => {
      // three or more characters stacked at most ~2.5 lines apart, each alone on its baseline
      // (nothing right beside it on either side: then it is part of a word, not a stack)
      if (run.length >= 3 && run.every((c) => !items.some((o) => o !== c && !run.includes(o) && touches(o, c, h)))) {
        run.forEach((c) => taken.add(c));
        const top = run[0];
        const text = run.map((c) => c.str.trim().normalize('NFKC')).join('');
        labels.push({ item: { str: text, x: top.x, y: top.y, width: Math.max(...run.map((c) => c.width || h)), height: top.height }, text });
      }
      run = [];
    };
    for (const c of col) {
      const prev = run.at(-1);
      if (prev && (prev.y - c.y > h * 2.5 || prev.y - c.y < h * 0.6)) close();
      run.push(c);
    }
    close();
  }
  if (!taken.size) return { items, labels: [] };
  labels.sort((a, b) => b.item.y - a.item.y);
  return { items: [...items.filter((i) => !taken.has(i)), ...labels.map((l) => l.item)], labels: labels.map((l) => l.text) };
}

/** o stands on c's baseline right against it, left or right (less than a third of a character between). */
function touches(o: TextItem, c: TextItem, h: number): boolean {
  if (Math.abs(o.y - c.y) > h * 0.4) return false;
  const cEnd = c.x + (c.width || h);
  const oEnd = o.x + (o.width || h);
  return o.x >= c.x ? o.x - cEnd < h * 0.3 : c.x - oEnd < h * 0.3;
}
