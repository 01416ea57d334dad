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
  const ranks = metrics.flatMap((m) => {
    const v = ident(m.name);
    const part = `PARTITION BY level, ${v} IS NULL`;
    return [
      `CASE WHEN ${v} IS NULL THEN NULL ELSE RANK() OVER (${part} ORDER BY ${v} DESC) END::INTEGER AS ${ident(`${m.name}__rank`)}`,
      `CASE WHEN ${v} IS NULL THEN NULL ELSE PERCENT_RANK() OVER (${part} ORDER BY ${v}) END::DOUBLE AS ${ident(`${m.name}__pct`)}`,
      `COUNT(${v}) OVER (PARTITION BY level)::INTEGER AS ${ident(`${m.name}__peers`)}`,
    ];
  });
  return `${withScope(f, { from: year, to: year }, `base AS (
    SELECT a.agency_id, a.name, a.level, a.category, a.is_aggregate,
      ${base.join(',\n      ')}
    FROM reports r JOIN agencies a ON a.agency_id = r.agency_id
    WHERE r.year = ${lit(year)} AND r.agency_id IN (SELECT agency_id FROM scope)
  )`)}SELECT *,
  ${ranks.join(',\n  ')}
FROM base ORDER BY agency_id`;
}
