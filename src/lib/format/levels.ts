// Registry levels used by the demo city and the deadline rule. A registry may use other level
// names; only the deadline rule needs to know which levels are local people's governments.
export const LEVELS = ['市级', '市级部门', '区县', '区县部门', '乡镇街道'] as const;

/** Levels whose report is a county-level-or-above local people's government's: due 31 March;
 *  every other report (departments, townships) is due 31 January (条例第四十九条). */
export const GOVERNMENT_LEVELS: readonly string[] = ['市级', '区县'];

export function deadlineFor(level: string | null | undefined, reportYear: number): string {
  const next = reportYear + 1;
  return GOVERNMENT_LEVELS.includes(level ?? '') ? `${next}-03-31` : `${next}-01-31`;
}
