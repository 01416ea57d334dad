// Loading validated data into DuckDB, all or nothing: one transaction per import. A failed
// import (bad SQL, a thrown persist step) rolls back and leaves the tables exactly as they were.
import { CELLS, allowsFraction } from '../format/cells';
import type { AgencyRow } from '../ingest/csv';
import type { RegistryEntry, ResolvedRecord } from '../ingest/resolve';
import { lit, type DbAdapter } from './adapter';
import type { Column } from './arrow';
import { catalogueColumns, schemaSql } from './schema';

export async function createSchema(db: DbAdapter): Promise<void> {
  for (const sql of schemaSql()) await db.query(sql);
  await db.query('DROP TABLE IF EXISTS cells');
  await db.insertColumns('cells', catalogueColumns());
}

export async function readRegistry(db: DbAdapter): Promise<RegistryEntry[]> {
  const rows = await db.query<{ agency_id: string; name: string; aliases: string[] | null }>(
    'SELECT agency_id, name, aliases FROM agencies',
  );
  return rows.map((r) => ({ agency_id: r.agency_id, name: r.name, aliases: r.aliases ?? [] }));
}

/** What one import changes, ready to apply (and to store for replay after a reload). */
export interface PreparedImport {
  file: string;
  kind: string;
  /** registry rows to insert or replace (a registry file, or agencies new to the registry) */
  agencies: AgencyRow[];
  /** agencies the import adds to the registry, listed in its summary */
  newAgencies: { agency_id: string; name: string }[];
  records: ResolvedRecord[];
  /** replace agency-years already loaded (true) or keep them and skip the file's rows (false) */
  replace: boolean;
  /** per-cell provenance of figures read from documents */
  cellSources?: CellSource[];
}

export interface CellSource {
  agency_id: string;
  year: number;
  code: string;
  file: string;
  page: number | null;
  line: number | null;
}

export interface AppliedImport {
  importId: number;
  inserted: number;
  replaced: number;
  skipped: number;
}

let stagingSeq = 0;

/** Apply one import in a single transaction. `beforeCommit` runs inside it (e.g. persisting the
 *  import); if it throws, everything is rolled back. `intoEmpty` (the bundled demo at start-up,
 *  loaded into tables just created) skips the conflict checks: nothing can clash, and each of those
 *  statements costs 20–40 ms the first time DuckDB-WASM runs it (code compiled on first use). */
