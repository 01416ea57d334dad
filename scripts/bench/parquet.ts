// npx tsx scripts/bench/parquet.ts [agency-years …]: Parquet write/read of the reports table with
// hyparquet(-writer), the library the app uses, and — when PARQUET_WASM points at an installed
// parquet-wasm package (it is not a dependency) — with parquet-wasm through Arrow IPC, the
// alternative it was chosen over. Prints one JSON line per size.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openNodeDb } from '../../src/lib/db/node';
import { applyImport, createSchema, readRegistry } from '../../src/lib/db/load';
import { prepareCsv } from '../../src/lib/ingest/prepare';
import { readParquet, writeParquet, zipFiles } from '../../src/lib/parquet/io';
import { datasetTables } from '../../src/lib/parquet/tables';
import { prepareParquet } from '../../src/lib/parquet/dataset';
import { exportDataset } from '../../src/lib/parquet/dataset';

const require = createRequire(import.meta.url);
const sizes = process.argv.slice(2).map(Number);
const ms = (t0: number) => Math.round(performance.now() - t0);

async function load(dir: string | null) {
  const db = await openNodeDb();
  await createSchema(db);
  for (const f of dir ? [join(dir, 'agencies.csv'), join(dir, 'reports.csv')] : ['data/agencies.csv', 'data/reports.csv']) {
    const prep = prepareCsv(f, readFileSync(f), await readRegistry(db), { nowYear: 2030 });
    if (!prep.prepared) throw new Error(`${f}: ${prep.problems.slice(0, 3).map((p) => p.message_en).join('; ')}`);
    await applyImport(db, prep.prepared);
  }
  return db;
}

async function measure(n: number | null) {
  let dir: string | null = null;
  if (n) {
    dir = `.bench/${n}`;
    if (!existsSync(join(dir, 'reports.csv'))) execFileSync('npx', ['tsx', 'scripts/bench/gen.ts', String(n), dir], { stdio: 'inherit' });
  }
  const db = await load(dir);
  const out: Record<string, number | string> = { dataset: n ? `${n} agency-years` : 'demo' };
  let t0 = performance.now();
  const tables = await datasetTables(db, []);
  out.query_ms = ms(t0);
  const reports = tables.find((t) => t.name === 'reports')!;
  out.rows = reports.rows;
  t0 = performance.now();
  const file = writeParquet(reports.columns);
  out.hyparquet_write_ms = ms(t0);
  out.hyparquet_bytes = file.length;
  t0 = performance.now();
  await readParquet(file);
  out.hyparquet_read_ms = ms(t0);
  t0 = performance.now();
  const zip = await exportDataset(db, []);
  out.export_zip_ms = ms(t0);
  out.zip_bytes = zip.length;
  out.zip_deflate_bytes = gzipSync(zip).length;
  t0 = performance.now();
  const prep = await prepareParquet('dataset.zip', zip, [], { nowYear: 2030 });
  if (!prep.prepared) throw new Error(prep.problems.slice(0, 3).map((p) => `${p.line}:${p.column} ${p.message_en}`).join('; '));
  out.import_prepare_ms = ms(t0);
  if (process.env.PARQUET_WASM) Object.assign(out, await parquetWasm(reports.columns));
  void zipFiles;
  console.log(JSON.stringify(out));
}

async function parquetWasm(columns: { name: string; type: string; data: unknown[] }[]) {
  const pw = require(join(process.env.PARQUET_WASM!, 'node/parquet_wasm.js'));
  const arrow = require('apache-arrow');
  const typeOf = (t: string) => (t === 'INT32' ? new arrow.Int32() : t === 'DOUBLE' ? new arrow.Float64() : new arrow.Utf8());
  const res: Record<string, number> = {};
  let t0 = performance.now();
  const vectors: Record<string, unknown> = {};
  for (const c of columns) {
    const data = c.type === 'DATE' || c.type === 'TIMESTAMP' ? c.data.map((d) => (d ? (d as Date).toISOString() : null)) : c.data;
    vectors[c.name] = arrow.vectorFromArray(data, typeOf(c.type));
  }
  const table = new arrow.Table(vectors);
  const ipc = arrow.tableToIPC(table, 'stream');
  const wasmTable = pw.Table.fromIPCStream(ipc);
  const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
  const bytes: Uint8Array = pw.writeParquet(wasmTable, props);
  res.parquet_wasm_write_ms = ms(t0);
  res.parquet_wasm_bytes = bytes.length;
  t0 = performance.now();
  const back = arrow.tableFromIPC(pw.readParquet(bytes).intoIPCStream());
  if (back.numRows !== table.numRows) throw new Error('parquet-wasm row count differs');
  res.parquet_wasm_read_ms = ms(t0);
  const wasm = join(process.env.PARQUET_WASM!, 'esm/parquet_wasm_bg.wasm');
  res.parquet_wasm_bundle_wasm_bytes = readFileSync(wasm).length;
  res.parquet_wasm_bundle_wasm_gz = gzipSync(readFileSync(wasm)).length;
  return res;
}

for (const n of sizes.length ? sizes : [0, 10000]) await measure(n || null);
