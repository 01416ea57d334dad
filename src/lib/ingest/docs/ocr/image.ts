// Plain RGBA raster operations for OCR, shared by the browser worker and Node (no canvas needed):
// greyscale-free bilinear sampling of a rotated rectangle into a fixed height, quarter turns.
// Pure; `data` is RGBA, 4 bytes per pixel, row-major (ImageData's layout).
export interface Raster { width: number; height: number; data: Uint8ClampedArray | Uint8Array }

/** A rectangle of the page at an angle: centre, size along its own axes, angle in radians
 *  (its x axis turned clockwise from the page's, y pointing down). */
export interface RotRect { cx: number; cy: number; w: number; h: number; angle: number }

/** Quarter turns clockwise (1, 2 or 3). */
export function rotateQuarter(img: Raster, turns: number): Raster {
  const t = ((turns % 4) + 4) % 4;
  if (t === 0) return img;
  const { width: W, height: H, data } = img;
  const w2 = t === 2 ? W : H;
  const h2 = t === 2 ? H : W;
  const out = new Uint8ClampedArray(w2 * h2 * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let nx: number, ny: number;
      if (t === 1) { nx = H - 1 - y; ny = x; } else if (t === 2) { nx = W - 1 - x; ny = H - 1 - y; } else { nx = y; ny = W - 1 - x; }
      const s = (y * W + x) * 4;
      const d = (ny * w2 + nx) * 4;
      out[d] = data[s]; out[d + 1] = data[s + 1]; out[d + 2] = data[s + 2]; out[d + 3] = 255;
    }
  }
  return { width: w2, height: h2, data: out };
}

/** Bilinear sample of the page at (x, y), channel c; white outside. */
function sample(img: Raster, x: number, y: number, c: number): number {
  const { width: W, height: H, data } = img;
  if (x < 0 || y < 0 || x > W - 1 || y > H - 1) return 255;
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, W - 1), y1 = Math.min(y0 + 1, H - 1);
  const fx = x - x0, fy = y - y0;
  const a = data[(y0 * W + x0) * 4 + c], b = data[(y0 * W + x1) * 4 + c];
  const d = data[(y1 * W + x0) * 4 + c], e = data[(y1 * W + x1) * 4 + c];
  return (a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy;
}

/** The rotated rectangle resampled to outW × outH, as planar float channels in B, G, R order
 *  (PaddleOCR's models were trained on OpenCV's BGR), each value mapped by `norm`, written into
 *  `dst` at `offset` for a tensor whose rows are `rowStride` wide (the batch's widest crop; the
 *  rest of the row is left as the caller filled it). `flip` reads it turned half round. */
export function cropInto(
  img: Raster, r: RotRect, outW: number, outH: number, dst: Float32Array, offset: number, rowStride: number,
  norm: (v: number) => number, flip = false,
): void {
  const cos = Math.cos(r.angle), sin = Math.sin(r.angle);
  const plane = rowStride * outH;
  // supersample when shrinking a lot, so thin strokes of a 300 dpi page do not vanish
  const step = Math.max(r.w / outW, r.h / outH);
  const ss = step > 1.6 ? 2 : 1;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const px = flip ? outW - 1 - ox : ox, py = flip ? outH - 1 - oy : oy;
      let b = 0, g = 0, rr = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = ((px + (sx + 0.5) / ss) / outW - 0.5) * r.w;
          const v = ((py + (sy + 0.5) / ss) / outH - 0.5) * r.h;
          const x = r.cx + u * cos - v * sin;
          const y = r.cy + u * sin + v * cos;
          rr += sample(img, x, y, 0); g += sample(img, x, y, 1); b += sample(img, x, y, 2);
        }
      }
      const n = ss * ss;
      const i = offset + oy * rowStride + ox;
      dst[i] = norm(b / n); dst[i + plane] = norm(g / n); dst[i + 2 * plane] = norm(rr / n);
    }
  }
}

/** The page scaled to fit `limit` on its longer side (never enlarged), each side a multiple of
 *  32 (the detector's stride), as a normalised BGR planar tensor. */
export function detInput(img: Raster, limit: number): { data: Float32Array; w: number; h: number; scaleX: number; scaleY: number } {
  const s = Math.min(1, limit / Math.max(img.width, img.height));
  const w = Math.max(32, Math.round((img.width * s) / 32) * 32);
  const h = Math.max(32, Math.round((img.height * s) / 32) * 32);
  const data = new Float32Array(3 * w * h);
  const mean = [0.485, 0.456, 0.406], std = [0.229, 0.224, 0.225];
  const sx = img.width / w, sy = img.height / h;
  const plane = w * h;
  const { width: W, data: src } = img;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // area average over the source pixels this one covers (box filter)
      const x0 = Math.floor(x * sx), x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const y0 = Math.floor(y * sy), y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      let r = 0, g = 0, b = 0, n = 0;
      for (let yy = y0; yy < y1 && yy < img.height; yy++) {
        for (let xx = x0; xx < x1 && xx < W; xx++) {
          const k = (yy * W + xx) * 4;
          r += src[k]; g += src[k + 1]; b += src[k + 2]; n++;
        }
      }
      n = n || 1;
      const i = y * w + x;
      data[i] = (b / n / 255 - mean[0]) / std[0];
      data[i + plane] = (g / n / 255 - mean[1]) / std[1];
      data[i + 2 * plane] = (r / n / 255 - mean[2]) / std[2];
    }
  }
  return { data, w, h, scaleX: sx, scaleY: sy };
}
