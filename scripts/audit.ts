// npm run audit -- <agencies.csv> <reports files...> [--lang zh|en]
// Loads the files exactly as the app does (prepareCsv + applyImport, DuckDB-WASM in Node), runs
// every compliance rule (the same SQL as the app) and prints the flags as CSV on stdout.
// Exit 0 when the audit ran (flags or not); 2 when an input file has errors — then the errors are
// printed on stderr as file:line:column: error: reason, and no flags are printed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openNodeDb } from '../src/lib/db/node';
import { applyImport, createSchema, readRegistry } from '../src/lib/db/load';
import { flagsToCsv } from '../src/lib/export/flagsCsv';
import type { Lang } from '../src/lib/i18n/messages';
import { prepareCsv } from '../src/lib/ingest/prepare';
import { runAllRules } from '../src/lib/rules/rules';

export interface AuditIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = 'usage: npm run audit -- <agencies.csv> <reports.csv ...> [--lang zh|en]';

export async function runAudit(args: string[], io: AuditIo): Promise<number> {
  let lang: Lang = 'zh';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang' && (args[i + 1] === 'zh' || args[i + 1] === 'en')) lang = args[++i] as Lang;
    else files.push(args[i]);
  }
  if (files.length < 2) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const db = await openNodeDb();
  await createSchema(db);
  let failed = false;
  for (const [i, file] of files.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      io.err(`${file}:0:: error: ${lang === 'zh' ? '无法读取文件' : 'cannot read the file'} (${(e as NodeJS.ErrnoException).code ?? e})\n`);
      failed = true;
      continue;
    }
    const prep = prepareCsv(file, bytes, await readRegistry(db));
    for (const p of prep.problems) {
      io.err(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${lang === 'zh' ? p.message_zh : p.message_en}\n`);
    }
    if (prep.prepared && i === 0 && prep.prepared.kind !== 'agencies') {
      io.err(`${file}:1:: error: ${lang === 'zh' ? '第一个文件应为机构名录（agency_id, name, …）' : 'the first file must be the agencies registry (agency_id, name, …)'}\n`);
      failed = true;
      continue;
    }
    if (!prep.prepared) failed = true;
    else if (!failed) await applyImport(db, prep.prepared);
  }
  if (failed) return 2;
  io.out(flagsToCsv(await runAllRules(db), lang, { bom: false }));
  return 0;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  runAudit(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
    (code) => { process.exitCode = code; },
    (e) => { process.stderr.write(`audit failed: ${e instanceof Error ? e.stack : e}\n`); process.exitCode = 1; },
  );
}
