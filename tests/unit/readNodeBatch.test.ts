// Several documents on one worker per core (npm run parse, the benchmark): results in the input's
// order, each parsed exactly, a file that cannot be read answered with its own error.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDocumentsNode } from '../../src/lib/ingest/docs/readNodeBatch';

describe('batch reading on worker threads', () => {
  it('reads and parses every file in order on two workers; an empty file gets its error', { timeout: 120_000 }, async () => {
    const dir = 'tests/fixtures/docs';
    const names = ['form-plain', 'form-narrative', 'form-blanks', 'form-vertical-labels'];
    const files = [
      ...names.map((n) => ({ name: `${n}.doc`, bytes: new Uint8Array(readFileSync(`${dir}/${n}.doc`)) })),
      { name: 'empty.pdf', bytes: new Uint8Array() },
      { name: 'plain.rtf', bytes: new Uint8Array(readFileSync(`${dir}/form-plain.rtf`)) },
    ];
    const res = await readDocumentsNode(files, { parse: true, workers: 2 });
    expect(res.map((r) => r.name)).toEqual(files.map((f) => f.name));
    names.forEach((n, i) => {
      const rec = JSON.parse(readFileSync(`${dir}/${n}.expected.json`, 'utf8'));
      expect(res[i].parsed?.agency).toBe(rec.agency);
      expect(res[i].parsed?.cells).toEqual(rec.cells);
    });
    expect(res[4].error).toEqual({ message: 'the file is empty (0 bytes)', zh: '文件为空（0 字节）', en: 'the file is empty (0 bytes)' });
    expect(res[5].doc?.kind).toBe('rtf');
  });
});
