// State of the agency page's report-text panel: the kept text of the agency-year shown (none for
// a report imported from table data), the sections found, the fee stated, and the narrative's
// statements with their comparison.
import { getDb } from '../../lib/db/duckdb';
import { narrativeStatementsSql, reportTextSql } from '../../lib/sql/reportTexts';

export interface KeptText {
  source: string; text: string; sections: string[]; fee_yuan: number | null; fee_quote: string | null; fee_line: number | null; copy_share: number | null;
}
export interface StatementRow {
  quote: string; line: number; value: number; topic: string; cells: string[]; table_value: number | null; basis: string | null;
  status: 'agrees' | 'mismatch' | 'not_checkable';
}

export class ReportTextModel {
  text = $state<KeptText | null>(null);
  statements = $state<StatementRow[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  #seq = 0;

  async load(id: string, year: number) {
    const seq = ++this.#seq;
    try {
      const db = await getDb();
      const [t, s] = await Promise.all([db.query<KeptText>(reportTextSql(id, year)), db.query<StatementRow>(narrativeStatementsSql(id, year))]);
      if (seq !== this.#seq) return;
      this.text = t[0] ? { ...t[0], fee_yuan: t[0].fee_yuan == null ? null : Number(t[0].fee_yuan) } : null;
      this.statements = s.map((r) => ({ ...r, line: Number(r.line), value: Number(r.value), table_value: r.table_value == null ? null : Number(r.table_value) }));
      this.error = null;
    } catch (e) {
      if (seq === this.#seq) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (seq === this.#seq) this.loaded = true;
    }
  }
}
