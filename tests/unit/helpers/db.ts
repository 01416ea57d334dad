import { openNodeDb } from '../../../src/lib/db/node';
import { createSchema, applyImport, readRegistry } from '../../../src/lib/db/load';
import { prepareCsv } from '../../../src/lib/ingest/prepare';
import type { DbAdapter } from '../../../src/lib/db/adapter';

export async function freshDb(): Promise<DbAdapter> {
  const db = await openNodeDb();
  await createSchema(db);
  return db;
}

/** Validate and load a CSV text the way the app does; throws with the problems on error. */
export async function loadCsv(db: DbAdapter, file: string, text: string, replace = true) {
  const prep = prepareCsv(file, new TextEncoder().encode(text), await readRegistry(db), { nowYear: 2025, replace });
  if (!prep.prepared) throw new Error(prep.problems.map((p) => `${p.line}:${p.column} ${p.message_en}`).join('\n'));
  return applyImport(db, prep.prepared);
}
