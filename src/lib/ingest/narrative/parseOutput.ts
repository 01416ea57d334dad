// What `npm run parse` adds for a report's words: the statements it is sure of (agreeing or
// clearly not), the sections present and the 信息处理费 stated. Pure.
import type { CellValues } from '../../format/record';
import { readNarrative } from './readNarrative';

export interface NarrativeLine {
  quote: string;
  line: number;
  value: number;
  cells: string[];
  table_value: number | null;
  agrees: boolean;
}

export function narrativeOutput(text: string, year: number | null, cells: CellValues): { narrative: NarrativeLine[]; sections: string[]; fee_yuan: number | null } {
  const f = readNarrative(text, year, cells);
  return {
    narrative: f.checks.filter((c) => c.status !== 'not_checkable')
      .map((c) => ({ quote: c.quote, line: c.line, value: c.value, cells: c.cells, table_value: c.table_value, agrees: c.status === 'agrees' })),
    sections: f.sections,
    fee_yuan: f.fee?.yuan ?? null,
  };
}
