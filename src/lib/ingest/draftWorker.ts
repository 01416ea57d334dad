// Parses a document's text into a draft off the main thread: a 500-page PDF's text takes
// seconds to read through, which would freeze the page.
import { draftFromText, type DocumentDraft } from './document';
import type { DocText } from './docs/docText';

self.onmessage = (e: MessageEvent<{ name: string; doc: DocText }>) => {
  try {
    const draft: DocumentDraft = draftFromText(e.data.name, e.data.doc);
    (self as unknown as Worker).postMessage({ draft });
  } catch (err) {
    (self as unknown as Worker).postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
