// One file's bytes → a PreparedImport, or the list of problems that stop it. Nothing is loaded
// when any problem is an error.
import type { PreparedImport } from '../db/load';
import type { Problem } from '../i18n/messages';
import { parseCsvText, type CsvOptions } from './csv';
import { decodeBytes, looksBinary, type Encoding } from './decode';
import { resolveRecords, unknownParents, type RegistryEntry } from './resolve';

export interface Preparation {
  file: string;
  encoding: Encoding | null;
  problems: Problem[];
  prepared: PreparedImport | null;
}

export function prepareCsv(
  file: string, bytes: Uint8Array, registry: RegistryEntry[], opts: CsvOptions & { replace?: boolean } = {},
): Preparation {
  if (looksBinary(bytes)) {
    return {
      file, encoding: null, prepared: null,
      problems: [{ file, line: 0, column: '', severity: 'error', message_zh: '这不是文本文件（CSV），无法读取', message_en: 'this is not a text (CSV) file' }],
    };
  }
  const { text, encoding } = decodeBytes(bytes);
  const parsed = parseCsvText(file, text, opts);
  const problems = [...parsed.problems];
  if (parsed.kind === 'agencies') problems.push(...unknownParents(file, parsed.agencies, registry));
  const resolution = parsed.kind && parsed.kind !== 'agencies' ? resolveRecords(file, parsed.records, registry) : null;
  if (resolution) problems.push(...resolution.problems);
  if (problems.some((p) => p.severity === 'error') || !parsed.kind) {
    return { file, encoding, problems: sortProblems(problems), prepared: null };
  }
  const agencies = parsed.kind === 'agencies' ? parsed.agencies : resolution!.newAgencies;
  const known = new Set(registry.map((a) => a.agency_id));
  return {
    file, encoding, problems,
    prepared: {
      file, kind: parsed.kind, agencies,
      newAgencies: agencies.filter((a) => !known.has(a.agency_id)).map((a) => ({ agency_id: a.agency_id, name: a.name })),
      records: resolution?.records ?? [],
      replace: opts.replace ?? true,
    },
  };
}

function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort((a, b) => a.line - b.line);
}
