// Agency comparison (pure SQL builder): each agency in scope with a report in the year, its key
// measures from its own report, and per measure its rank (ties share a rank; 1 = largest) and
// percentile among its peers — the agencies in scope of the same level. A blank measure gets no
// rank and does not count as a peer; an agency with no peer but itself gets no rank and no
// percentile (alone, "rank 1 of 1, percentile 0%" would read as the worst).
import { ident, lit } from '../db/adapter';
import { rowSumOfCodes } from './common';
import type { CompareMetric } from './keyMeasures';
import { withScope, type AgencyFilter } from './scope';

export function compareSql(f: AgencyFilter, year: number, metrics: readonly CompareMetric[]): string {
  const base = metrics.flatMap((m) => {
    const num = `(${rowSumOfCodes(m.codes, 'r')})::DOUBLE`;
    if (m.kind === 'count') return [`${num} AS ${ident(m.name)}`];
    const den = `(${rowSumOfCodes(m.den!, 'r')})::DOUBLE`;
    return [
      `${num} AS ${ident(`${m.name}__num`)}`,
      `${den} AS ${ident(`${m.name}__den`)}`,
      // a rate over zero (or blank) cases is undefined, never 0
      `CASE WHEN ${den} IS NULL OR ${den} = 0 OR ${num} IS NULL THEN NULL ELSE ${num} / ${den} END AS ${ident(m.name)}`,
    ];
  });
  // Ranks, percentiles and peer counts from the DISTINCT values: the filled measures in long form
  // (UNPIVOT drops blanks: a blank gets no rank and is no peer), counted per (measure, level,
  // value) — ~14,000 rows at 25,000 agencies, for 310,000 (agency, measure) pairs — and ranked
  // there with one running sum; each agency then finds its value's rank by a join per measure.
  // Rank = 1 + (peers with a larger value); percentile = PERCENT_RANK = (peers with a smaller
  // value) / (peers − 1). Windows over every pair (RANK, PERCENT_RANK) and turning them back
  // into one row per agency cost ~3× more in DuckDB-WASM (earlier: 39 windows over the wide rows).
  const name = (m: CompareMetric) => lit(m.name);
  const peers = metrics.map(
    (m) => `MAX(CASE WHEN p.m = ${name(m)} THEN p.n END)::INTEGER AS ${ident(`${m.name}__peers`)}`,
  );
  const cols = metrics.map((m) => ident(m.name)).join(', ');
  const joins = metrics.map((m, i) => `LEFT JOIN ranked k${i} ON k${i}.m = ${name(m)} AND k${i}.level IS NOT DISTINCT FROM b.level AND k${i}.v = b.${ident(m.name)}`);
  // MATERIALIZED: `base` is read twice (long form, output), `ranked` once per measure; inlined,
  // each read would run it again.
  return `${withScope(f, { from: year, to: year }, `base AS MATERIALIZED (
    SELECT a.agency_id, a.name, a.level, a.category, a.is_aggregate,
      ${base.join(',\n      ')}
    FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
    WHERE r.year = ${lit(year)} AND r.agency_id IN (SELECT agency_id FROM scope)
  ),
  long AS (UNPIVOT (SELECT agency_id, level, ${cols} FROM base) ON ${cols} INTO NAME m VALUE v),
  counts AS MATERIALIZED (SELECT m, level, v, COUNT(*) AS c FROM long GROUP BY m, level, v),
  ranked AS MATERIALIZED (
    SELECT m, level, v, CASE WHEN n >= 2 THEN (ge - c + 1)::INTEGER END AS rk, CASE WHEN n >= 2 THEN (n - ge)::DOUBLE / (n - 1) END AS pct
    FROM (SELECT m, level, v, c, SUM(c) OVER (PARTITION BY m, level ORDER BY v DESC ROWS UNBOUNDED PRECEDING) AS ge,
      SUM(c) OVER (PARTITION BY m, level) AS n FROM counts)
  ),
  peer_counts AS (SELECT p.level, ${peers.join(',\n    ')}
    FROM (SELECT level, m, SUM(c) AS n FROM counts GROUP BY level, m) p GROUP BY p.level)`)}SELECT b.*, ${metrics.flatMap((m, i) => [
    `k${i}.rk AS ${ident(`${m.name}__rank`)}`, `k${i}.pct::DOUBLE AS ${ident(`${m.name}__pct`)}`, `COALESCE(pc.${ident(`${m.name}__peers`)}, 0)::INTEGER AS ${ident(`${m.name}__peers`)}`,
  ]).join(', ')}
FROM base b ${joins.join('\n  ')}
  LEFT JOIN peer_counts pc ON pc.level IS NOT DISTINCT FROM b.level
ORDER BY b.agency_id`;
}
