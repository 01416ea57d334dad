// The bundled demo city's files, parsed and validated as any user's files are (pure: the app
// fetches the bytes, the build reads them from data/ for the first screen). They always go into
// empty tables (at start-up, or after the tables are cleared), so the registry they are matched
// against is known without asking DuckDB: none for the registry file, then its agencies.
import type { PreparedImport } from '../db/load';
import { problemText, type Lang } from '../i18n/messages';
import { parseCsvText } from './csv';
import { decodeBytes } from './decode';
import { prepareParsed } from './prepare';
import type { RegistryEntry } from './resolve';

/** When the app (and so its bundled data) was built, set by vite.config.ts; absent in unit tests. */
declare const __DATA_BUILT_AT__: string | undefined;
const DATA_BUILT_AT = typeof __DATA_BUILT_AT__ === 'string' ? __DATA_BUILT_AT__ : undefined;

/** The demo's files, registry first, as their paths in the repository. */
export const DEMO_FILE_NAMES = ['data/agencies.csv', 'data/reports.csv'] as const;

export function prepareDemoFiles(files: { name: string; bytes: Uint8Array }[], lang: Lang): PreparedImport[] {
  let registry: RegistryEntry[] = [];
  return files.map((f) => {
    const prep = prepareParsed(f.name, [parseCsvText(f.name, decodeBytes(f.bytes).text)], registry);
    if (!prep.prepared) throw new Error(prep.problems.map((p) => problemText(p, lang)).join('\n'));
    registry = [...registry, ...prep.prepared.agencies.map((a) => ({ agency_id: a.agency_id, name: a.name, aliases: a.aliases }))];
    // its "import time" is when the data was built, not when the page happened to load it
    return { ...prep.prepared, importedAt: DATA_BUILT_AT };
  });
}
