import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/lib/ingest/docs/readAhead';

/** A read that finishes when the test says so. */
function reads(n: number) {
  const log: string[] = [];
  const finish: ((v: string) => void)[] = [];
  const fail: ((e: Error) => void)[] = [];
  const read = (i: number) => new Promise<string>((res, rej) => {
    log.push(`start ${i}`);
    finish[i] = (v) => res(v);
    fail[i] = rej;
  });
  return { log, finish, fail, read, n };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ReadAhead: documents read ahead, at most `width` at once, taken in file order', () => {
  it('starts the taken item and the next ones up to the width, refills as reads finish', async () => {
    const r = reads(5);
    const ahead = new ReadAhead(5, r.read, 2);
    const p0 = ahead.take(0);
    expect(r.log).toEqual(['start 0', 'start 1']);
    expect(ahead.inFlight).toBe(2);
    r.finish[1]('one'); // the one read ahead finishes first: the next starts, never more than 2
    await tick();
    expect(r.log).toEqual(['start 0', 'start 1', 'start 2']);
    expect(ahead.inFlight).toBe(2);
    r.finish[0]('zero');
    expect(await p0).toBe('zero');
    await tick();
    expect(r.log).toEqual(['start 0', 'start 1', 'start 2', 'start 3']);
    expect(await ahead.take(1)).toBe('one'); // not read twice
    r.finish[2]('two');
    r.finish[3]('three');
    expect(await ahead.take(2)).toBe('two');
    await tick();
    expect(r.log.filter((l) => l === 'start 4')).toHaveLength(1);
    r.finish[4]('four');
    expect(await ahead.take(3)).toBe('three');
    expect(await ahead.take(4)).toBe('four');
    expect(r.log).toEqual(['start 0', 'start 1', 'start 2', 'start 3', 'start 4']);
  });

  it('a read ahead that fails fails when it is taken, and the others go on', async () => {
    const r = reads(3);
    const ahead = new ReadAhead(3, r.read, 2);
    const p0 = ahead.take(0);
    r.fail[1](new Error('damaged file'));
    await tick();
    expect(r.log).toEqual(['start 0', 'start 1', 'start 2']);
    r.finish[0]('zero');
    r.finish[2]('two');
    expect(await p0).toBe('zero');
    await expect(ahead.take(1)).rejects.toThrow('damaged file');
    expect(await ahead.take(2)).toBe('two');
  });

  it('width 1: one read at a time, nothing ahead', async () => {
    const r = reads(3);
    const ahead = new ReadAhead(3, r.read, 1);
    const p0 = ahead.take(0);
    expect(r.log).toEqual(['start 0']);
    r.finish[0]('zero');
    await p0;
    await tick();
    expect(r.log).toEqual(['start 0', 'start 1']);
  });

  it('items skipped by the caller (a CSV between documents) may be read ahead but are not waited for', async () => {
    const r = reads(4);
    const ahead = new ReadAhead(4, r.read, 2);
    const p0 = ahead.take(0);
    r.finish[0]('doc');
    r.finish[1]('not a document');
    await p0;
    await tick();
    r.finish[2]('doc 2');
    r.finish[3]('doc 3');
    expect(await ahead.take(2)).toBe('doc 2');
    expect(await ahead.take(3)).toBe('doc 3');
  });
});
