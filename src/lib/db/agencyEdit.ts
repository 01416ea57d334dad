// Edits of the agency registry (create, change fields, merge two agencies) as SQL. Pure: an edit
// in, statements out, run by the caller inside one transaction together with the log write, and
// run again on replay. An edit carries every value it sets (a merge its resulting alias list), so
// replaying it gives exactly what it gave when it was made.
import { lit } from './adapter';
import type { AgencyRow } from '../ingest/csv';

/** An agency's fields as the registry CSV has them (active_from/active_to where the table has them). */
export type AgencyFields = Omit<AgencyRow, 'agency_id' | 'line'>;

export type AgencyEdit =
  | { kind: 'create'; row: AgencyFields & { agency_id: string } }
  | { kind: 'update'; agency_id: string; fields: Partial<AgencyFields> }
  /** `from` becomes an alias of `into` and its reports move there. Where both have a report for
   *  a year, `keep` says whose stays (null: there is no such year). `aliases`: into's aliases after. */
  | { kind: 'merge'; from: string; into: string; keep: 'from' | 'into' | null; aliases: string[] };

const aliasList = (xs: readonly string[]) => (xs.length ? `[${xs.map(lit).join(', ')}]` : '[]::VARCHAR[]');

function setClause(f: Partial<AgencyFields>): string[] {
  const out: string[] = [];
  if (f.name !== undefined) out.push(`name = ${lit(f.name)}`);
  if (f.level !== undefined) out.push(`level = ${lit(f.level)}`);
  if (f.parent_id !== undefined) out.push(`parent_id = ${lit(f.parent_id)}`);
  if (f.category !== undefined) out.push(`category = ${lit(f.category)}`);
  if (f.is_aggregate !== undefined) out.push(`is_aggregate = ${f.is_aggregate ? 'true' : 'false'}`);
  if (f.aliases !== undefined) out.push(`aliases = ${aliasList(f.aliases)}`);
  if (f.active_from !== undefined) out.push(`active_from = ${lit(f.active_from)}`);
  if (f.active_to !== undefined) out.push(`active_to = ${lit(f.active_to)}`);
  return out;
}

/** The statements of one edit; `reportTables`: every table holding reports (reportParts.ts). */
export function agencyEditSql(edit: AgencyEdit, reportTables: readonly string[]): string[] {
  if (edit.kind === 'create') {
    const r = edit.row;
    const active = r.active_from !== undefined || r.active_to !== undefined;
    return [`INSERT INTO agencies (agency_id, name, level, parent_id, category, is_aggregate, aliases${active ? ', active_from, active_to' : ''}) VALUES (` +
      `${lit(r.agency_id)}, ${lit(r.name)}, ${lit(r.level)}, ${lit(r.parent_id)}, ${lit(r.category)}, ${r.is_aggregate ? 'true' : 'false'}, ${aliasList(r.aliases)}` +
      `${active ? `, ${lit(r.active_from ?? null)}, ${lit(r.active_to ?? null)}` : ''})`];
  }
  if (edit.kind === 'update') {
    const set = setClause(edit.fields);
    return set.length ? [`UPDATE agencies SET ${set.join(', ')} WHERE agency_id = ${lit(edit.agency_id)}`] : [];
  }
  const from = lit(edit.from);
  const into = lit(edit.into);
  // the reports that give way where both reported a year: the other side's years, read from the
  // side that stays (its rows are not touched by the delete, so the subquery is stable)
  const [lose, win] = edit.keep === 'from' ? [into, from] : [from, into];
  const clash = `agency_id = ${lose} AND year IN (SELECT year FROM reports WHERE agency_id = ${win})`;
  return [
    `DELETE FROM cell_sources WHERE ${clash}`,
    ...reportTables.map((t) => `DELETE FROM ${t} WHERE ${clash}`),
    ...reportTables.map((t) => `UPDATE ${t} SET agency_id = ${into} WHERE agency_id = ${from}`),
    `UPDATE cell_sources SET agency_id = ${into} WHERE agency_id = ${from}`,
    // `into` under `from` takes from's place; from's other members go under into
    `UPDATE agencies SET parent_id = (SELECT parent_id FROM agencies WHERE agency_id = ${from}) WHERE agency_id = ${into} AND parent_id = ${from}`,
    `UPDATE agencies SET parent_id = ${into} WHERE parent_id = ${from}`,
    `UPDATE agencies SET aliases = ${aliasList(edit.aliases)} WHERE agency_id = ${into}`,
    `DELETE FROM agencies WHERE agency_id = ${from}`,
  ];
}
