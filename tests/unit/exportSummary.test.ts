// Summary CSV exports, checked byte by byte: BOM, header styles, GB18030 round trip (and the
// encoder against iconv-lite), formula neutralisation, blanks, and the per-agency table loading
// back to the same reports.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { CELLS, CELL_CODES } from '../../src/lib/format/cells';
import { encodeGb18030 } from '../../src/lib/export/gb18030';
import { encodeCsv, summaryRows, summaryToCsv } from '../../src/lib/export/summary';
import { demo } from '../e2e/demo';
import { freshDb, loadCsv } from './helpers/db';

const d = demo();
let db: DbAdapter;
beforeAll(async () => {
  db = await freshDb();
  await loadCsv(db, 'agencies.csv', readFileSync('data/agencies.csv', 'utf8'));
  await loadCsv(db, 'reports.csv', readFileSync('data/reports.csv', 'utf8'));
});

const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('summary CSV', () => {
  it('city rollup: one row per year, every cell code a column, the Chinese labels in row 2, leaf sums', async () => {
    const { spec, rows } = await summaryRows(db, 'rollup');
    const text = summaryToCsv(spec.columns, rows, { header: 'both', numbers: 'raw', lang: 'zh' });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [codes, labels, ...body] = parse(text);
    expect(codes).toEqual(['year', 'leaf_reports', ...CELL_CODES]);
    expect(labels[2]).toBe(`${CELLS[0].row_label_zh}｜${CELLS[0].col_label_zh}`);
    expect(body.map((r) => Number(r[0]))).toEqual(d.years);
    for (const [i, y] of d.years.entries()) {
      for (const code of ['s3_new_total', 's3_handled_total_total', 's4_review_total', 's2_fee_amount']) {
        const want = d.leafSum(y, code);
        const got = body[i][codes.indexOf(code)];
        if (want === null) expect(got).toBe('');
        else expect(Number(got)).toBeCloseTo(want, 6);
      }
    }
  });

  it('header styles: codes only, Chinese only; formatted numbers group digits and show blanks as —', async () => {
    const { spec, rows } = await summaryRows(db, 'rollup');
    const codesOnly = parse(summaryToCsv(spec.columns, rows, { header: 'codes', numbers: 'raw', lang: 'zh' }));
    expect(codesOnly[1][0]).toBe(String(d.years[0]));
    const zh = parse(summaryToCsv(spec.columns, rows, { header: 'zh', numbers: 'formatted', lang: 'zh' }));
    expect(zh[0][0]).toBe('年度');
    expect(zh[0][2]).toContain('｜');
    const col = zh[0].indexOf('本年新收政府信息公开申请数量｜总计');
    expect(zh[1][col]).toBe(new Intl.NumberFormat('zh-CN').format(d.leafSum(d.years[0], 's3_new_total')!));
    expect(zh[1][0]).toBe(String(d.years[0]));
  });

  it('GB18030: no BOM, decodes back to the same text; UTF-8 keeps the BOM', async () => {
    const { spec, rows } = await summaryRows(db, 'agencies');
    const text = summaryToCsv(spec.columns, rows, { header: 'both', numbers: 'raw', lang: 'zh' });
    const gb = encodeCsv(text, 'gb18030') as Uint8Array;
    expect([...gb.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('gb18030').decode(gb)).toBe(text.slice(1));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    expect(Buffer.from(gb).equals(iconv.encode(text.slice(1), 'gb18030'))).toBe(true);
    const utf8 = new TextEncoder().encode(encodeCsv(text, 'utf-8') as string);
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('the GB18030 encoder equals iconv-lite on every GBK character and on four-byte characters', () => {
    const chars: string[] = [];
    for (let cp = 0x80; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      // PUA and the few code points GB18030-2022 remapped (the platform decoder follows 2022)
      if ((cp >= 0xe000 && cp < 0xf900) || (cp >= 0x9fb4 && cp <= 0x9fbb) || (cp >= 0xfe10 && cp <= 0xfe19)) continue;
      chars.push(String.fromCodePoint(cp));
    }
    chars.push('𠀀', '😀', '𪚥');
    const s = chars.join('');
    expect(Buffer.from(encodeGb18030(s)).equals(iconv.encode(s, 'gb18030'))).toBe(true);
    expect(new TextDecoder('gb18030').decode(encodeGb18030(s))).toBe(s);
  });

  it('neutralises formulas in names; the per-agency table loads back to the same reports', async () => {
    const local = await freshDb();
    const header = ['agency', 'year', ...CELL_CODES].join(',');
    const vals = CELL_CODES.map((c, i) => (c === 's2_fee_amount' ? '1.25' : i % 7 === 0 ? '' : String(i)));
    await loadCsv(local, 'evil.csv', `${header}\n"=HYPERLINK(""http://x"")",2024,${vals.join(',')}\n@SUM,2023,${vals.join(',')}\n`);
    const { spec, rows } = await summaryRows(local, 'agencies');
    const text = summaryToCsv(spec.columns, rows, { header: 'both', numbers: 'raw', lang: 'zh' });
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'@SUM");
    expect(text).not.toMatch(/(^|,)=/m);
    // load the export into a fresh store: same cells, blanks still blank
    const again = await freshDb();
    await loadCsv(again, 'agency-years.csv', text.replace(/^\uFEFF/, ''));
    const cols = CELL_CODES.map((c) => `"${c}"`).join(', ');
    const a = await local.query(`SELECT agency_id, year, ${cols} FROM reports ORDER BY agency_id, year`);
    const b = await again.query(`SELECT agency_id, year, ${cols} FROM reports ORDER BY agency_id, year`);
    // a neutralised name comes back with its apostrophe (the price of a safe CSV); the figures are equal
    expect(b.map((r) => ({ ...r, agency_id: String(r.agency_id).replace(/^'/, '') }))).toEqual(a);
    expect(b[0][CELL_CODES[0]]).toBeNull();
  });

  it('refusal table: the 19 reasons, group subtotals and 三（七）总计 per agency-year', async () => {
    const { spec, rows } = await summaryRows(db, 'refusals');
    expect(rows.length).toBe(d.reports.length);
    const text = summaryToCsv(spec.columns, rows, { header: 'both', numbers: 'raw', lang: 'zh' });
    const [codes, labels, ...body] = parse(text);
    expect(codes.filter((c) => /^s3_deny_.*_total$/.test(c)).length).toBe(8);
    expect(labels).toContain('不予公开（合计）');
    const r0 = d.reports.find((r) => r.agency_id === body[0][0] && r.year === body[0][2])!;
    const denied = Object.keys(r0).filter((c) => /^s3_deny_.*_total$/.test(c)).reduce((s, c) => s + Number(r0[c] || 0), 0);
    expect(Number(body[0][codes.indexOf('outcome_refused_total')])).toBe(denied);
  });
});
