// The official form as a Word document (.docx): title, scope and time made, the three tables with
// their merged headers as printed, units, the reports included and missing, and the draft text.
// A4 portrait. Written with the `docx` package, loaded only when a Word export is asked for.
import type { FormDocument } from './formDoc';
import { formGrid, type GridTable } from './formGrid';
import { FORM_WORDS, countNote, headerLines, refsByYear } from './formText';

type Docx = typeof import('docx');

const FONT = { ascii: 'SimSun', eastAsia: 'SimSun', hAnsi: 'SimSun' };
/** A4 in twips, with 1.8 cm margins. */
const A4 = { width: 11906, height: 16838, margin: 1020 };

function table(d: Docx, t: GridTable) {
  const usable = A4.width - 2 * A4.margin;
  const weights = t.weights ?? Array<number>(t.width).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  return new d.Table({
    width: { size: usable, type: d.WidthType.DXA },
    columnWidths: weights.map((w) => Math.floor((usable * w) / total)),
    rows: t.rows.map((cols) => new d.TableRow({
      cantSplit: true,
      children: cols.map((c) => new d.TableCell({
        rowSpan: c.rowspan, columnSpan: c.colspan,
        verticalAlign: d.VerticalAlign.CENTER,
        shading: c.kind === 'head' ? { fill: 'E8EEF5', type: d.ShadingType.CLEAR, color: 'auto' } : undefined,
        children: [new d.Paragraph({
          alignment: c.kind === 'label' ? d.AlignmentType.LEFT : d.AlignmentType.CENTER,
          children: [new d.TextRun({ text: c.text, size: 16, font: FONT, bold: c.kind === 'head' })],
        })],
      })),
    })),
  });
}

export async function formDocx(doc: FormDocument): Promise<Uint8Array> {
  const d: Docx = await import('docx');
  const w = FORM_WORDS[doc.lang];
  const p = (text: string, opts: { bold?: boolean; size?: number; center?: boolean; before?: number } = {}) => new d.Paragraph({
    alignment: opts.center ? d.AlignmentType.CENTER : d.AlignmentType.LEFT,
    spacing: { before: opts.before ?? 60, after: 60 },
    children: [new d.TextRun({ text, bold: opts.bold, size: opts.size ?? 20, font: FONT })],
  });
  const body: (import('docx').Paragraph | import('docx').Table)[] = [
    p(doc.title, { bold: true, size: 30, center: true }),
    ...headerLines(doc).map((l) => p(l, { size: 18 })),
  ];
  for (const t of formGrid(doc.cells)) {
    if (t.heading) body.push(p(t.heading, { bold: true, size: 22, before: 200 }));
    body.push(table(d, t), p('', { size: 8 }));
  }
  body.push(p(`${w.included}${countNote(doc.included.length, doc.lang)}`, { bold: true, before: 200 }));
  for (const l of doc.included.length ? refsByYear(doc.included, doc.lang) : [w.none]) body.push(p(l, { size: 18 }));
  if (doc.rollup) {
    body.push(p(`${w.missing}${countNote(doc.missing.length, doc.lang)}`, { bold: true, before: 160 }));
    for (const l of doc.missing.length ? refsByYear(doc.missing, doc.lang) : [w.none]) body.push(p(l, { size: 18 }));
  }
  body.push(p(w.draft, { bold: true, before: 200 }));
  for (const l of doc.draft.zh) body.push(p(l));
  for (const l of doc.draft.en ?? []) body.push(p(l));
  const file = new d.Document({
    creator: '政务公开年报看板', title: doc.title,
    sections: [{
      properties: { page: { size: { width: A4.width, height: A4.height }, margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin } } },
      children: body,
    }],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(file));
}
