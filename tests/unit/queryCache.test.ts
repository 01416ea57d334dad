import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../src/lib/db/queryCache';

describe('query cache', () => {
  it('runs a repeated read once, and any write clears it', async () => {
    const cache = new QueryCache();
    let runs = 0;
    const run = async () => [{ n: ++runs }];
    expect(await cache.get('SELECT 1', run)).toEqual([{ n: 1 }]);
    expect(await cache.get('SELECT 1', run)).toEqual([{ n: 1 }]);
    await cache.get('DELETE FROM reports', run);
    expect(await cache.get('SELECT 1', run)).toEqual([{ n: 3 }]);
  });
  it('does not cache statements that write, even inside WITH', () => {
    expect(QueryCache.isRead('WITH x AS (SELECT 1) SELECT * FROM x')).toBe(true);
    expect(QueryCache.isRead('BEGIN TRANSACTION')).toBe(false);
    expect(QueryCache.isRead('WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x')).toBe(false);
    expect(QueryCache.isRead('SELECT (COALESCE(MAX(import_id), 0) + 1) FROM imports')).toBe(true);
  });
  it('a failed read is not kept', async () => {
    const cache = new QueryCache();
    await expect(cache.get('SELECT boom', async () => { throw new Error('x'); })).rejects.toThrow('x');
    expect(await cache.get('SELECT boom', async () => [1])).toEqual([1]);
  });
});
