// State of one agency's page: its registry entry, members, every report (all years, for the form,
// the change from last year and the trend), for an aggregate its members' sums by year, and the
// compliance rules' findings on the shown agency-year.
import { getDb } from '../../lib/db/duckdb';
import { agencyYearFlags } from '../../lib/analysis/agencyFlags';
import type { Flag } from '../../lib/rules/rules';
import { agencyInfoSql, agencyListSql, agencyReportsSql, cellSourcesSql, membersSql, membersSumSql } from '../../lib/sql/agency';

export type ReportRow = Record<string, number | null> & {
  year: number; source: string | null; imported_at: string | null; published_on: string | null; reported_name: string | null;
};
export interface AgencyInfo {
  agency_id: string; name: string; level: string | null; category: string | null; is_aggregate: boolean;
  aliases: string[] | null; parent_id: string | null; parent_name: string | null;
}
export interface Member { agency_id: string; name: string; level: string | null; is_aggregate: boolean }
export interface ListRow extends Member { category: string | null; reports: number }
export type SumRow = Record<string, number | null> & { year: number; member_reports: number };

export class AgencyModel {
  info = $state<AgencyInfo | null>(null);
  members = $state<Member[]>([]);
  reports = $state<ReportRow[]>([]);
  memberSums = $state<SumRow[]>([]);
  /** the year shown: the URL's if the agency reported that year, else its latest */
  year = $state<number | null>(null);
  flags = $state<Flag[]>([]);
  /** per cell, where a figure read from a document came from */
  sources = $state<{ code: string; file: string; page: number | null; line: number | null }[]>([]);
  /** the registry, when no agency is chosen */
  list = $state<ListRow[]>([]);
  error = $state<string | null>(null);
  #seq = 0;

  async load(id: string | null, wantYear: number | null): Promise<boolean> {
    const seq = ++this.#seq;
    try {
      const db = await getDb();
      if (!id) {
        const list = await db.query<ListRow>(agencyListSql());
        if (seq !== this.#seq) return false;
        Object.assign(this, { list, info: null, members: [], reports: [], memberSums: [], year: null, flags: [], sources: [], error: null });
        return true;
      }
      const [info, members, reports] = await Promise.all([
        db.query<AgencyInfo>(agencyInfoSql(id)),
        db.query<Member>(membersSql(id)),
        db.query<ReportRow>(agencyReportsSql(id)),
      ]);
      // only an aggregate report claims to equal its members' sum; a plain parent (the city government) does not
      const memberSums = info[0]?.is_aggregate ? await db.query<SumRow>(membersSumSql(id)) : [];
      const years = reports.map((r) => r.year);
      const year = wantYear != null && years.includes(wantYear) ? wantYear : (years.at(-1) ?? null);
      const flags = year != null ? await agencyYearFlags(db, id, year) : [];
      const sources = year != null ? await db.query<AgencyModel['sources'][number]>(cellSourcesSql(id, year)) : [];
      if (seq !== this.#seq) return false;
      Object.assign(this, { info: info[0] ?? null, members, reports, memberSums, year, flags, sources, list: [], error: null });
      return true;
    } catch (e) {
      if (seq !== this.#seq) return false;
      this.error = e instanceof Error ? e.message : String(e);
      return true;
    }
  }

  get years(): number[] {
    return this.reports.map((r) => r.year);
  }

  report(year: number | null): ReportRow | null {
    return this.reports.find((r) => r.year === year) ?? null;
  }

  sums(year: number | null): SumRow | null {
    return this.memberSums.find((r) => r.year === year) ?? null;
  }
}
