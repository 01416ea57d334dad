// A document's text kept with its import: read back, replaced by a CSV import (which has none),
// and the rules over it — narrative_mismatch with quote and line, sections_missing,
// narrative_copied with its share — and the 信息处理费 summed over a scope, in DuckDB.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbAdapter } from '../../src/lib/db/adapter';
import { applyImport, readRegistry } from '../../src/lib/db/load';
import { pack, unpack } from '../../src/lib/db/packImport';
import { emptyCells, type CellValues } from '../../src/lib/format/record';
import { prepareDocuments, type DocumentDraft } from '../../src/lib/ingest/document';
import { formFeeSql } from '../../src/lib/form/formSql';
import { freshDb, loadCsv } from './helpers/db';
import { flagsOf, scenario, zeros } from './helpers/scenario';
import { wideCsv } from './helpers/records';

let db: DbAdapter;
beforeAll(async () => { db = await freshDb(); }, 60_000); // DuckDB-wasm start-up is slow on a loaded machine

const FIVE = '一是主动公开的深度和广度还不够，部分栏目信息更新不及时；二是政策解读的形式比较单一，解读质量有待提高。下一步，我局将加强培训，完善制度，及时更新栏目内容，丰富解读形式。';

function text(year: number, opts: { overview: string; five?: string; six?: string; noFive?: boolean }): string {
  return [
    '示例市甲局', `${year}年政府信息公开工作年度报告`, '',
    '一、总体情况', opts.overview, '',
    '二、主动公开政府信息情况', '（表略）', '三、收到和处理政府信息公开申请情况', '（表略）',
    '四、政府信息公开行政复议、行政诉讼情况', '（表略）',
    ...(opts.noFive ? [] : ['五、存在的主要问题及改进情况', opts.five ?? FIVE]),
    '六、其他需要报告的事项', opts.six ?? '本年度未收取信息处理费。',
  ].join('\n');
}

function cells(newTotal: number, review: number): CellValues {
  const c = emptyCells();
  Object.assign(c, zeros({ s3_new_natural: newTotal, s3_new_total: newTotal, s3_handled_total_natural: newTotal, s3_handled_total_total: newTotal,
    s3_granted_natural: newTotal, s3_granted_total: newTotal, s4_review_upheld: review, s4_review_total: review }));
  return c;
}

const draft = (year: number, t: string, c: CellValues): DocumentDraft => ({
  file: `甲局${year}.pdf`, kind: 'pdf', text: t, agency: '示例市甲局', year, published_on: null, published_on_source: null, cells: c, warnings: [], failedRules: [], sources: {}, uncertain: [],
});

/** Imported as the app replays a stored import: packed for IndexedDB and unpacked (its records
 *  then hold packed cells only, so what is read from the text must come from the staged cells). */
async function importDocs(drafts: DocumentDraft[]) {
  const { prepared, problems } = prepareDocuments(drafts, await readRegistry(db), true, 2025);
  expect(problems).toEqual([]);
  const { head, chunks } = pack(prepared!);
  return applyImport(db, unpack(head, chunks));
}

describe('report texts', () => {
  it('kept with the import; statements, sections and fee read; the three rules fire with their details', async () => {
    await scenario(db, ['A,示例市甲局,市级部门,,综合,false,', 'B,示例市乙局,市级部门,,综合,false,'], []);
    await importDocs([
      draft(2023, text(2023, { overview: '2023年，共新收政府信息公开申请12件。', six: '全年收取信息处理费共计300元。' }), cells(12, 1)),
      draft(2024, text(2024, {
        overview: '2024年，我局共新收政府信息公开申请\n21件，全部按时办结。因政府信息公开工作被申请行政复议3件。',
        five: FIVE.replace('下一步', '2025年'), six: '本年度收取信息处理费2笔，共计180元。',
      }), cells(21, 2)),
    ]);
    const texts = await db.query<{ year: number; sections: string[]; fee_yuan: number | null; text: string }>(
      'SELECT year, sections, fee_yuan, text FROM document_texts ORDER BY year');
    expect(texts.map((t) => [t.year, t.sections.length, t.fee_yuan])).toEqual([[2023, 6, 300], [2024, 6, 180]]);
    expect(texts[1].text).toContain('被申请行政复议3件');

    const mm = await flagsOf(db, 'narrative_mismatch');
    expect(mm).toHaveLength(1);
    expect(mm[0]).toMatchObject({ agency_id: 'A', year: 2024, severity: 'warning', expected: 2, actual: 3, cells: ['s4_review_total'] });
    expect(mm[0].message_zh).toContain('第 6 行“因政府信息公开工作被申请行政复议3件”');
    expect(mm[0].message_en).toMatch(/the text says 3, the table’s reconsiderations is 2/);

    const cp = await flagsOf(db, 'narrative_copied');
    expect(cp).toHaveLength(1);
    expect(cp[0]).toMatchObject({ agency_id: 'A', year: 2024, column: '五' });
    expect(Number(cp[0].actual)).toBeGreaterThanOrEqual(0.9);
    expect(Number(cp[0].actual)).toBeLessThan(1);
    expect(cp[0].message_zh).toMatch(/与 2023 年度报告相同字符占 9\d(\.\d)?%/);

    expect(await flagsOf(db, 'sections_missing')).toEqual([]);
    const [fee] = await db.query<{ yuan: number; reports: number }>(formFeeSql({ filter: {}, period: { from: 2023, to: 2024 } }));
    expect([Number(fee.yuan), fee.reports]).toEqual([480, 2]);
  });

  it('without section 五 nothing is copied; a missing section is flagged; a CSV import replacing a year takes its text away', async () => {
    await importDocs([draft(2024, text(2024, {
      overview: '2024年，共新收政府信息公开申请21件。', noFive: true, six: '本报告电子版可在门户网站查阅。',
    }), cells(21, 2))]);
    expect(await flagsOf(db, 'narrative_copied')).toEqual([]);
    const sm = await flagsOf(db, 'sections_missing');
    expect(sm.map((f) => [f.year, f.column])).toEqual([[2024, '五']]);
    expect(await flagsOf(db, 'narrative_mismatch')).toEqual([]);
    const [fee] = await db.query<{ yuan: number; reports: number }>(formFeeSql({ filter: {}, period: { from: 2024, to: 2024 } }));
    expect([fee.yuan, fee.reports]).toEqual([null, 0]); // the report does not say: blank, not 0

    await loadCsv(db, 'r.csv', wideCsv([{ agency: 'A', year: 2023, cells: zeros({ s3_new_total: 5 }) }]));
    const left = await db.query<{ year: number }>('SELECT year FROM document_texts ORDER BY year');
    expect(left.map((r) => r.year)).toEqual([2024]);
  });
});
