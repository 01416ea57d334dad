// Text → GB18030 bytes, for offices whose spreadsheet software still expects GBK. TextEncoder
// only writes UTF-8, and iconv-lite (measured: 329 KB, 164 KB gzipped in the browser, plus a
// Buffer polyfill) is heavy for one encoding. The WHATWG Encoding Standard's gb18030 index is
// already inside every TextDecoder: the encoder is built by inverting it once (≈ 65k code
// points, a few ms), so what we write is by construction what a decoder reads back.
// tests/unit/exportEncode.test.ts checks it against iconv-lite byte for byte.

let table: Map<number, number> | null = null;
/** BMP code points with a four-byte form: code point → linear pointer (GB18030 ranges). */
let fourByte: Map<number, number> | null = null;

function build() {
  const dec = new TextDecoder('gb18030');
  table = new Map();
  // Two-byte codes: lead 0x81–0xFE, trail 0x40–0x7E and 0x80–0xFE.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    const bytes: number[] = [];
    const trails: number[] = [];
    for (let t = 0x40; t <= 0xfe; t++) {
      if (t === 0x7f) continue;
      bytes.push(lead, t);
      trails.push(t);
    }
    const text = dec.decode(new Uint8Array(bytes));
    const chars = Array.from(text);
    // Each pair decodes to exactly one character (U+FFFD where unmapped).
    if (chars.length !== trails.length) throw new Error('gb18030: unexpected decoder output');
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!;
      if (cp !== 0xfffd && !table!.has(cp)) table!.set(cp, (lead << 8) | trails[i]);
    });
  }
  // Four-byte codes of the BMP: pointers 0 … 39419 decode to the code points not in the table.
  fourByte = new Map();
  const bytes = new Uint8Array(39420 * 4);
  for (let p = 0; p < 39420; p++) bytes.set(pointerBytes(p), p * 4);
  const chars = Array.from(dec.decode(bytes));
  if (chars.length !== 39420) throw new Error('gb18030: unexpected decoder output');
  chars.forEach((ch, p) => {
    const cp = ch.codePointAt(0)!;
    // U+FFFD is itself a character of GB18030 (84 31 A4 37, pointer 39417)
    if ((cp !== 0xfffd || p === 39417) && !table!.has(cp) && !fourByte!.has(cp)) fourByte!.set(cp, p);
  });
}

function pointerBytes(p: number): number[] {
  const b4 = p % 10;
  const b3 = Math.floor(p / 10) % 126;
  const b2 = Math.floor(p / 1260) % 10;
  const b1 = Math.floor(p / 12600);
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

/** Encode text as GB18030. Characters no encoder can write (lone surrogates) become '?'. */
export function encodeGb18030(text: string): Uint8Array {
  if (!table) build();
  const out = new Uint8Array(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const two = table!.get(cp);
    if (two !== undefined) {
      out[n++] = two >> 8;
      out[n++] = two & 0xff;
      continue;
    }
    let p = fourByte!.get(cp);
    if (p === undefined && cp >= 0x10000) p = 189000 + (cp - 0x10000);
    if (p === undefined) {
      out[n++] = 0x3f;
      continue;
    }
    for (const b of pointerBytes(p)) out[n++] = b;
  }
  return out.slice(0, n);
}
