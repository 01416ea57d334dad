// Main-thread side of draftWorker.ts.
import type { DocumentDraft } from './document';
import type { DocText } from './docs/docText';

export function draftInWorker(name: string, doc: DocText): Promise<DocumentDraft> {
  const worker = new Worker(new URL('./draftWorker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ draft?: DocumentDraft; error?: string }>) => {
      worker.terminate();
      if (e.data.draft) resolve(e.data.draft);
      else reject(new Error(e.data.error ?? 'the report parser failed'));
    };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message || 'the report parser failed')); };
    worker.postMessage({ name, doc });
  });
}
