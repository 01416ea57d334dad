// The narrative's statements against the form's table (pure): a statement agrees when one of its
// readings gives the stated value; it is a mismatch only when every reading can be computed (no
// blank cell) and all give the same value, which is not the stated one; otherwise it is not
// checkable (e.g. "收到申请15件" when new = 12 and new + carried over = 16 — which did it mean?).
import type { CellCode } from '../format/cells';
import type { CellValues } from '../format/record';
import type { Basis, Topic } from '../ingest/narrative/topics';
import type { Statement } from '../ingest/narrative/statements';

export type NarrativeStatus = 'agrees' | 'mismatch' | 'not_checkable';

export interface NarrativeCheck {
  quote: string;
  line: number;
  value: number;
  topic: Topic;
  /** the cells the statement was compared with (the agreeing reading, or the common one) */
  cells: CellCode[];
  table_value: number | null;
  /** which rows an application statement was read as (null for other topics); 'any' when its
   *  readings (new, new + carried over, handled) give the same table value */
  basis: Basis | 'any' | null;
  /** true when every reading gives the same table value (the sentence is unambiguous here) */
  unambiguous: boolean;
  status: NarrativeStatus;
}

function sumCells(cells: CellValues, codes: readonly CellCode[]): number | null {
  let s = 0;
  for (const c of codes) {
    const v = cells[c];
    if (v == null) return null; // a blank operand: not comparable
    s += v;
  }
  return s;
}

export function checkStatement(st: Statement, cells: CellValues): NarrativeCheck {
  const values = st.readings.map((r) => sumCells(cells, r.cells));
  const base = { quote: st.quote, line: st.line, value: st.value, topic: st.topic };
  const hit = values.findIndex((v) => v !== null && Math.abs(v - st.value) < 1e-9);
  const allKnown = values.every((v) => v !== null);
  const same = allKnown && values.every((v) => v === values[0]);
  if (hit >= 0) {
    const r = st.readings[hit];
    return { ...base, cells: r.cells, table_value: values[hit], basis: same && st.readings.length > 1 ? 'any' : r.basis, unambiguous: same, status: 'agrees' };
  }
  if (same) {
    const r = st.readings[0];
    return { ...base, cells: r.cells, table_value: values[0], basis: st.readings.length > 1 ? 'any' : r.basis, unambiguous: true, status: 'mismatch' };
  }
  return { ...base, cells: st.readings[0].cells, table_value: values[0] ?? null, basis: null, unambiguous: false, status: 'not_checkable' };
}

export function checkNarrative(statements: Statement[], cells: CellValues): NarrativeCheck[] {
  return statements.map((s) => checkStatement(s, cells));
}
