// Loading validated data into DuckDB, all or nothing: one transaction per import. A failed
// import (bad SQL, a thrown persist step) rolls back and leaves the tables exactly as they were.
import Papa from 'papaparse';
import { CELLS, CELL_CODES } from '../format/cells';
import type { AgencyRow } from '../ingest/csv';
import type { RegistryEntry, ResolvedRecord } from '../ingest/resolve';
import { lit, type DbAdapter } from './adapter';
import { cellColumnType, schemaSql } from './schema';

export async function createSchema(db: DbAdapter): Promise<void> {
  for (const sql of schemaSql()) await db.query(sql);
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
}

export interface AppliedImport {
  importId: number;
  inserted: number;
  replaced: number;
  skipped: number;
}

let fileSeq = 0;

/** Apply one import in a single transaction. `beforeCommit` runs inside it (e.g. persisting the
 *  import); if it throws, everything is rolled back. */
export async function applyImport(
  db: DbAdapter, imp: PreparedImport, beforeCommit?: (importId: number) => Promise<void>,
): Promise<AppliedImport> {
  const [{ next }] = await db.query<{ next: number }>('SELECT (COALESCE(MAX(import_id), 0) + 1)::INTEGER AS next FROM imports');
  const csvName = `import_${next}_${++fileSeq}.csv`;
  if (imp.records.length) await db.registerFile(csvName, new TextEncoder().encode(recordsToCsv(imp.records, imp.file, next)));
  await db.query('BEGIN TRANSACTION');
  try {
    if (imp.agencies.length) {
      await db.query(`DELETE FROM agencies WHERE agency_id IN (${imp.agencies.map((a) => lit(a.agency_id)).join(', ')})`);
      await db.query(`INSERT INTO agencies VALUES ${imp.agencies.map((a) => agencyValues(a, next)).join(',\n')}`);
    }
    let replaced = 0;
    let skipped = 0;
    if (imp.records.length) {
      await db.query(`CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM ${readCsvSql(csvName)}`);
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
  } finally {
    if (imp.records.length) await db.dropFile(csvName);
  }
}

function listLit(xs: string[]): string {
  return xs.length ? `[${xs.map(lit).join(', ')}]` : '[]::VARCHAR[]';
}

function agencyValues(a: AgencyRow, importId: number): string {
  return `(${[a.agency_id, a.name, a.level, a.parent_id, a.category].map(lit).join(', ')}, ${a.is_aggregate}, ${listLit(a.aliases)}, ${importId})`;
}

const META = ['agency_id', 'year', 'reported_name', 'published_on', 'source', 'import_id'] as const;

/** Records → a normalised CSV DuckDB reads in one pass (faster than row inserts). */
export function recordsToCsv(records: ResolvedRecord[], source: string, importId: number): string {
  const rows = records.map((r) => [
    r.agency_id, r.year, r.agency, r.published_on ?? '', source, importId, ...CELL_CODES.map((c) => r.cells[c] ?? ''),
  ]);
  return Papa.unparse({ fields: [...META, ...CELL_CODES], data: rows }, { newline: '\n' });
}

function readCsvSql(name: string): string {
  const types: string[] = [
    `'agency_id': 'VARCHAR'`, `'year': 'INTEGER'`, `'reported_name': 'VARCHAR'`, `'published_on': 'DATE'`,
    `'source': 'VARCHAR'`, `'import_id': 'INTEGER'`,
    ...CELLS.map((c) => `${lit(c.code)}: '${cellColumnType(c.code)}'`),
  ];
  return `read_csv(${lit(name)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `nullstr = '', columns = {${types.join(', ')}})`;
}

