// The test contract: body[data-ready] is "true" while a view's data is on screen, "false" while
// it (re)loads.
import { tick } from 'svelte';

export async function markReady(ready: boolean) {
  if (ready) await tick();
  document.body.dataset.ready = ready ? 'true' : 'false';
}
