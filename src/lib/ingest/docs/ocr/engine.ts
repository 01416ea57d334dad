// One page image → recognised text lines with each character's position and confidence.
// Runs PaddleOCR's PP-OCRv4 detection, direction classifier and recognition models through an
// ONNX runtime the caller supplies (onnxruntime-web in the browser's worker, onnxruntime-node in
// Node), with the pre- and post-processing written here so that every character keeps its own
// place along its line (a table row's numbers may share one detected box) and its own
// confidence. Pages turned a quarter are found by their upright text regions, pages upside down
// by the classifier's vote over the longest lines; skew is measured on the long text regions and
// taken out of the positions handed to the layout.
import { ctcDecode, type Classes, type CtcChar } from './ctc';
import { boxesFromMap, type DetBox } from './detect';
import { cropInto, detInput, rotateQuarter, type Raster, type RotRect } from './image';

/** The three models, as the runtime runs them: input tensor (NCHW float32) → output data. */
export interface OcrModels {
  det(data: Float32Array, h: number, w: number): Promise<Float32Array>;
  rec(data: Float32Array, n: number, w: number): Promise<{ data: Float32Array; steps: number; classes: number }>;
  cls(data: Float32Array, n: number): Promise<Float32Array>;
  classes: Classes;
}

/** x: the character's centre on the deskewed page; u: along its box, from the box centre */
export interface OcrChar { ch: string; x: number; u: number; conf: number }
export interface OcrLine {
  text: string;
  /** the box in the upright page's pixels (for showing a crop) */
  box: RotRect;
  /** centre and height with the skew taken out (for the layout) */
  y: number;
  height: number;
  chars: OcrChar[];
}
export interface OcrPage {
  /** the page turned upright: quarter turns applied clockwise */
  image: Raster;
  turns: number;
  skewDeg: number;
  lines: OcrLine[];
}

const DET_LIMIT = 1280;
const REC_H = 48;
const BATCH = 8;

export async function ocrPage(img: Raster, m: OcrModels, onStep?: (done: number, total: number) => void): Promise<OcrPage> {
  let turns = 0;
  let det = await detect(img, m);
  if (det.upright >= 5 && det.upright > det.lying * 1.5) {
    img = rotateQuarter(img, 1);
    turns = 1;
    det = await detect(img, m);
  }
  if (await upsideDown(img, det.boxes, m)) {
    img = rotateQuarter(img, 2);
    turns += 2;
    const { width: W, height: H } = img;
    det = { ...det, boxes: det.boxes.map((b) => ({ ...b, cx: W - b.cx, cy: H - b.cy })) };
  }
  const boxes = det.boxes;
  const chars = await recognise(img, boxes, m, onStep);
  // positions with the skew taken out: turn every point about the page centre by -skew
  const cos = Math.cos(-det.skew), sin = Math.sin(-det.skew);
  const ox = img.width / 2, oy = img.height / 2;
  const lines: OcrLine[] = [];
  boxes.forEach((b, i) => {
    const cs = chars[i];
    if (!cs.length) return;
    const dx = ox + (b.cx - ox) * cos - (b.cy - oy) * sin;
    const dy = oy + (b.cx - ox) * sin + (b.cy - oy) * cos;
    lines.push({
      text: cs.map((c) => c.ch).join(''), box: b, y: dy, height: b.h,
      chars: cs.map((c) => ({ ch: c.ch, conf: c.conf, x: dx + c.u, u: c.u })),
    });
  });
  return { image: img, turns: turns % 4, skewDeg: (det.skew * 180) / Math.PI, lines };
}

async function detect(img: Raster, m: OcrModels) {
  const t = detInput(img, DET_LIMIT);
  const prob = await m.det(t.data, t.h, t.w);
  return boxesFromMap(prob, t.w, t.h, t.scaleX, t.scaleY);
}

/** Width of a box's crop at the recogniser's height. */
const recWidth = (b: RotRect) => Math.max(16, Math.min(REC_H * 60, Math.round((REC_H * b.w) / Math.max(1, b.h))));

/** The classifier's vote over the (up to) 12 longest lines: upside down when most say 180°. */
async function upsideDown(img: Raster, boxes: DetBox[], m: OcrModels): Promise<boolean> {
  const sample = [...boxes].filter((b) => b.w > b.h * 3).sort((a, b) => b.w - a.w).slice(0, 12);
  if (sample.length < 3) return false;
  const W = 192;
  const data = new Float32Array(sample.length * 3 * REC_H * W);
  sample.forEach((b, i) => cropInto(img, b, Math.min(W, recWidth(b)), REC_H, data, i * 3 * REC_H * W, W, (v) => v / 127.5 - 1));
  const out = await m.cls(data, sample.length);
  let flipped = 0;
  for (let i = 0; i < sample.length; i++) if (out[i * 2 + 1] > 0.5) flipped++;
  return flipped > sample.length / 2;
}

type Placed = CtcChar & { u: number };

/** Crops narrower than this are read together, side by side on one white strip: alone, a lone
 *  digit lacks context and the recogniser reads 0 as ○ or o, 1 as １. */
const SHORT = 2 * REC_H;
const STRIP = 20 * REC_H;
const GAP = REC_H / 2;

interface Seg { i: number; x0: number; w: number }
interface Item { segs: Seg[]; width: number }

/** Each box's characters, with `u` the character's centre along the box from the box centre. */
async function recognise(img: Raster, boxes: DetBox[], m: OcrModels, onStep?: (done: number, total: number) => void): Promise<Placed[][]> {
  const out: Placed[][] = boxes.map(() => []);
  const items: Item[] = [];
  let strip: Item | null = null;
  boxes.map((b, i) => ({ i, w: recWidth(b) })).sort((a, b) => a.w - b.w).forEach(({ i, w }) => {
    if (w > SHORT) return items.push({ segs: [{ i, x0: 0, w }], width: w });
    if (!strip || strip.width + GAP + w > STRIP) {
      strip = { segs: [], width: GAP / 2 };
      items.push(strip);
    }
    strip.segs.push({ i, x0: strip.width, w });
    strip.width += w + GAP;
  });
  items.sort((a, b) => a.width - b.width);
  for (let k = 0; k < items.length; k += BATCH) {
    const batch = items.slice(k, k + BATCH);
    const W = Math.ceil(Math.max(...batch.map((x) => x.width)) / 8) * 8;
    const plane = REC_H * W;
    const data = new Float32Array(batch.length * 3 * plane);
    batch.forEach((it, j) => {
      const base = j * 3 * plane;
      if (it.segs.length > 1) for (let c = 0; c < 3; c++) data.fill(1, base + c * plane, base + (c + 1) * plane);
      for (const s of it.segs) cropInto(img, boxes[s.i], s.w, REC_H, data, base + s.x0, W, (v) => v / 127.5 - 1);
    });
    const r = await m.rec(data, batch.length, W);
    const perStep = W / r.steps;
    batch.forEach((it, j) => {
      const steps = Math.min(r.steps, Math.ceil(it.width / perStep));
      for (const c of ctcDecode(r.data, j * r.steps * r.classes, steps, r.classes, m.classes)) {
        const px = ((c.t0 + c.t1) / 2 + 0.5) * perStep;
        const s = it.segs.find((g) => px >= g.x0 - 4 && px < g.x0 + g.w + 4);
        if (!s || (it.segs.length > 1 && c.ch === ' ')) continue;
        const b = boxes[s.i];
        out[s.i].push({ ...c, u: ((px - s.x0) / s.w - 0.5) * b.w });
      }
    });
    onStep?.(Math.min(k + BATCH, items.length), items.length);
  }
  return out;
}
