// Loading validated data into DuckDB, all or nothing: one transaction per import. A failed
// import (bad SQL, a thrown persist step) rolls back and leaves the tables exactly as they were.
import { CELLS, CELL_CODES, allowsFraction } from '../format/cells';
import type { AgencyRow } from '../ingest/csv';
import type { LearnedAlias, RegistryEntry, ResolvedRecord } from '../ingest/resolve';
import { replaceCellFaults } from './cellFaults';
import { lit, type DbAdapter } from './adapter';
import type { Column } from './arrow';
import type { CellChunk, PackedCells } from '../ingest/packedCells';
import { catalogueColumns, schemaSql } from './schema';
import { PART_MIN_ROWS, REPORT_ROWS, partName, refreshReportsView, reportTables } from './reportParts';
import { replaceReportTexts, type ReportText } from './reportTexts';

export async function createSchema(db: DbAdapter): Promise<void> {
  for (const sql of schemaSql()) await db.query(sql);
  await db.query('DROP TABLE IF EXISTS cells');
  await db.insertColumns('cells', catalogueColumns());
}

export async function readRegistry(db: DbAdapter): Promise<RegistryEntry[]> {
  const rows = await db.query<{ agency_id: string; name: string; aliases: string[] | null; parent_id: string | null; level: string | null; is_aggregate: boolean }>(
    'SELECT agency_id, name, aliases, parent_id, level, is_aggregate FROM agencies',
  );
  return rows.map((r) => ({ agency_id: r.agency_id, name: r.name, aliases: r.aliases ?? [], parent_id: r.parent_id, level: r.level, is_aggregate: !!r.is_aggregate }));
}

/** What one import changes, ready to apply (and to store for replay after a reload). */
/** The import time as SQL: the data's own time when it has one (a checked literal), else now. */
function importedAtSql(imp: { importedAt?: string }): string {
  return imp.importedAt && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(imp.importedAt) ? `TIMESTAMP '${imp.importedAt}'` : 'now()::TIMESTAMP';
}

export interface PreparedImport {
  file: string;
  kind: string;
  /** registry rows to insert or replace (a registry file, or agencies new to the registry) */
  agencies: AgencyRow[];
  /** names accepted in the review as agencies already in the registry: added to their aliases */
  learnedAliases?: LearnedAlias[];
  /** agencies the import adds to the registry, listed in its summary */
  newAgencies: { agency_id: string; name: string }[];
  records: ResolvedRecord[];
  /** the records' cells in typed arrays, row for row (a big CSV; records then hold PACKED_CELLS) */
  packedCells?: PackedCells;
  /** the rows already in DuckDB (CellStaging: agency_id, year, reported_name, published_on and
   *  the cells), staged while the file was still being read. Never stored. */
  stagedCells?: { table: string; rows: number };
  /** replace agency-years already loaded (true) or keep them and skip the file's rows (false) */
  replace: boolean;
  /** when the data was made, 'YYYY-MM-DD HH:MM:SS' (UTC), for data that was not imported by the
   *  user (the bundled demo: the app's build time); otherwise the import's own time */
  importedAt?: string;
  /** per-cell provenance of figures read from documents */
  cellSources?: CellSource[];
  /** the text of each document read (reportTexts.ts); a CSV or workbook has none */
  reportTexts?: ReportText[];
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
    if (imp.agencies.length) await stageAgencies(db, `${staging}_agencies`, imp.agencies, next, intoEmpty);
    if (imp.learnedAliases?.length) await addAliases(db, imp.learnedAliases);
    let replaced = 0;
    let skipped = 0;
    if (imp.records.length) {
      // The rows in a table: staged while a big CSV was read (CellStaging: cells and their rows'
      // agencies), or staged now through Arrow inside this transaction (a rollback removes it).
      const staged = imp.stagedCells;
      if (staged && staged.rows !== imp.records.length) throw new Error(`internal: ${staged.rows} staged rows for ${imp.records.length} records`);
      const incoming = staged ? staged.table : staging;
      if (!staged) await stageRecords(db, staging, imp, next);
      if (!intoEmpty) {
        const [{ n }] = await db.query<{ n: number }>(
          `SELECT COUNT(*)::INTEGER AS n FROM ${incoming} i JOIN reports r USING (agency_id, year)`,
        );
        if (imp.replace) {
          replaced = n;
          if (n) {
            for (const t of await reportTables(db)) {
              await db.query(`DELETE FROM ${t} r WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.agency_id = r.agency_id AND i.year = r.year)`);
            }
          }
        } else {
          skipped = n;
          if (n) await db.query(`DELETE FROM ${incoming} i WHERE EXISTS (SELECT 1 FROM reports r WHERE i.agency_id = r.agency_id AND i.year = r.year)`);
        }
      }
      if (!intoEmpty || imp.cellSources?.length) await replaceCellSources(db, imp.cellSources ?? [], incoming);
      await replaceCellFaults(db, imp.records, incoming, intoEmpty);
      if (!intoEmpty || imp.reportTexts?.length) await replaceReportTexts(db, imp, incoming);
      if (imp.records.length >= PART_MIN_ROWS && imp.records.every((r) => !r.source || r.source === imp.file)) {
        // a table of its own: the staged one as it is, or one created in this transaction (COMMIT
        // hands either over without copying its rows into another table)
        const part = partName(next);
        if (staged) await db.query(`ALTER TABLE ${incoming} RENAME TO ${part}`);
        else await db.query(`CREATE TABLE ${part} AS SELECT * EXCLUDE (source, import_id) REPLACE (published_on::DATE AS published_on) FROM ${incoming}`);
        await db.query(`INSERT INTO report_parts VALUES (${lit(part)}, ${next}, ${lit(imp.file)}, ${importedAtSql(imp)})`);
        await refreshReportsView(db);
      } else {
        const select = staged
          ? `SELECT *, ${lit(imp.file)} AS source, ${next} AS import_id, ${importedAtSql(imp)} AS imported_at FROM ${incoming}`
          : `SELECT * REPLACE (published_on::DATE AS published_on), ${importedAtSql(imp)} AS imported_at FROM ${incoming}`;
        await db.query(`INSERT INTO ${REPORT_ROWS} BY NAME ${select}`);
      }
      if (!staged) await db.query(`DROP TABLE ${staging}`);
    }
    const inserted = imp.records.length - skipped;
    await db.query(
      `INSERT INTO imports VALUES (${next}, ${lit(imp.file)}, ${lit(imp.kind)}, ${inserted}, 'ok', NULL, ` +
        `${listLit(imp.newAgencies.map((a) => a.agency_id))}, now()::TIMESTAMP)`,
    );
    if (beforeCommit) await beforeCommit(next);
    await db.query('COMMIT');
    performance.mark('dd:committed');
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
  let k = 0;
  for (const cols of stagingBatches(imp, importId)) await db.insertColumns(staging, cols, k++ > 0);
}

