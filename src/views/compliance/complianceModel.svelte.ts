// State of the compliance view: every rule's flags over the loaded data, the supervisor's
// reviews (IndexedDB), and the report form of the selected flag.
import { getDb } from '../../lib/db/duckdb';
import { ident, lit } from '../../lib/db/adapter';
import { CELL_CODES } from '../../lib/format/cells';
import { confirmFlag, listReviews, reopenFlag, type Review } from '../../lib/db/reviews';
import { runAllRules, type Flag } from '../../lib/rules/rules';

export type ReportCells = Record<string, number | null> & { published_on: string | null; reported_name: string | null };

export class ComplianceModel {
  flags = $state<Flag[]>([]);
  reviews = $state<ReadonlyMap<string, Review>>(new Map());
  years = $state<number[]>([]);
  levels = $state<string[]>([]);
  error = $state<string | null>(null);
  reviewError = $state<string | null>(null);
  /** the selected flag's report: undefined while loading, null when there is none */
  report = $state<ReportCells | null | undefined>(undefined);

  confirmed = $derived(new Set(this.reviews.keys()));

  async load() {
    try {
      const db = await getDb();
      const [flags, years, levels] = await Promise.all([
        runAllRules(db),
        db.query<{ year: number }>('SELECT DISTINCT year::INTEGER AS year FROM reports ORDER BY year'),
        db.query<{ level: string }>('SELECT DISTINCT level FROM agencies WHERE level IS NOT NULL ORDER BY level'),
      ]);
      this.flags = flags;
      this.years = years.map((r) => r.year);
      this.levels = levels.map((r) => r.level);
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
    try {
      this.reviews = await listReviews();
    } catch (e) {
      // the checks still work without storage (private windows may refuse IndexedDB)
      this.reviewError = e instanceof Error ? e.message : String(e);
    }
  }

  #reportSeq = 0;

  async loadReport(agencyId: string, year: number) {
    const seq = ++this.#reportSeq;
    this.report = undefined;
    const db = await getDb();
    const cols = ['reported_name', `strftime(published_on, '%Y-%m-%d') AS published_on`, ...CELL_CODES.map(ident)].join(', ');
    const rows = await db.query<ReportCells>(`SELECT ${cols} FROM reports WHERE agency_id = ${lit(agencyId)} AND year = ${lit(year)}`);
    if (seq === this.#reportSeq) this.report = rows[0] ?? null;
  }

  async confirm(key: string, note: string) {
    const r = await confirmFlag(key, note);
    this.reviews = new Map(this.reviews).set(key, r);
  }

  async reopen(key: string) {
    await reopenFlag(key);
    const next = new Map(this.reviews);
    next.delete(key);
    this.reviews = next;
  }
}
