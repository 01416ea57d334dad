// TIFF scans (what office scanners save, often several pages in one file): the pages decoded in
// order, pixel for pixel as written (by the tests' own TIFF writer, uncompressed and Deflate), and
// a two-page TIFF of our printed form read by the real OCR: every cell exact or flagged.
import { describe, expect, it } from 'vitest';
import { CELL_CODES } from '../../src/lib/format/cells';
import { draftFromText } from '../../src/lib/ingest/document';
import { sniffKind } from '../../src/lib/ingest/docs/kind';
import { isTiff, tiffPages } from '../../src/lib/ingest/docs/ocr/tiff';
import { readImagesNode } from '../../src/lib/ingest/docs/ocr/readNode';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { FORM_RECORD, drawPage } from '../fixtures/scans/degrade';
import { greyOf, writeTiff } from '../fixtures/scans/tiff';

async function formPageGrey(page: number, dpi: number, threshold?: number) {
  const c = await drawPage(page, dpi);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  return { width: c.width, height: c.height, grey: greyOf(d.data, threshold) };
}

describe('TIFF scans', () => {
  it('pages come back in order, pixel for pixel, uncompressed and Deflate; thumbnails and junk are told apart', async () => {
    const a = { width: 7, height: 3, grey: Uint8Array.from({ length: 21 }, (_, i) => (i * 37) % 256) };
    const b = { width: 4, height: 5, grey: Uint8Array.from({ length: 20 }, (_, i) => 255 - i * 11), deflate: true };
    const tif = writeTiff([a, b]);
    expect(isTiff(tif)).toBe(true);
    expect(sniffKind('scan.tif', tif)).toBe('image');
    const pages = await tiffPages(tif);
    expect(pages.map((p) => [p.width, p.height])).toEqual([[7, 3], [4, 5]]);
    for (const [p, src] of [[pages[0], a], [pages[1], b]] as const) {
      for (let i = 0; i < src.grey.length; i++) {
        expect([p.data[i * 4], p.data[i * 4 + 1], p.data[i * 4 + 2], p.data[i * 4 + 3]]).toEqual([src.grey[i], src.grey[i], src.grey[i], 255]);
      }
    }
    expect(isTiff(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0]))).toBe(false);
    await expect(tiffPages(Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0]))).rejects.toThrow(/TIFF/);
  });

  it('a two-page TIFF of the form (150 dpi grey, then black and white Deflate) reads as one report: every cell exact or flagged', { timeout: 240_000 }, async () => {
    const tif = writeTiff([await formPageGrey(1, 150), { ...(await formPageGrey(2, 150, 170)), deflate: true }]);
    const d = draftFromText('scan.tif', await readImagesNode([tif]));
    expect(d.ocr!.pages).toHaveLength(2);
    expect([d.agency, d.year]).toEqual([FORM_RECORD.agency, FORM_RECORD.year]);
    const truth = randomRecord(FORM_RECORD.seed);
    const wrong = CELL_CODES.filter((c) => !d.uncertain.includes(c) && d.cells[c] !== truth[c]);
    const exact = CELL_CODES.filter((c) => !d.uncertain.includes(c) && d.cells[c] === truth[c]).length;
    console.log('TIFF, 2 pages:', exact, 'exact', d.uncertain.length, 'flagged', wrong.length, 'wrong');
    expect(wrong).toEqual([]);
    expect(exact).toBeGreaterThanOrEqual(180);
  });
});
