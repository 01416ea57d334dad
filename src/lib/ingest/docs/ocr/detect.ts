// PP-OCR DB detection post-processing: the probability map → text boxes as rotated rectangles.
// Text pixels (p > 0.3) are grouped into connected regions; each region's orientation comes from
// its second moments, its extent from projecting its pixels on those axes, then it is grown back
// by DB's unclip distance (area × 1.5 / perimeter: the model was trained on shrunken regions).
// Short regions (a lone digit) take the page's skew instead of their own, unreliable, angle.
// Pure.
import type { RotRect } from './image';

export interface DetBox extends RotRect { score: number }

export interface Detection {
  boxes: DetBox[];
  /** the page's skew in radians (median angle of long text regions), + = clockwise */
  skew: number;
  /** long regions standing upright rather than lying: the page is turned a quarter */
  upright: number;
  lying: number;
}

const THRESH = 0.3;
const BOX_THRESH = 0.5;
const UNCLIP = 1.5;

export function boxesFromMap(prob: Float32Array, w: number, h: number, scaleX: number, scaleY: number): Detection {
  const label = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const comps: { start: number; n: number }[] = [];
  const pix = new Int32Array(w * h);
  let used = 0;
  for (let i = 0; i < w * h; i++) {
    if (label[i] !== -1 || prob[i] <= THRESH) continue;
    const id = comps.length;
    const start = used;
    let sp = 0;
    stack[sp++] = i;
    label[i] = id;
    while (sp) {
      const p = stack[--sp];
      pix[used++] = p;
      const x = p % w, y = (p - x) / w;
      if (x > 0 && label[p - 1] === -1 && prob[p - 1] > THRESH) { label[p - 1] = id; stack[sp++] = p - 1; }
      if (x < w - 1 && label[p + 1] === -1 && prob[p + 1] > THRESH) { label[p + 1] = id; stack[sp++] = p + 1; }
      if (y > 0 && label[p - w] === -1 && prob[p - w] > THRESH) { label[p - w] = id; stack[sp++] = p - w; }
      if (y < h - 1 && label[p + w] === -1 && prob[p + w] > THRESH) { label[p + w] = id; stack[sp++] = p + w; }
    }
    comps.push({ start, n: used - start });
  }

  type Shape = { mx: number; my: number; angle: number; score: number; start: number; n: number; aspect: number; len: number };
  const shapes: Shape[] = [];
  for (const c of comps) {
    if (c.n < 6) continue;
    let sx = 0, sy = 0, sp = 0;
    for (let k = c.start; k < c.start + c.n; k++) {
      const p = pix[k], x = p % w;
      sx += x; sy += (p - x) / w; sp += prob[p];
    }
    const score = sp / c.n;
    if (score < BOX_THRESH) continue;
    const mx = sx / c.n, my = sy / c.n;
    let cxx = 0, cyy = 0, cxy = 0;
    for (let k = c.start; k < c.start + c.n; k++) {
      const p = pix[k], x = p % w, y = (p - x) / w;
      cxx += (x - mx) ** 2; cyy += (y - my) ** 2; cxy += (x - mx) * (y - my);
    }
    const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    const l1 = (cxx + cyy) / 2 + Math.sqrt(((cxx - cyy) / 2) ** 2 + cxy * cxy);
    const l2 = (cxx + cyy) / 2 - Math.sqrt(((cxx - cyy) / 2) ** 2 + cxy * cxy);
    const aspect = Math.sqrt(l1 / Math.max(l2, 1e-6));
    shapes.push({ mx, my, angle, score, start: c.start, n: c.n, aspect, len: Math.sqrt(l1 / c.n) * 3.46 });
  }
  const long = shapes.filter((s) => s.aspect > 3 && s.len > 20);
  const lying = long.filter((s) => Math.abs(s.angle) < Math.PI / 4);
  const upright = long.length - lying.length;
  const angles = lying.map((s) => s.angle).sort((a, b) => a - b);
  const skew = angles.length ? angles[Math.floor(angles.length / 2)] : 0;

  const boxes: DetBox[] = [];
  for (const s of shapes) {
    // a region's own angle only when it is long and close to the page's: else the page's
    const angle = s.aspect > 3 && Math.abs(s.angle - skew) < 0.1 ? s.angle : skew;
    const cos = Math.cos(angle), sin = Math.sin(angle);
    let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
    for (let k = s.start; k < s.start + s.n; k++) {
      const p = pix[k], x = p % w, y = (p - x) / w;
      const u = (x - s.mx) * cos + (y - s.my) * sin;
      const v = -(x - s.mx) * sin + (y - s.my) * cos;
      if (u < u0) u0 = u; if (u > u1) u1 = u; if (v < v0) v0 = v; if (v > v1) v1 = v;
    }
    let bw = u1 - u0 + 1, bh = v1 - v0 + 1;
    if (Math.min(bw, bh) < 2) continue;
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh));
    const cu = (u0 + u1) / 2, cv = (v0 + v1) / 2;
    const cx = s.mx + cu * cos - cv * sin, cy = s.my + cu * sin + cv * cos;
    bw += 2 * d; bh += 2 * d;
    boxes.push({ cx: (cx + 0.5) * scaleX, cy: (cy + 0.5) * scaleY, w: bw * scaleX, h: bh * scaleY, angle, score: s.score });
  }
  return { boxes, skew, upright, lying: lying.length };
}
