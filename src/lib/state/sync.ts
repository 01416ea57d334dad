// Data changes run one at a time in a tab (a rebuild never interleaves an import's transaction on
// the one DuckDB connection), and reach the app's other tabs: each committed change is announced
// on a BroadcastChannel, and every other tab rebuilds its tables from the stored log.
let queue: Promise<unknown> = Promise.resolve();

export function exclusive<T>(f: () => Promise<T>): Promise<T> {
  const next = queue.then(f, f);
  queue = next.catch(() => undefined);
  return next;
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('disclosure-dashboard-data');

export function announce() {
  channel?.postMessage({ changed: Date.now() });
}

export function onOtherTab(f: () => void) {
  if (channel) channel.onmessage = () => f();
}
