// A document's text kept with its import (table document_texts) and what is read from it
// (narrative_statements), written inside the import's transaction. They follow the reports that
// land: the texts of replaced agency-years go (a CSV import brings none), and texts of skipped
// (kept) agency-years are not added. Replayed imports run the same code, so what is read from a
// text is always the current reader's.
import { CELL_CODES } from '../format/cells';
import { emptyCells } from '../format/record';
import { readNarrative } from '../ingest/narrative/readNarrative';
import { ident, lit, type DbAdapter } from './adapter';
import { charShare } from '../ingest/narrative/similarity';
import type { PreparedImport } from './load';

export interface ReportText {
  agency_id: string;
  year: number;
  /** the file the text was read from */
  source: string;
  text: string;
}

export async function replaceReportTexts(db: DbAdapter, imp: PreparedImport, incoming: string): Promise<void> {
  for (const t of ['document_texts', 'narrative_statements']) {
    await db.query(`DELETE FROM ${t} s WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.agency_id = s.agency_id AND i.year = s.year)`);
  }
  const texts = imp.reportTexts ?? [];
  if (!texts.length) return;
  // the cells as staged for this import (a replayed import's records hold packed cells only)
  const key = (a: string, y: number) => `${a}|${y}`;
  const wanted = texts.map((t) => lit(key(t.agency_id, t.year))).join(', ');
  const staged = await db.query<Record<string, number | string | null>>(
    `SELECT agency_id, year::INTEGER AS year, ${CELL_CODES.map((c) => ident(c)).join(', ')} FROM ${incoming} WHERE agency_id || '|' || year IN (${wanted})`);
  const cellsOf = new Map(staged.map((r) => [key(String(r.agency_id), Number(r.year)), r]));
  const facts = texts.map((t) => {
    const raw = cellsOf.get(key(t.agency_id, t.year));
    const cells = emptyCells();
    if (raw) for (const c of CELL_CODES) cells[c] = raw[c] == null ? null : Number(raw[c]);
    return readNarrative(t.text, t.year, cells);
  });
  const name = `${incoming}_texts`;
  await db.insertColumns(name, [
    { name: 'agency_id', type: 'utf8', values: texts.map((t) => t.agency_id) },
    { name: 'year', type: 'int32', values: texts.map((t) => t.year) },
    { name: 'source', type: 'utf8', values: texts.map((t) => t.source) },
    { name: 'text', type: 'utf8', values: texts.map((t) => t.text) },
    { name: 'sections', type: 'utf8', values: facts.map((f) => f.sections.join(',')) },
    { name: 'fee_yuan', type: 'float64', values: facts.map((f) => f.fee?.yuan ?? null) },
    { name: 'fee_quote', type: 'utf8', values: facts.map((f) => f.fee?.quote ?? null) },
    { name: 'fee_line', type: 'int32', values: facts.map((f) => f.fee?.line ?? null) },
    { name: 'section5', type: 'utf8', values: facts.map((f) => f.section5) },
    { name: 'section5_norm', type: 'utf8', values: facts.map((f) => f.section5Norm) },
  ]);
  await db.query(`INSERT INTO document_texts SELECT s.agency_id, s.year, s.source, s.text,
    CASE WHEN s.sections = '' THEN []::VARCHAR[] ELSE string_split(s.sections, ',') END, s.fee_yuan, s.fee_quote, s.fee_line,
    s.section5, s.section5_norm, NULL
  FROM ${name} s JOIN ${incoming} i USING (agency_id, year)`);
  await db.query(`DROP TABLE ${name}`);
  await updateCopyShares(db, incoming);
  const rows = texts.flatMap((t, k) => facts[k].checks.map((c) => ({ t, c })));
  if (!rows.length) return;
  const st = `${incoming}_stmts`;
  await db.insertColumns(st, [
    { name: 'agency_id', type: 'utf8', values: rows.map((r) => r.t.agency_id) },
    { name: 'year', type: 'int32', values: rows.map((r) => r.t.year) },
    { name: 'quote', type: 'utf8', values: rows.map((r) => r.c.quote) },
    { name: 'line', type: 'int32', values: rows.map((r) => r.c.line) },
    { name: 'value', type: 'float64', values: rows.map((r) => r.c.value) },
    { name: 'topic', type: 'utf8', values: rows.map((r) => r.c.topic) },
    { name: 'cells', type: 'utf8', values: rows.map((r) => r.c.cells.join(',')) },
    { name: 'table_value', type: 'float64', values: rows.map((r) => r.c.table_value) },
    { name: 'basis', type: 'utf8', values: rows.map((r) => r.c.basis) },
    { name: 'status', type: 'utf8', values: rows.map((r) => r.c.status) },
  ]);
  await db.query(`INSERT INTO narrative_statements SELECT s.agency_id, s.year, s.quote, s.line, s.value, s.topic,
    string_split(s.cells, ','), s.table_value, s.basis, s.status
  FROM ${st} s JOIN ${incoming} i USING (agency_id, year)`);
  await db.query(`DROP TABLE ${st}`);
}

/** Section 五 against the same agency's previous year, for every pair an incoming agency-year is
 *  part of (as the later year or the earlier one). */
async function updateCopyShares(db: DbAdapter, incoming: string) {
  const pairs = await db.query<{ agency_id: string; year: number; cur: string | null; prev: string | null }>(
    `SELECT c.agency_id, c.year, c.section5_norm AS cur, p.section5_norm AS prev
  FROM document_texts c JOIN document_texts p ON p.agency_id = c.agency_id AND p.year = c.year - 1
  WHERE EXISTS (SELECT 1 FROM ${incoming} i WHERE i.agency_id = c.agency_id AND (i.year = c.year OR i.year = p.year))`);
  for (const p of pairs) {
    const share = p.cur != null && p.prev != null ? charShare(p.cur, p.prev) : null;
    await db.query(`UPDATE document_texts SET copy_share = ${share == null ? 'NULL' : share} WHERE agency_id = ${lit(p.agency_id)} AND year = ${Number(p.year)}`);
  }
}