export async function applyImport(
  db: DbAdapter, imp: PreparedImport, beforeCommit?: (importId: number) => Promise<void>, intoEmpty = false,
): Promise<AppliedImport> {
  const [{ next }] = await db.query<{ next: number }>('SELECT (COALESCE(MAX(import_id), 0) + 1)::INTEGER AS next FROM imports');
  const staging = `incoming_${next}_${++stagingSeq}`;
  await db.query('BEGIN TRANSACTION');
  try {
    if (imp.agencies.length) {
      if (!intoEmpty) await db.query(`DELETE FROM agencies WHERE agency_id IN (${imp.agencies.map((a) => lit(a.agency_id)).join(', ')})`);
      await db.query(`INSERT INTO agencies VALUES ${imp.agencies.map((a) => agencyValues(a, next)).join(',\n')}`);
    }
    let replaced = 0;
    let skipped = 0;
    if (imp.records.length && intoEmpty && !imp.cellSources?.length) {
      await stageRecords(db, staging, imp, next);
      await db.query(`INSERT INTO reports BY NAME SELECT * REPLACE (published_on::DATE AS published_on), now()::TIMESTAMP AS imported_at FROM ${staging}`);
      await db.query(`DROP TABLE ${staging}`);
    } else if (imp.records.length) {
      // Staged through Arrow inside the transaction, so a rollback removes it too.
      await stageRecords(db, staging, imp, next);
      await db.query(`CREATE TEMP TABLE incoming AS SELECT * REPLACE (published_on::DATE AS published_on) FROM ${staging}`);
      await db.query(`DROP TABLE ${staging}`);
      const [{ n }] = await db.query<{ n: number }>(
        'SELECT COUNT(*)::INTEGER AS n FROM incoming i JOIN reports r USING (agency_id, year)',
      );
      if (imp.replace) {
        replaced = n;
        await db.query('DELETE FROM reports r WHERE EXISTS (SELECT 1 FROM incoming i WHERE i.agency_id = r.agency_id AND i.year = r.year)');
      } else {
        skipped = n;
        await db.query('DELETE FROM incoming i WHERE EXISTS (SELECT 1 FROM reports r WHERE i.agency_id = r.agency_id AND i.year = r.year)');
      }
      await db.query(`INSERT INTO reports BY NAME SELECT *, now()::TIMESTAMP AS imported_at FROM incoming`);
      await replaceCellSources(db, imp.cellSources ?? [], staging);
      await db.query('DROP TABLE incoming');
    }
    const inserted = imp.records.length - skipped;
    await db.query(
      `INSERT INTO imports VALUES (${next}, ${lit(imp.file)}, ${lit(imp.kind)}, ${inserted}, 'ok', NULL, ` +
        `${listLit(imp.newAgencies.map((a) => a.agency_id))}, now()::TIMESTAMP)`,
    );
    if (beforeCommit) await beforeCommit(next);
    await db.query('COMMIT');
    return { importId: next, inserted, replaced, skipped };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}

/** Rows per Arrow batch: one batch of 80,000 agency-years × 206 columns failed inside DuckDB-WASM
 *  (rejected with null) and held the main thread for seconds while it was built. */
const STAGE_ROWS = 10_000;

async function stageRecords(db: DbAdapter, staging: string, imp: PreparedImport, importId: number) {
  for (let i = 0; i < imp.records.length; i += STAGE_ROWS) {
    const cols = recordColumns(imp.records.slice(i, i + STAGE_ROWS), imp.file, importId);
    if (i === 0) {
      await db.insertColumns(staging, cols);
      continue;
    }
    await db.insertColumns(`${staging}_part`, cols);
    await db.query(`INSERT INTO ${staging} SELECT * FROM ${staging}_part`);
    await db.query(`DROP TABLE ${staging}_part`);
  }
}

/** Provenance follows the reports that landed: old sources of replaced agency-years go, and
 *  sources of skipped (kept) agency-years are not added. */
async function replaceCellSources(db: DbAdapter, sources: CellSource[], staging: string) {
  await db.query('DELETE FROM cell_sources s WHERE EXISTS (SELECT 1 FROM incoming i WHERE i.agency_id = s.agency_id AND i.year = s.year)');
  if (!sources.length) return;
  const name = `${staging}_src`;
  await db.insertColumns(name, [
    { name: 'agency_id', type: 'utf8', values: sources.map((s) => s.agency_id) },
    { name: 'year', type: 'int32', values: sources.map((s) => s.year) },
    { name: 'code', type: 'utf8', values: sources.map((s) => s.code) },
    { name: 'file', type: 'utf8', values: sources.map((s) => s.file) },
    { name: 'page', type: 'int32', values: sources.map((s) => s.page) },
    { name: 'line', type: 'int32', values: sources.map((s) => s.line) },
  ]);
  await db.query(`INSERT INTO cell_sources SELECT s.* FROM ${name} s JOIN incoming i USING (agency_id, year)`);
  await db.query(`DROP TABLE ${name}`);
}

function listLit(xs: string[]): string {
  return xs.length ? `[${xs.map(lit).join(', ')}]` : '[]::VARCHAR[]';
}

function agencyValues(a: AgencyRow, importId: number): string {
  return `(${[a.agency_id, a.name, a.level, a.parent_id, a.category].map(lit).join(', ')}, ${a.is_aggregate}, ${listLit(a.aliases)}, ${importId})`;
}

/** Records → typed columns for the staging table (blank stays null). */
export function recordColumns(records: ResolvedRecord[], source: string, importId: number): Column[] {
  return [
    { name: 'agency_id', type: 'utf8', values: records.map((r) => r.agency_id) },
    { name: 'year', type: 'int32', values: records.map((r) => r.year) },
    { name: 'reported_name', type: 'utf8', values: records.map((r) => r.agency) },
    { name: 'published_on', type: 'utf8', values: records.map((r) => r.published_on ?? null) },
    { name: 'source', type: 'utf8', values: records.map((r) => r.source ?? source) },
    { name: 'import_id', type: 'int32', values: records.map(() => importId) },
    ...CELLS.map((c): Column => ({
      name: c.code, type: allowsFraction(c.code) ? 'float64' : 'int32', values: records.map((r) => r.cells[c.code]),
    })),
  ];
}
