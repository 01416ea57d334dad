// A reports.parquet served over HTTP, read the way a view needs it: the footer first, then only
// the column chunks of the requested columns in the row groups that can hold the year (the
// export writes one row group per year, and every row group carries min/max statistics), each
// fetched with an HTTP range request. Same-origin files only (the app talks to no other host).
import { asyncBufferFromUrl, parquetMetadataAsync, parquetRead, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';

export interface RemoteYear {
  /** total rows of the file, from its footer */
  numRows: number;
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Counts what was fetched, for tests and for the network panel's sake. */
export interface FetchLog {
  requests: number;
  bytes: number;
}

export async function readYearFromUrl(
  url: string, year: number, columns: string[], log?: FetchLog, byteLength?: number,
): Promise<RemoteYear> {
  const file = await logged(url, log, byteLength);
  const { metadata, want } = await open(url, file, columns);
  const rows = await parquetReadObjects({ file, metadata, columns: want, filter: { year: { $eq: year } } });
  return { numRows: Number(metadata.num_rows), columns: want, rows };
}

async function logged(url: string, log?: FetchLog, byteLength?: number): Promise<AsyncBuffer> {
  const remote = await asyncBufferFromUrl({ url, byteLength });
  return {
    byteLength: remote.byteLength,
    slice: async (start, end) => {
      const buf = await remote.slice(start, end);
      if (log) {
        log.requests++;
        log.bytes += buf.byteLength;
      }
      return buf;
    },
  };
}

async function open(url: string, file: AsyncBuffer, columns: string[]): Promise<{ metadata: FileMetaData; want: string[] }> {
  // The footer of a 206-column file is ~55 KB (4 row groups): ask for 64 KB, not hyparquet's 512 KB.
  const metadata = await parquetMetadataAsync(file, { initialFetchSize: 1 << 16 });
  const all = metadata.schema.slice(1).map((s) => s.name);
  const missing = columns.filter((c) => !all.includes(c));
  if (missing.length) throw new Error(`not in ${url}: ${missing.join(', ')}`);
  return { metadata, want: columns.includes('year') ? columns : ['year', ...columns] };
}

export interface RemoteYearColumns {
  numRows: number;
  /** rows of the year */
  rows: number;
  /** one array per requested column (and year), rows of the year only */
  data: Record<string, ArrayLike<unknown>>;
}

/** Like readYearFromUrl, but column arrays instead of row objects: for totals over 100k+ rows,
 *  building one object per row costs more than the fetch (1M-agency-year bench: 166,667 rows ×
 *  49 columns). Only row groups whose year statistics can hold the year are read. */
export async function readYearColumnsFromUrl(
  url: string, year: number, columns: string[], log?: FetchLog, byteLength?: number,
): Promise<RemoteYearColumns> {
  const file = await logged(url, log, byteLength);
  const { metadata, want } = await open(url, file, columns);
  const yi = metadata.schema.slice(1).findIndex((s) => s.name === 'year');
  const chunks = new Map<string, { start: number; data: ArrayLike<unknown> }[]>(want.map((c) => [c, []]));
  let groupStart = 0;
  const reads: Promise<void>[] = [];
  for (const g of metadata.row_groups) {
    const n = Number(g.num_rows);
    const st = g.columns[yi]?.meta_data?.statistics;
    const lo = st?.min_value ?? st?.min;
    const hi = st?.max_value ?? st?.max;
    if (lo === undefined || hi === undefined || (Number(lo) <= year && year <= Number(hi))) {
      reads.push(parquetRead({
        file, metadata, columns: want, rowStart: groupStart, rowEnd: groupStart + n,
        onChunk: ({ columnName, columnData, rowStart }) => chunks.get(columnName)?.push({ start: rowStart, data: columnData }),
      }));
    }
    groupStart += n;
  }
  await Promise.all(reads);
  const joined = (c: string) => {
    const parts = chunks.get(c)!.sort((a, b) => a.start - b.start);
    if (parts.length === 1) return parts[0].data;
    const out: unknown[] = [];
    for (const p of parts) for (let i = 0; i < p.data.length; i++) out.push(p.data[i]);
    return out;
  };
  const years = joined('year');
  const keep: number[] = [];
  let all = true;
  for (let i = 0; i < years.length; i++) if (Number(years[i]) === year) keep.push(i); else all = false;
  const data: Record<string, ArrayLike<unknown>> = {};
  for (const c of want) {
    const col = joined(c);
    data[c] = all ? col : keep.map((i) => col[i]);
  }
  return { numRows: Number(metadata.num_rows), rows: keep.length, data };
}