/** Arrow batches of the import's rows, built one at a time: a packed import's chunks (each cell
 *  column already one typed array), or records STAGE_ROWS at a time. */
function* stagingBatches(imp: PreparedImport, importId: number): Generator<Column[]> {
  const packed = imp.packedCells;
  if (!packed) {
    for (let i = 0; i < imp.records.length; i += STAGE_ROWS) yield recordColumns(imp.records.slice(i, i + STAGE_ROWS), imp.file, importId);
    return;
  }
  let at = 0;
  for (const ch of packed.chunks) {
    yield [...metaColumns(imp.records.slice(at, at + ch.rows), imp.file, importId), ...packed.codes.map((code, j): Column => ({
      name: code, type: allowsFraction(code) ? 'float64' : 'int32', values: ch.cells.subarray(j * ch.rows, (j + 1) * ch.rows),
    }))];
    at += ch.rows;
  }
}

/** Cells staged into DuckDB chunk by chunk while a big file is still being read (the CSV worker
 *  sends each chunk as it fills), so loading overlaps reading; applyImport then joins them to the
 *  rows' metadata. Outside any transaction: nothing reaches the reports until the import commits,
 *  and the table is dropped whatever happens. */
export class CellStaging {
  readonly table = `staged_cells_${++stagingSeq}`;
  rows = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  constructor(private db: DbAdapter) {}

  add(chunk: CellChunk) {
    const first = this.rows === 0;
    const cols = cellChunkColumns(chunk);
    this.rows += chunk.rows;
    this.chain = this.chain.then(() => this.db.insertColumns(this.table, cols, !first)).catch((e) => { this.failure ??= e; });
  }

  /** The file is read again from its start: what was staged so far goes. */
  restart() {
    this.rows = 0;
    this.chain = this.chain.then(async () => void (await this.db.query(`DROP TABLE IF EXISTS ${this.table}`))).catch((e) => { this.failure ??= e; });
  }

  /** Waits for every chunk to be in; the staged table, or null when nothing was staged. */
  async finish(): Promise<{ table: string; rows: number } | null> {
    await this.chain;
    if (this.failure) throw this.failure;
    return this.rows ? { table: this.table, rows: this.rows } : null;
  }

