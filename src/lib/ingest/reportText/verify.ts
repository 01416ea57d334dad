// The last step (P9 item 2, "never silent, checked at the end"): with every cell placed, the
// form's own sums are recomputed.
// - A sum that fails on a cell the parser placed by inference (split by the sums, matched by row
//   order, aligned by column, a value block matched to its labels …), rather than read as printed,
//   sends those cells back to blank with a warning: the inference, not the report, is in doubt.
// - A cell the parser could not place, whose value the printed sums force to exactly one number
//   (an equation with it as the only unknown), is filled and listed as derived, with a warning
//   saying so; it is kept only if every sum it enters then holds. A cell the report prints blank
//   is never filled.
// A fault printed in the report itself stays as printed and is reported under failedRules.
import { CELL_BY_CODE, type CellCode } from '../../format/cells';
import type { CellValues } from '../../format/record';
import { WITHIN_REPORT_EQUATIONS, checkWithinReport, evalEquation, type Equation } from '../../rules/withinReport';
import type { ParseWarning } from '../reportText';
import { cellNames } from './labels';

const fmt = (v: number) => String(v);

function warn(code: CellCode, zh: string, en: string): ParseWarning {
  const n = cellNames(code);
  return { code, row: n.row, column: n.column, message_zh: `${n.row}｜${n.column}：${zh}`, message_en: `${n.en}: ${en}` };
}

const EQS_OF = (() => {
  const m = new Map<CellCode, Equation[]>();
  for (const e of WITHIN_REPORT_EQUATIONS) for (const c of [...e.lhs, ...e.rhs]) m.set(c, [...(m.get(c) ?? []), e]);
  return m;
})();

export function verifyCells(
  cells: CellValues, warnings: ParseWarning[], inferred: Set<CellCode>, unplaced: Set<CellCode>,
  strays: Map<CellCode, number[]> = new Map(),
): { derived: CellCode[] } {
  // 1. inferred cells in a failing sum: back to blank
  for (let round = 0; round < 5; round++) {
    const bad = new Set<CellCode>();
    for (const f of checkWithinReport(cells)) {
      if (f.rule === 'negative') continue;
      for (const c of f.cells) if (inferred.has(c) && cells[c] !== null) bad.add(c);
    }
    if (!bad.size) break;
    for (const c of bad) {
      warnings.push(warn(c,
        `读作 ${fmt(cells[c]!)}，但与表中合计不符，该值是推断的（非原样印出），留空`,
        `read as ${fmt(cells[c]!)}, but the form's sums fail with it and it was inferred, not printed as such; left blank`));
      cells[c] = null;
      inferred.delete(c);
      unplaced.add(c);
    }
  }
  // 2. unplaced cells the printed sums force
  const derived = new Set<CellCode>();
  for (let changed = true, guard = 0; changed && guard < 50; guard++) {
    changed = false;
    for (const e of WITHIN_REPORT_EQUATIONS) {
      const all = [...e.lhs, ...e.rhs];
      const unknown = all.filter((c) => cells[c] === null);
      if (unknown.length !== 1 || !(unplaced.has(unknown[0]) || strays.has(unknown[0])) || derived.has(unknown[0])) continue;
      const u = unknown[0];
      const sum = (cs: CellCode[]) => cs.reduce((s, c) => s + (c === u ? 0 : cells[c]!), 0);
      const v = e.lhs.includes(u) ? sum(e.rhs) - sum(e.lhs) : sum(e.lhs) - sum(e.rhs);
      if (!Number.isInteger(v) || v < 0 || CELL_BY_CODE.get(u)?.unit !== '件') continue;
      // a blank printed beside a number set aside is that number only if the sums say exactly it
      if (!unplaced.has(u) && !strays.get(u)!.includes(v)) continue;
      cells[u] = v;
      // kept only if every checkable sum it enters holds
      if ((EQS_OF.get(u) ?? []).some((x) => {
        const r = evalEquation(cells, x);
        return r !== null && r.expected !== r.actual;
      })) {
        cells[u] = null;
        continue;
      }
      derived.add(u);
      changed = true;
    }
  }
  if (derived.size) {
    // the warning that left the cell blank gives way to one that says why and what was derived
    const why = new Map<CellCode, { zh: string; en: string }>();
    for (let k = warnings.length - 1; k >= 0; k--) {
      const w = warnings[k];
      if (!w.code || !derived.has(w.code as CellCode)) continue;
      const n = cellNames(w.code as CellCode);
      const strip = (m: string, prefix: string) => (m.startsWith(prefix) ? m.slice(prefix.length) : m);
      why.set(w.code as CellCode, {
        zh: strip(w.message_zh, `${n.row}｜${n.column}：`).replace(/，留空$/, ''),
        en: strip(w.message_en, `${n.en}: `).replace(/; left blank$/, ''),
      });
      warnings.splice(k, 1);
    }
    for (const c of derived) {
      const w = why.get(c) ?? { zh: '未能从文本读出', en: 'not read from the text' };
      warnings.push(warn(c,
        `${w.zh}；按表中印出的合计推算为 ${fmt(cells[c]!)}（推算值，请核对）`,
        `${w.en}; derived from the sums printed in the form as ${fmt(cells[c]!)} (derived, please check)`));
    }
  }
  return { derived: [...derived] };
}
