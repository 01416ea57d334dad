// One worker of readNodeBatch.ts: reads (and parses) the documents it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { readDocumentNode } from './readNode';
import { parseReportText } from '../reportText';
import { DocumentError } from './docErrors';

parentPort!.on('message', async ({ name, bytes, parse }: { name: string; bytes: Uint8Array; parse: boolean }) => {
  try {
    const doc = await readDocumentNode(name, bytes);
    parentPort!.postMessage({ name, doc, parsed: parse ? parseReportText(doc.text) : undefined });
  } catch (e) {
    const error = e instanceof DocumentError ? { message: e.message, zh: e.zh, en: e.en } : { message: e instanceof Error ? e.message : String(e) };
    parentPort!.postMessage({ name, error });
  }
});