  async drop() {
    await this.chain;
    await this.db.query(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

/** A staged chunk: its rows' report columns, then the cells (the columns of a report table but
 *  for source, import_id and imported_at, which its import gives). */
function cellChunkColumns(chunk: CellChunk): Column[] {
  const m = chunk.meta;
  if (!m || m.agency_id.length !== chunk.rows) throw new Error('internal: a staged chunk without its rows\' agencies');
  return [
    { name: 'agency_id', type: 'utf8', values: m.agency_id },
    { name: 'year', type: 'int32', values: m.year },
    { name: 'reported_name', type: 'utf8', values: m.reported_name },
    { name: 'published_on', type: 'date', values: m.published_on },
    ...CELL_CODES.map((code, j): Column => ({
      name: code, type: allowsFraction(code) ? 'float64' : 'int32', values: chunk.cells.subarray(j * chunk.rows, (j + 1) * chunk.rows),
    })),
  ];
}

/** Provenance follows the reports that landed: old sources of replaced agency-years go, and
 *  sources of skipped (kept) agency-years are not added. */
async function replaceCellSources(db: DbAdapter, sources: CellSource[], staging: string) {
  await db.query(`DELETE FROM cell_sources s WHERE EXISTS (SELECT 1 FROM ${staging} i WHERE i.agency_id = s.agency_id AND i.year = s.year)`);
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
  await db.query(`INSERT INTO cell_sources SELECT s.* FROM ${name} s JOIN ${staging} i USING (agency_id, year)`);
  await db.query(`DROP TABLE ${name}`);
}

function listLit(xs: string[]): string {
  return xs.length ? `[${xs.map(lit).join(', ')}]` : '[]::VARCHAR[]';
}

/** Registry rows through Arrow (16,700 rows as one VALUES list, and their ids in an IN list,
 *  took ~2 s); aliases travel joined by the unit separator, which no name contains. */
async function stageAgencies(db: DbAdapter, name: string, rows: AgencyRow[], importId: number, intoEmpty: boolean) {
  await db.insertColumns(name, [
    { name: 'agency_id', type: 'utf8', values: rows.map((a) => a.agency_id) },
    { name: 'name', type: 'utf8', values: rows.map((a) => a.name) },
    { name: 'level', type: 'utf8', values: rows.map((a) => a.level) },
    { name: 'parent_id', type: 'utf8', values: rows.map((a) => a.parent_id) },
    { name: 'category', type: 'utf8', values: rows.map((a) => a.category) },
    { name: 'is_aggregate', type: 'int32', values: rows.map((a) => (a.is_aggregate ? 1 : 0)) },
    { name: 'aliases', type: 'utf8', values: rows.map((a) => a.aliases.join(ALIAS_SEP)) },
    { name: 'active_from', type: 'int32', values: rows.map((a) => a.active_from ?? null) },
    { name: 'active_to', type: 'int32', values: rows.map((a) => a.active_to ?? null) },
  ]);
  if (!intoEmpty) await db.query(`DELETE FROM agencies WHERE agency_id IN (SELECT agency_id FROM ${name})`);
  await db.query(`INSERT INTO agencies SELECT agency_id, name, level, parent_id, category, is_aggregate <> 0,
    CASE WHEN aliases = '' THEN []::VARCHAR[] ELSE string_split(aliases, chr(31)) END, ${importId}, active_from, active_to FROM ${name}`);
  await db.query(`DROP TABLE ${name}`);
}
const ALIAS_SEP = '\u001f';

/** A name accepted in the review joins its agency's aliases (unless it is already its name or one). */
async function addAliases(db: DbAdapter, learned: LearnedAlias[]) {
  for (const { agency_id, alias } of learned) {
    await db.query(`UPDATE agencies SET aliases = list_append(coalesce(aliases, []::VARCHAR[]), ${lit(alias)})
      WHERE agency_id = ${lit(agency_id)} AND name <> ${lit(alias)} AND NOT list_contains(coalesce(aliases, []::VARCHAR[]), ${lit(alias)})`);
  }
}

/** Records → typed columns for the staging table (blank stays null). */
export function recordColumns(records: ResolvedRecord[], source: string, importId: number): Column[] {
  return [
    ...metaColumns(records, source, importId),
    ...CELLS.map((c): Column => ({
      name: c.code, type: allowsFraction(c.code) ? 'float64' : 'int32', values: records.map((r) => r.cells[c.code]),
    })),
  ];
}

function metaColumns(records: ResolvedRecord[], source: string, importId: number): Column[] {
  return [
    { name: 'agency_id', type: 'utf8', values: records.map((r) => r.agency_id) },
    { name: 'year', type: 'int32', values: records.map((r) => r.year) },
    { name: 'reported_name', type: 'utf8', values: records.map((r) => r.agency) },
    { name: 'published_on', type: 'utf8', values: records.map((r) => r.published_on ?? null) },
    { name: 'source', type: 'utf8', values: records.map((r) => r.source ?? source) },
    { name: 'import_id', type: 'int32', values: records.map(() => importId) },
  ];
}
