// TIFF scans: what office scanners save (often several pages in one file, CCITT G4, LZW, Deflate,
// PackBits or JPEG inside). Browsers cannot draw a TIFF, so its pages are decoded here, by UTIF
// (utif2, loaded only when a TIFF comes), into the rasters the OCR reads; each page of the file is
// one page of the report.
import type { Raster } from './image';

/** A TIFF's first bytes: "II*\0" (little-endian) or "MM\0*" (big-endian). */
export function isTiff(b: Uint8Array): boolean {
  return b.length > 8 && ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0)
    || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a));
}

/** The file's pages as RGBA rasters, in the file's order. Reduced-resolution copies (thumbnails,
 *  NewSubfileType bit 0) are skipped. Throws, in words, when no page can be decoded. */
export async function tiffPages(bytes: Uint8Array): Promise<Raster[]> {
  const UTIF = (await import('utif2')).default;
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const ifds = UTIF.decode(buf).filter((ifd) => !((Number((ifd.t254 as number[] | undefined)?.[0] ?? 0)) & 1));
  const out: Raster[] = [];
  for (const ifd of ifds) {
    UTIF.decodeImage(buf, ifd);
    if (!ifd.width || !ifd.height) continue;
    out.push({ width: ifd.width, height: ifd.height, data: onWhite(UTIF.toRGBA8(ifd)) });
  }
  if (!out.length) throw new Error('TIFF: no page could be decoded');
  return out;
}

/** Transparent pixels (an alpha channel some scanners write) as white paper, like a drawn image. */
function onWhite(rgba: Uint8Array): Uint8ClampedArray {
  const d = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let i = 3; i < d.length; i += 4) {
    const a = d[i];
    if (a === 255) continue;
    for (let k = i - 3; k < i; k++) d[k] = Math.round((d[k] * a + 255 * (255 - a)) / 255);
    d[i] = 255;
  }
  return d;
}
