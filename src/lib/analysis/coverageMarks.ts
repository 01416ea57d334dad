// Which years of a trend differ in who reported from the latest year (pure), for the marks on
// trend charts ("2021: 60 of the 87 reporting in 2024 reported").
export interface ReportingCoverage {
  year: number;
  /** agencies in scope with a report that year */
  reporting: number;
  /** of those reporting in the latest year, how many reported that year */
  of_latest: number;
  latest_reporting: number;
  latest_year: number;
}

export interface CoverageMark {
  year: number;
  /** of the latest year's reporting agencies, how many reported */
  got: number;
  of: number;
  /** agencies that reported that year but not in the latest year */
  extra: number;
  latest: number;
}

/** The years (other than the latest) whose reporting set is not the latest year's. */
export function coverageMarks(rows: readonly ReportingCoverage[]): CoverageMark[] {
  return rows
    .filter((r) => r.year !== r.latest_year && (r.of_latest < r.latest_reporting || r.reporting > r.of_latest))
    .map((r) => ({ year: r.year, got: r.of_latest, of: r.latest_reporting, extra: r.reporting - r.of_latest, latest: r.latest_year }));
}
