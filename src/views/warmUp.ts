// After the first screen, while nothing else is asked of the database, every view's queries run
// once on the data loaded at start (the demo, or the restored imports) with the views' default
// filters. DuckDB-WASM compiles its code on first use: a query's first run in the browser took
// ~3–4× its next (the overview's totals at 100k agency-years: 222 ms, then 57 ms), a cost every
// view would otherwise pay on its first visit — after a big import, on the big data. The views'
// results are cached (a first visit on the default filters is immediate); the overview's, answered
// early from the build's results (store.ts), are run once on DuckDB itself. One query at a time,
// each after the connection has been idle a while; it stops at the first change of data, once.
// body[data-warm] says how it ended ("done" or "stopped"), for the benchmark.
import { getDb, whenIdle } from '../lib/db/duckdb';
import { app } from '../lib/state/app.svelte';
import { EMPTY_FILTERS } from '../lib/state/filters';
import { RULES } from '../lib/rules/rules';
import { SPARK_MEASURES, TrendsModel } from './trends/trendsModel.svelte';
import { RefusalsModel } from './refusals/refusalsModel.svelte';
import { CompareModel } from './compare/compareModel.svelte';
import { overviewQueries } from './overview/overviewQueries';

const QUIET_MS = 150;
let started = false;

export async function warmUp(): Promise<void> {
  if (started) return;
  started = true;
  const version = app.dataVersion;
  const query = async (sql: string, uncached = false) => (await getDb()).query(sql, { uncached });
  const steps: (() => Promise<unknown>)[] = [
    ...Object.values(overviewQueries()).map((sql) => () => query(sql, true)),
    () => new TrendsModel().load(EMPTY_FILTERS, SPARK_MEASURES[0]),
    () => new RefusalsModel().load(EMPTY_FILTERS),
    () => new CompareModel().load(EMPTY_FILTERS, []),
    ...RULES.map((r) => () => query(r.sql())),
  ];
  for (const step of steps) {
    await whenIdle(QUIET_MS);
    if (app.dataVersion !== version) {
      document.body.dataset.warm = 'stopped';
      return;
    }
    await step().catch(() => undefined);
  }
  document.body.dataset.warm = 'done';
}
