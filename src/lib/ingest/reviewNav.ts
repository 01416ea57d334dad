// Moving through a batch's review from the keyboard (pure): the list's order (those that need
// attention first, within the state filter), the next or previous draft, and the next or
// previous uncertain cell — past the last cell of a draft, on to the next draft that has any.
import { DRAFT_STATES, type DraftState } from './draftStates';

/** Draft indexes as the list shows them: by state (blocked first), then in file order. */
export function reviewOrder(states: readonly DraftState[], filter: DraftState | null): number[] {
  return states.map((_, i) => i)
    .filter((i) => !filter || states[i] === filter)
    .sort((a, b) => DRAFT_STATES.indexOf(states[a]) - DRAFT_STATES.indexOf(states[b]) || a - b);
}

/** The draft `step` places from `selected` in `order` (clamped); the first one if `selected` is
 *  not shown. */
export function stepDraft(order: readonly number[], selected: number, step: number): number | null {
  if (!order.length) return null;
  const at = order.indexOf(selected);
  if (at < 0) return order[0];
  return order[Math.max(0, Math.min(order.length - 1, at + step))];
}

export interface UncertainStop {
  draft: number;
  /** index into that draft's uncertain cells */
  cell: number;
}

/** The next (dir 1) or previous (dir -1) uncertain cell from cell `cell` of draft `selected`:
 *  within the draft, then in the next (previous) draft of `order` with uncertain cells, whose
 *  first (last) cell it is. Null when there is none left that way. */
export function stepUncertain(order: readonly number[], uncertainCounts: readonly number[], selected: number, cell: number, dir: 1 | -1): UncertainStop | null {
  const here = uncertainCounts[selected] ?? 0;
  const next = cell + dir;
  if (next >= 0 && next < here) return { draft: selected, cell: next };
  const at = order.indexOf(selected);
  for (let k = at + dir; k >= 0 && k < order.length; k += dir) {
    const n = uncertainCounts[order[k]] ?? 0;
    if (n) return { draft: order[k], cell: dir === 1 ? 0 : n - 1 };
  }
  return null;
}
