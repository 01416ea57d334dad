// Table rows read from a word processor's file (Word 97, RTF), where each row lists its cells and
// their right-hand boundaries, → "| a | b |" lines on the table's full grid, as html.ts writes
// HTML tables: a cell spanning several grid columns is followed by empty cells, so every value
// keeps its column. Pure.
export interface GridRow {
  cells: string[];
  /** cell boundaries, left to right (one more than the cells), in twips; null when unknown */
  def: { edges: number[] } | null;
}

/** Word joins tables with no paragraph between into one; a change of the rows' overall width
 *  tells them apart again, so each keeps its own grid. */
export function gridLines(rows: GridRow[]): string[] {
  const blocks: (typeof rows)[] = [];
  let width: number | null = null;
  for (const r of rows) {
    const w = r.def ? r.def.edges[r.def.edges.length - 1] - r.def.edges[0] : null;
    if (!blocks.length || (w !== null && width !== null && Math.abs(w - width) > 72)) blocks.push([]);
    blocks[blocks.length - 1].push(r);
    width = w ?? width;
  }
  return blocks.flatMap(blockLines);
}

/** One table's rows on one grid: the union of all rows' cell boundaries (within 1/20 inch). */
function blockLines(rows: GridRow[]): string[] {
  const edges: number[] = [];
  for (const r of rows) for (const x of r.def?.edges ?? []) if (!edges.some((e) => Math.abs(e - x) <= 72)) edges.push(x);
  edges.sort((a, b) => a - b);
  const col = (x: number) => edges.findIndex((e) => Math.abs(e - x) <= 72);
  return rows
    .filter((r) => r.cells.some((c) => c))
    .map((r) => {
      const out: string[] = [];
      const def = r.def;
      const aligned = def && def.edges.length === r.cells.length + 1;
      if (aligned) for (let s = 0; s < col(def.edges[0]); s++) out.push('');
      r.cells.forEach((c, k) => {
        out.push(c.replace(/\|/g, '｜'));
        if (aligned) for (let s = col(def.edges[k]) + 1; s < col(def.edges[k + 1]); s++) out.push('');
      });
      return `| ${out.join(' | ')} |`;
    });
}

