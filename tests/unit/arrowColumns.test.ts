// Columns → Arrow → DuckDB and back: strings of every width (one encode per column, offsets
// counted in JS), nulls apart from empty strings, and typed numeric columns (NaN = null).
import { describe, expect, it } from 'vitest';
import { utf8Length } from '../../src/lib/db/arrow';
import { freshDb } from './helpers/db';

describe('Arrow columns', () => {
  it('count UTF-8 bytes as TextEncoder writes them', () => {
    for (const s of ['', 'abc', 'é', '示例市', '😀', 'a😀b', '\ud800', '\udc00x', 'x\ud83d', '<img onerror=1>']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('round-trip strings, nulls and typed numbers through DuckDB exactly', async () => {
    const db = await freshDb();
    const names = ['示例市甲局', '', null, 'a😀b', 'Ünïcödé', '第12市,"引号"', null, 'x'.repeat(1000)];
    const counts = new Float64Array([1, NaN, 0, 12345, NaN, 7, 0, 2 ** 30]);
    const money = new Float64Array([0.25, NaN, 1.5, 0, -3.75, NaN, 1e11, 2]);
    await db.insertColumns('t', [
      { name: 'i', type: 'int32', values: names.map((_, i) => i) },
      { name: 'name', type: 'utf8', values: names },
      { name: 'n', type: 'int32', values: counts },
      { name: 'm', type: 'float64', values: money },
    ]);
    await db.insertColumns('t', [
      { name: 'i', type: 'int32', values: [100] },
      { name: 'name', type: 'utf8', values: ['追加'] },
      { name: 'n', type: 'int32', values: new Float64Array([5]) },
      { name: 'm', type: 'float64', values: new Float64Array([NaN]) },
    ], true);
    const rows = await db.query<{ i: number; name: string | null; n: number | null; m: number | null }>('SELECT * FROM t ORDER BY i');
    expect(rows).toEqual([
      ...names.map((name, i) => ({ i, name, n: Number.isNaN(counts[i]) ? null : counts[i], m: Number.isNaN(money[i]) ? null : money[i] })),
      { i: 100, name: '追加', n: 5, m: null },
    ]);
  });

  it('round-trip ISO dates as DuckDB dates, nulls kept', async () => {
    const db = await freshDb();
    const dates = ['2024-01-31', null, '1970-01-01', '1969-12-31', '2000-02-29', '2099-12-31'];
    await db.insertColumns('d', [{ name: 'i', type: 'int32', values: dates.map((_, i) => i) }, { name: 'd', type: 'date', values: dates }]);
    expect(await db.query(`SELECT typeof(d) AS t FROM d LIMIT 1`)).toEqual([{ t: 'DATE' }]);
    expect((await db.query<{ d: string | null }>(`SELECT strftime(d, '%Y-%m-%d') AS d FROM d ORDER BY i`)).map((r) => r.d)).toEqual(dates);
  });
});
