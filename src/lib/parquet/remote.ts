// A reports.parquet served over HTTP, read the way a view needs it: the footer first, then only
// the column chunks of the requested columns in the row groups that can hold the year (the
// export writes one row group per year, and every row group carries min/max statistics), each
// fetched with an HTTP range request. Same-origin files only (the app talks to no other host).
import { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects, type AsyncBuffer } from 'hyparquet';

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
  const remote = await asyncBufferFromUrl({ url, byteLength });
  const file: AsyncBuffer = {
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
  // The footer of a 206-column file is ~55 KB (4 row groups): ask for 64 KB, not hyparquet's 512 KB.
  const metadata = await parquetMetadataAsync(file, { initialFetchSize: 1 << 16 });
  const all = metadata.schema.slice(1).map((s) => s.name);
  const missing = columns.filter((c) => !all.includes(c));
  if (missing.length) throw new Error(`not in ${url}: ${missing.join(', ')}`);
  const want = columns.includes('year') ? columns : ['year', ...columns];
  const rows = await parquetReadObjects({ file, metadata, columns: want, filter: { year: { $eq: year } } });
  return { numRows: Number(metadata.num_rows), columns: want, rows };
}
