// Agency comparison (pure SQL builder): each agency in scope with a report in the year, its key
// measures from its own report, and per measure its rank (ties share a rank; 1 = largest) and
// percentile among its peers — the agencies in scope of the same level. A blank measure gets no
// rank and does not count as a peer.
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
  // Ranks, percentiles and peer counts in long form: one (agency, measure, value) row per filled
  // measure and ONE window over it, then back to one row per agency. 39 windows over the wide
  // rows (three per measure, each its own sort carrying every column) took ~300 ms native at 10k
  // agency-years; this form ~10× less. UNPIVOT drops blanks: a blank gets no rank and is no peer.
  const name = (m: CompareMetric) => lit(m.name);
  const back = metrics.flatMap((m) => [
    `MAX(CASE WHEN k.m = ${name(m)} THEN k.rk END)::INTEGER AS ${ident(`${m.name}__rank`)}`,
    `MAX(CASE WHEN k.m = ${name(m)} THEN k.pct END)::DOUBLE AS ${ident(`${m.name}__pct`)}`,
  ]);
  const peers = metrics.map(
    (m) => `MAX(CASE WHEN p.m = ${name(m)} THEN p.n END)::INTEGER AS ${ident(`${m.name}__peers`)}`,
  );
  const cols = metrics.map((m) => ident(m.name)).join(', ');
  // MATERIALIZED: `base` is read three times (long form, output, peers); inlined, each read
  // re-scanned the wide reports.
  return `${withScope(f, { from: year, to: year }, `base AS MATERIALIZED (
    SELECT a.agency_id, a.name, a.level, a.category, a.is_aggregate,
      ${base.join(',\n      ')}
    FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
    WHERE r.year = ${lit(year)} AND r.agency_id IN (SELECT agency_id FROM scope)
  ),
  long AS (UNPIVOT (SELECT agency_id, level, ${cols} FROM base) ON ${cols} INTO NAME m VALUE v),
  ranked AS (
    SELECT agency_id, m, RANK() OVER (PARTITION BY m, level ORDER BY v DESC) AS rk,
      PERCENT_RANK() OVER (PARTITION BY m, level ORDER BY v) AS pct
    FROM long
  ),
  ranks AS (SELECT k.agency_id, ${back.join(',\n    ')}
    FROM ranked k GROUP BY k.agency_id),
  peer_counts AS (SELECT p.level, ${peers.join(',\n    ')}
    FROM (SELECT level, m, COUNT(*) AS n FROM long GROUP BY level, m) p GROUP BY p.level)`)}SELECT b.*, ${metrics.flatMap((m) => [
    `k.${ident(`${m.name}__rank`)}`, `k.${ident(`${m.name}__pct`)}`, `COALESCE(pc.${ident(`${m.name}__peers`)}, 0)::INTEGER AS ${ident(`${m.name}__peers`)}`,
  ]).join(', ')}
FROM base b LEFT JOIN ranks k ON k.agency_id = b.agency_id
  LEFT JOIN peer_counts pc ON pc.level IS NOT DISTINCT FROM b.level
ORDER BY b.agency_id`;
}
