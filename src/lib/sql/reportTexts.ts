// One agency-year's kept text and what was read from it (pure SQL builders).
import { lit } from '../db/adapter';

export function reportTextSql(id: string, year: number): string {
  return `SELECT source, text, sections, fee_yuan, fee_quote, fee_line, copy_share FROM document_texts
WHERE agency_id = ${lit(id)} AND year = ${lit(year)} LIMIT 1`;
}

export function narrativeStatementsSql(id: string, year: number): string {
  return `SELECT quote, line, value, topic, cells, table_value, basis, status FROM narrative_statements
WHERE agency_id = ${lit(id)} AND year = ${lit(year)} ORDER BY line, topic`;
}
