// SQL fragments the rule builders share. A check is an equation over cells; SQL's own NULL
// arithmetic makes any blank operand yield NULL, and `NULL <> x` is not true, so a blank skips
// that check ("not checkable") — never a pass, never a failure.
import { ident, lit } from '../db/adapter';

/** A cell of a report alias as DOUBLE (integer cells widened so sums cannot overflow). */
export function cell(code: string, alias = 'r'): string {
  return `${alias}.${ident(code)}::DOUBLE`;
}

/** Σ of cells, NULL as soon as one of them is blank. */
export function strictSum(codes: readonly string[], alias = 'r'): string {
  return `(${codes.map((c) => cell(c, alias)).join(' + ')})`;
}

export function listLit(xs: readonly string[]): string {
  return xs.length ? `[${xs.map(lit).join(', ')}]::VARCHAR[]` : `[]::VARCHAR[]`;
}

/** One check per struct: unnest them from each row of `from` and keep the failing ones.
 *  Each check is { col, cells, expected, actual } plus optional extra numeric fields (the same
 *  names in every check), returned as columns of their own. */
export interface Check {
  col: string;
  cells: readonly string[];
  expected: string;
  actual: string;
  extra?: Record<string, string>;
}

export function checksSql(
  from: string, checks: readonly Check[], outer: string[] = [], failing = 'e.expected <> e.actual', prefilter = true,
): string {
  const structs = checks.map((c) => {
    const extra = Object.entries(c.extra ?? {}).map(([k, v]) => `, ${lit(k)}: ${v}::DOUBLE`).join('');
    return `{'col': ${lit(c.col)}, 'cells': ${listLit(c.cells)}, 'expected': ${c.expected}::DOUBLE, 'actual': ${c.actual}::DOUBLE${extra}}`;
  });
  const keep = ['agency_id', 'year', ...outer.map((o) => o.split(/\s+AS\s+/i).pop()!)];
  const extras = Object.keys(checks[0]?.extra ?? {}).map((k) => `, e.${k} AS ${k}`).join('');
  // Rows where no check fails are dropped before the unnest: the failing test written once per
  // check on the row's own columns (the same expressions as in the structs, so the same rows
  // pass). Unnesting every row's structs cost ~430 ms native at 10k agency-years for `negative`.
  // (Off where a join already keeps few rows: aggregate_mismatch measured slower with it.)
  const pre = !prefilter || /\be\.(?!expected\b|actual\b)\w/.test(failing) || !checks.length ? ''
    : ` ${/\bWHERE\b/i.test(from) ? 'AND' : 'WHERE'} (${checks.map((c) => `(${failing
      .replace(/\be\.expected\b/g, () => `(${c.expected}::DOUBLE)`).replace(/\be\.actual\b/g, () => `(${c.actual}::DOUBLE)`)})`).join('\n  OR ')})`;
  return `SELECT ${keep.join(', ')}, e.col AS col, e.cells AS cells, e.expected AS expected, e.actual AS actual${extras}
FROM (SELECT r.agency_id, r.year${outer.map((o) => `, ${o}`).join('')}, unnest([
  ${structs.join(',\n  ')}
]) AS e FROM ${from}${pre}) t
WHERE ${failing}`;
}

/** Adds the registry name and level of each violation's agency, in a stable order. */
export function withAgency(inner: string): string {
  return `SELECT v.*, a.name AS agency, a.level AS level
FROM (${inner}) v LEFT JOIN agencies a ON a.agency_id = v.agency_id
ORDER BY v.agency_id, v.year, v.col`;
}
