// OCR of scans we make ourselves (tests/fixtures/scans/degrade.ts: our printed form drawn at 150–
// 300 dpi, skewed, turned 90°/180°, greyed, blurred, speckled, red-sealed, JPEG) with the real
// PP-OCRv4 models on onnxruntime-node: every one of the 200 cells comes back exact or blank/derived
// with a warning naming it — never a wrong number without a warning — and most come back exact.
import { describe, expect, it } from 'vitest';
import { CELL_CODES, type CellCode } from '../../src/lib/format/cells';
import { draftFromText, type DocumentDraft } from '../../src/lib/ingest/document';
import { readImagesNode } from '../../src/lib/ingest/docs/ocr/readNode';
import { sniffKind } from '../../src/lib/ingest/docs/kind';
import { settleBySums } from '../../src/lib/ingest/docs/ocr/sums';
import { classesFromDict, ctcDecode } from '../../src/lib/ingest/docs/ocr/ctc';
import { randomRecord } from '../fixtures/reports/randomRecord';
import { FORM_RECORD, scanOf, type Degrade } from '../fixtures/scans/degrade';

const truth = randomRecord(FORM_RECORD.seed);

function score(d: DocumentDraft) {
  const out = { exact: 0, flagged: 0, wrong: [] as string[] };
  for (const c of CELL_CODES) {
    if (d.uncertain.includes(c)) out.flagged++;
    else if (d.cells[c] === truth[c]) out.exact++;
    else out.wrong.push(`${c}: ${d.cells[c]} (true ${truth[c]})`);
  }
  return out;
}

async function readScan(pages: Degrade[]): Promise<DocumentDraft> {
  const images = await Promise.all(pages.map((d, i) => scanOf(i + 1, d)));
  return draftFromText('scan.jpg', await readImagesNode(images));
}

describe('scans read by OCR (real onnxruntime-node)', () => {
  it('150 dpi greyscale, skewed 1.5°/−1°, speckled, red seal, JPEG 55: every cell exact or flagged', { timeout: 240_000 }, async () => {
    const d = await readScan([
      { dpi: 150, skewDeg: 1.5, grey: true, noise: 0.002, seal: true, jpeg: 55, seed: 3 },
      { dpi: 150, skewDeg: -1, grey: true, noise: 0.002, jpeg: 55, seed: 4 },
    ]);
    expect(d.kind).toBe('image');
    expect([d.agency, d.year]).toEqual([FORM_RECORD.agency, FORM_RECORD.year]);
    const s = score(d);
    console.log('150 dpi skewed:', s.exact, 'exact', s.flagged, 'flagged', s.wrong.length, 'wrong');
    expect(s.wrong).toEqual([]);
    expect(s.exact).toBeGreaterThanOrEqual(180);
    // each flagged cell has a warning naming it and, where it was found, its place on the page
    for (const c of d.uncertain) expect(d.warnings.some((w) => w.code === c)).toBe(true);
    expect(Object.keys(d.ocr!.cells).length).toBeGreaterThan(0);
  });

  it('page 1 turned 90° (colour, 200 dpi, blurred, JPEG 70), page 2 upside down (300 dpi): exact or flagged', { timeout: 300_000 }, async () => {
    const d = await readScan([
      { dpi: 200, turns: 1, skewDeg: 0.8, blur: 0.6, jpeg: 70, seed: 5 },
      { dpi: 300, turns: 2, grey: true, seed: 6 },
    ]);
    expect(d.ocr!.pages.map((p) => p.turns)).toEqual([3, 2]);
    const s = score(d);
    console.log('turned:', s.exact, 'exact', s.flagged, 'flagged', s.wrong.length, 'wrong');
    expect(s.wrong).toEqual([]);
    expect(s.exact).toBeGreaterThanOrEqual(170);
  });
});

describe('OCR parts', () => {
  it('knows pictures by their bytes', () => {
    expect(sniffKind('a.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(sniffKind('x', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('image');
    expect(sniffKind('a.webp', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image');
    expect(sniffKind('a.jpg', new TextEncoder().encode('not a picture'))).toBe('unknown');
  });

  it('reads look-alike forms of a digit as one, with the belief summed', () => {
    const cls = classesFromDict('０\n0\n○\n5\n');
    // blank, ０, 0, ○, 5, space; 3 timesteps: ０ .4 + 0 .3 + ○ .2, blank, 5
    const p = new Float32Array([0.1, 0.4, 0.3, 0.2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    const out = ctcDecode(p, 0, 3, 6, cls);
    expect(out.map((c) => c.ch).join('')).toBe('05');
    expect(out[0].conf).toBeCloseTo(0.9);
  });

  it('the sums give back a misread cell and confirm the cells around it; without enough sums it stays blank', () => {
    const cells = { ...truth };
    const misread: CellCode = 's3_granted_business';
    cells[misread] = truth[misread]! + 30;
    const s = settleBySums(cells, new Set());
    expect(s.cells[misread]).toBe(truth[misread]);
    expect(s.derived.has(misread)).toBe(true);
    for (const c of CELL_CODES) expect(s.cells[c]).toBe(truth[c]);
    // two cells of one row misread and the row's column sums blank elsewhere: not forced
    const two = { ...truth, s3_granted_business: 999, s3_granted_research: 998, s3_partial_business: null, s3_partial_research: null };
    const t = settleBySums(two, new Set(['s3_partial_business', 's3_partial_research'] as CellCode[]));
    expect(t.unresolved.has('s3_granted_business')).toBe(true);
    expect(t.cells.s3_granted_business).toBeNull();
  });
});
