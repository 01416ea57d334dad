// Recognised lines → tokens for the layout: a detected box holds a run of text that may span
// several table cells (a row's numbers can share one box), so it is cut where the characters
// stand apart by more than about two characters' width, or at a space. Each token keeps its
// place on the deskewed page (for the layout), its place on the upright image (for showing a
// crop) and its confidence: the lowest of its characters'. Pure.
import type { OcrLine, OcrChar } from './engine';
import type { RotRect } from './image';
import type { TextItem } from '../pdfLayout';

export interface PixelBox { x: number; y: number; w: number; h: number }

export interface OcrToken {
  str: string;
  conf: number;
  /** 1-based page of the document */
  page: number;
  /** on the upright page image, for a crop */
  box: PixelBox;
  /** for the layout: left edge and width on the deskewed page, centre line, text height */
  x: number;
  width: number;
  y: number;
  height: number;
}

const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** Text height from a detected box's height: DB's boxes are grown around the glyphs. */
export const textHeight = (boxH: number) => boxH * 0.6;

export function lineTokens(line: OcrLine, page: number): OcrToken[] {
  const th = textHeight(line.height);
  const half = (c: OcrChar) => (WIDE.test(c.ch) ? 0.5 : 0.28) * th;
  const out: OcrToken[] = [];
  let run: OcrChar[] = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0], last = run[run.length - 1];
    const u0 = first.u - half(first), u1 = last.u + half(last);
    out.push({
      str: run.map((c) => c.ch).join(''), conf: Math.min(...run.map((c) => c.conf)), page,
      box: axisBox(line.box, u0, u1), x: first.x - half(first), width: u1 - u0, y: line.y, height: th,
    });
    run = [];
  };
  for (const c of line.chars) {
    if (c.ch.trim() === '') { flush(); continue; }
    const prev = run[run.length - 1];
    if (prev && c.x - half(c) - (prev.x + half(prev)) > 1.1 * th) flush();
    run.push(c);
  }
  flush();
  return out;
}

/** The axis-aligned box around the part [u0, u1] of a rotated box. */
function axisBox(b: RotRect, u0: number, u1: number): PixelBox {
  const cos = Math.cos(b.angle), sin = Math.sin(b.angle);
  const xs: number[] = [], ys: number[] = [];
  for (const u of [u0, u1]) {
    for (const v of [-b.h / 2, b.h / 2]) {
      xs.push(b.cx + u * cos - v * sin);
      ys.push(b.cy + u * sin + v * cos);
    }
  }
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** A token as pdf.js would have given it: y grows upwards (baseline ≈ centre here). */
export function toTextItem(t: { str: string; x: number; y: number; width: number; height: number }): TextItem {
  return { str: t.str, x: t.x, y: -t.y, width: t.width, height: t.height };
}
