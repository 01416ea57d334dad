// One file's bytes → a PreparedImport, or the list of problems that stop it. Nothing is loaded
// when any problem is an error.
import type { PreparedImport } from '../db/load';
import type { Problem } from '../i18n/messages';
import { parseCsvText, type CsvOptions, type CsvResult } from './csv';
import { decodeBytes, looksBinary, type Encoding } from './decode';
import { resolveRecords, unknownParents, type MatchDecisions, type PendingMatch, type RegistryEntry } from './resolve';
import { packedRows } from './packedCells';

export interface Preparation {
  file: string;
  encoding: Encoding | null;
  problems: Problem[];
  prepared: PreparedImport | null;
  /** reported names that may be registry agencies (or each other): the user decides, then the
   *  file is read again with `decisions` */
  pending?: PendingMatch[];
}

export function prepareCsv(
  file: string, bytes: Uint8Array, registry: RegistryEntry[], opts: CsvOptions & { replace?: boolean; decisions?: MatchDecisions } = {},
): Preparation {
  if (looksBinary(bytes)) {
    return {
      file, encoding: null, prepared: null,
      problems: [{ file, line: 0, column: '', severity: 'error', message_zh: '这不是文本文件（CSV），无法读取', message_en: 'this is not a text (CSV) file' }],
    };
  }
  const { text, encoding } = decodeBytes(bytes);
  return { ...prepareParsed(file, [parseCsvText(file, text, opts)], registry, opts), encoding };
}

/** Parsed tables of one file (a CSV, the sheets of a workbook, the tables of a dataset) → one
 *  import: registry rows first (so the reports can name the agencies they add), then reports. */
export function prepareParsed(
  file: string, parts: CsvResult[], registry: RegistryEntry[], opts: { replace?: boolean; kind?: string; decisions?: MatchDecisions } = {},
): Omit<Preparation, 'encoding'> {
  const problems = parts.flatMap((p) => p.problems);
  const agencyRows = parts.flatMap((p) => (p.kind === 'agencies' ? p.agencies : []));
  const records = parts.flatMap((p) => (p.kind && p.kind !== 'agencies' ? p.records : []));
  const hasReports = parts.some((p) => p.kind && p.kind !== 'agencies');
  if (agencyRows.length) problems.push(...unknownParents(file, agencyRows, registry));
  const incoming: RegistryEntry[] = agencyRows.map((a) => ({ agency_id: a.agency_id, name: a.name, aliases: a.aliases, parent_id: a.parent_id, level: a.level, is_aggregate: a.is_aggregate }));
  const incomingIds = new Set(incoming.map((a) => a.agency_id));
  const merged = [...registry.filter((a) => !incomingIds.has(a.agency_id)), ...incoming];
  const resolution = hasReports ? resolveRecords(file, records, merged, opts.decisions) : null;
  if (resolution) problems.push(...resolution.problems);
  if (problems.some((p) => p.severity === 'error') || parts.some((p) => !p.kind) || !parts.length) {
    const pending = resolution?.pending.size ? [...resolution.pending.values()] : undefined;
    return { file, problems: sortProblems(problems), prepared: null, ...(pending ? { pending } : {}) };
  }
  const agencies = [...agencyRows, ...(resolution?.newAgencies ?? [])];
  const resolved = resolution?.records ?? [];
  const packed = parts.find((p) => p.packed)?.packed;
  // packed cells line up with the records row for row (a file with any dropped row has errors)
  if (packed && packedRows(packed) !== resolved.length) throw new Error(`internal: ${packedRows(packed)} packed rows for ${resolved.length} records`);
  const known = new Set(registry.map((a) => a.agency_id));
  return {
    file, problems,
    prepared: {
      file, kind: opts.kind ?? parts[0].kind!, agencies,
      newAgencies: agencies.filter((a) => !known.has(a.agency_id)).map((a) => ({ agency_id: a.agency_id, name: a.name })),
      records: resolved,
      ...(resolution?.learnedAliases.length ? { learnedAliases: resolution.learnedAliases } : {}),
      ...(packed ? { packedCells: packed } : {}),
      replace: opts.replace ?? true,
    },
  };
}

function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.line - b.line);
}
