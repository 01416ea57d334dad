// Where the reviewer is in a batch, from the keyboard: the next or previous draft of the list (as
// filtered and sorted), and the next or previous uncertain cell, on to the next draft that has
// any. Focus follows, so a screen reader and the eye land on the same place.
import { tick } from 'svelte';
import { reviewOrder, stepDraft, stepUncertain } from '../../lib/ingest/reviewNav';
import type { ImportModel } from './importModel.svelte';

export class ReviewCursor {
  /** the uncertain cell last focused: its draft's file and its index among the draft's uncertain cells */
  cell = $state<{ file: string; i: number } | null>(null);
  /** nothing left that way (shown beside the buttons until the next move) */
  end = $state<1 | -1 | 0>(0);
  /** the draft the last step through uncertain cells moved on to (said beside the buttons, since
   *  the list may be out of view), or null */
  movedTo = $state<number | null>(null);

  constructor(private modelOf: () => ImportModel, private root: () => HTMLElement | undefined) {}

  private get model(): ImportModel {
    return this.modelOf();
  }

  get order(): number[] {
    return reviewOrder(this.model.states, this.model.filter);
  }

  async draft(step: 1 | -1, focusList = true) {
    const next = stepDraft(this.order, this.model.selected, step);
    this.end = 0;
    if (next === null) return;
    this.model.selected = next;
    await tick();
    if (focusList) this.root()?.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')?.focus();
  }

  async uncertain(dir: 1 | -1) {
    const m = this.model;
    const d = m.current;
    const at = d && this.cell?.file === d.file ? this.cell.i : dir === 1 ? -1 : d?.uncertain.length ?? 0;
    const stop = stepUncertain(this.order, m.drafts.map((x) => x.uncertain.length), m.selected, at, dir);
    if (!stop) {
      this.end = dir;
      return;
    }
    this.end = 0;
    this.movedTo = stop.draft !== m.selected ? stop.draft : null;
    m.selected = stop.draft;
    await tick();
    const input = this.root()?.querySelectorAll<HTMLInputElement>('[data-uncertain] input')[stop.cell];
    // (set here too: focus() on the element that has it fires no focus event)
    if (m.current) this.focused(m.current.file, stop.cell);
    input?.focus();
    input?.select();
  }

  focused(file: string, i: number) {
    this.cell = { file, i };
    this.end = 0;
  }

  /** Another draft was opened some other way: what was said about the last step is stale. */
  opened(i: number) {
    this.end = 0;
    if (this.movedTo !== i) this.movedTo = null;
  }
}
