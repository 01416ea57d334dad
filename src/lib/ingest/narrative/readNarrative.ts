// Everything read from a report's words, for one agency-year: the standard sections present,
// section 五's text (as printed, and normalised for the copy check), the 信息处理费 stated in
// section 六, and the narrative's statements checked against the form's cells. Pure.
import type { CellValues } from '../../format/record';
import { checkNarrative, type NarrativeCheck } from '../../rules/narrative';
import { readFee, type FeeReading } from './fee';
import { findSections, sectionText, type SectionId } from './sections';
import { readStatements } from './statements';

export interface NarrativeFacts {
  sections: SectionId[];
  section5: string | null;
  /** section 五 without digits (years, counts) and whitespace: what narrative_copied compares */
  section5Norm: string | null;
  /** null: the report does not say (or says two different things) */
  fee: FeeReading | null;
  checks: NarrativeCheck[];
}

export function normaliseForCopy(s: string): string {
  return s.normalize('NFKC').replace(/\d+(?:\.\d+)?/g, '').replace(/\s+/g, '');
}

export function readNarrative(text: string, year: number | null, cells: CellValues): NarrativeFacts {
  const spans = findSections(text);
  const section5 = sectionText(text, spans, '五');
  const six = spans.find((s) => s.id === '六');
  return {
    sections: spans.map((s) => s.id),
    section5,
    section5Norm: section5 == null ? null : normaliseForCopy(section5),
    // section 六 when the report has one; a report without the heading may still say it elsewhere
    fee: six ? readFee(text, six.start + 1, six.end) : readFee(text),
    checks: checkNarrative(readStatements(text, year), cells),
  };
}
