// Word 97 paragraph properties, only what table reading needs ([MS-DOC] 2.8.x, 2.9.x): the
// PlcBtePapx names 512-byte FKP pages; each page maps byte ranges of the text to a PAPX, whose
// sprms say whether the paragraph is in a table (sprmPFInTable), whether it ends a row
// (sprmPFTtp, or sprmPFInnerTtp in a nested table) and, on a row's end, the row's cell
// boundaries (sprmTDefTable, in twips). Pure.
export interface RowDef {
  /** cell boundaries, left to right: one more than the row's cells */
  edges: number[];
}
export interface ParaProps {
  inTable: boolean;
  ttp: boolean;
  row: RowDef | null;
}

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPFInnerTableCell = 0x244b;
const sprmPFInnerTtp = 0x244c;
const sprmPItap = 0x6649;
const sprmTDefTable = 0xd608;
const sprmPHugePapx = 0x6646;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const i16 = (b: Uint8Array, i: number) => (u16(b, i) << 16) >> 16;

/** Each sprm of a grpprl with its operand. Stops quietly at a truncated sprm. */
export function* readSprms(g: Uint8Array): Generator<{ sprm: number; op: Uint8Array }> {
  let i = 0;
  while (i + 2 <= g.length) {
    const sprm = u16(g, i);
    i += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0: case 1: size = 1; break;
      case 2: case 4: case 5: size = 2; break;
      case 3: size = 4; break;
      case 7: size = 3; break;
      default:
        // variable: sprmTDefTable has a 2-byte size (counting one byte more), others a 1-byte size
        if (sprm === sprmTDefTable) { size = u16(g, i) + 1; break; }
        size = g[i] + 1;
    }
    if (i + size > g.length) return;
    yield { sprm, op: g.subarray(i, i + size) };
    i += size;
  }
}

function propsOf(grpprl: Uint8Array, data: Uint8Array | null): ParaProps {
  const p: ParaProps = { inTable: false, ttp: false, row: null };
  for (const { sprm, op } of readSprms(grpprl)) {
    // properties too big for the page (a wide row's cell table) stand in the Data stream
    if (sprm === sprmPHugePapx && data) {
      const at = u32(op, 0);
      const huge = propsOf(data.subarray(at + 2, at + 2 + u16(data, at)), null);
      p.inTable ||= huge.inTable;
      p.ttp ||= huge.ttp;
      p.row ??= huge.row;
    }
    if (sprm === sprmPFInTable || sprm === sprmPFInnerTableCell) p.inTable ||= op[0] === 1;
    else if (sprm === sprmPFTtp || sprm === sprmPFInnerTtp) p.ttp ||= op[0] === 1;
    else if (sprm === sprmPItap) p.inTable ||= u32(op, 0) > 0;
    else if (sprm === sprmTDefTable && op.length >= 3) {
      const n = op[2];
      if (op.length >= 3 + 2 * (n + 1)) p.row = { edges: Array.from({ length: n + 1 }, (_, k) => i16(op, 3 + 2 * k)) };
    }
  }
  return p;
}

/** A lookup from a paragraph mark's byte position to its paragraph's properties (null: unknown). */
export function paraProps(word: Uint8Array, plcBte: Uint8Array, data: Uint8Array | null): (fc: number) => ParaProps | null {
  const runs: { start: number; end: number; props: ParaProps }[] = [];
  const n = (plcBte.length - 4) / 8;
  for (let k = 0; Number.isInteger(n) && k < n; k++) {
    const pn = u32(plcBte, 4 * (n + 1) + 4 * k) & 0x3fffff;
    const page = word.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = page[511];
    for (let r = 0; r < crun; r++) {
      const off = page[4 * (crun + 1) + 13 * r] * 2;
      if (!off) continue; // no properties: a plain paragraph
      let len: number;
      let at: number;
      if (page[off]) { len = 2 * page[off] - 1; at = off + 1; }
      else { len = 2 * page[off + 1]; at = off + 2; }
      const g = page.subarray(at + 2, at + len); // after the style index (istd)
      runs.push({ start: u32(page, 4 * r), end: u32(page, 4 * (r + 1)), props: propsOf(g, data) });
    }
  }
  if (!runs.length) return () => null;
  runs.sort((a, b) => a.start - b.start);
  const none: ParaProps = { inTable: false, ttp: false, row: null };
  return (fc) => {
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = runs[mid];
      if (fc < r.start) hi = mid - 1;
      else if (fc >= r.end) lo = mid + 1;
      else return r.props;
    }
    return none;
  };
}
