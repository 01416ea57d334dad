// Overview builders: city-wide leaf totals by year, and reporting counts.

import { LEAF_REPORTS, measureSelect } from './common';
import type { Measure } from './measures';

/** One row per year: the sums of each measure over leaf reports. */
export function leafTotalsByYear(measures: Measure[]): string {
  return `SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS leaf_reports,
  ${measures.map(measureSelect).join(',\n  ')}
FROM ${LEAF_REPORTS}
GROUP BY r.year ORDER BY r.year`;
}

/** One row per year: agencies with a report (aggregates included) and the registry size. */
export function reportingByYear(): string {
  return `SELECT year::INTEGER AS year, COUNT(DISTINCT agency_id)::INTEGER AS reporting,
  (SELECT COUNT(*) FROM agencies)::INTEGER AS expected
FROM reports GROUP BY year ORDER BY year`;
}

