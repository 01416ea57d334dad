// The first screen's results, computed at build time: the bundled demo loaded into DuckDB-WASM
// (the same version as the browser's, in Node) through the app's own validation and load path,
// then the overview's queries run on it. Prints {"results": {sql: rows}} as JSON. The app answers
// those queries with these results only while its data is this demo alone and DuckDB is still
// starting (src/lib/state/store.ts); a browser test checks they equal DuckDB's own answers.
import { readFileSync } from 'node:fs';
import { openNodeDb } from '../../src/lib/db/node';
import { applyImport, createSchema } from '../../src/lib/db/load';
import { DEMO_FILE_NAMES, prepareDemoFiles } from '../../src/lib/ingest/demo';
import { overviewQueries } from '../../src/views/overview/overviewQueries';

export async function firstScreenResults(root = '.'): Promise<Record<string, unknown[]>> {
  const db = await openNodeDb();
  await createSchema(db);
  const files = DEMO_FILE_NAMES.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${root}/${name}`)) }));
  for (const imp of prepareDemoFiles(files, 'en')) await applyImport(db, imp, undefined, true);
  const results: Record<string, unknown[]> = {};
  for (const sql of Object.values(overviewQueries())) results[sql] = await db.query(sql);
  return results;
}

if (process.argv[1]?.endsWith('firstScreen.ts')) {
  process.stdout.write(JSON.stringify({ results: await firstScreenResults(process.argv[2] ?? '.') }));
}
