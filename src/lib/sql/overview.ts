// Overview builders: city-wide totals by year (the counted reports: counted.ts), and reporting counts.

import { ALL_YEARS, measureSelect } from './common';
import { COUNTED_REPORTS } from './counted';
import type { Measure } from './measures';
import { withScope } from './scope';

/** One row per year: the sums of each measure over the counted reports (leaf reports, and an
 *  area's aggregate report where its members are missing). `leaf_reports` = reports added. */
export function leafTotalsByYear(measures: Measure[]): string {
  return `${withScope({}, ALL_YEARS)}SELECT r.year::INTEGER AS year, COUNT(*)::INTEGER AS leaf_reports,
  ${measures.map(measureSelect).join(',\n  ')}
FROM ${COUNTED_REPORTS}
GROUP BY r.year ORDER BY r.year`;
}

/** One row per year: agencies with a report (aggregates included) and the registry size. */
export function reportingByYear(): string {
  return `SELECT year::INTEGER AS year, COUNT(DISTINCT agency_id)::INTEGER AS reporting,
  (SELECT COUNT(*) FROM agencies)::INTEGER AS expected
FROM reports GROUP BY year ORDER BY year`;
}

