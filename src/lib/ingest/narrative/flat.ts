// A report's text as one string without line breaks or spaces (a PDF breaks sentences, and even
// numbers from their units, at every line end), keeping for each character the 1-based line of
// the input it came from. Full-width digits are folded to ASCII; punctuation is kept as printed
// (quotes stay as the report wrote them). Pure.
export interface FlatText {
  text: string;
  /** line of text[i] */
  lines: number[];
}

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\f/);
}

/** Lines [from, to) of `all` (0-based) flattened. A line that is a heading (short, no sentence
 *  end) ends with a "。" of its own, so it never runs into the sentence after it. */
export function flatten(all: string[], from = 0, to = all.length, skip?: (i: number) => boolean): FlatText {
  let text = '';
  const lines: number[] = [];
  for (let i = from; i < to; i++) {
    if (skip?.(i)) continue;
    const l = foldDigits(all[i]).replace(/\s+/g, '');
    if (!l) continue;
    const chunk = isHeading(l) && !/[。；;]$/.test(l) ? `${l}。` : l;
    text += chunk;
    for (let k = 0; k < chunk.length; k++) lines.push(i + 1);
  }
  return { text, lines };
}

/** "一、总体情况", "（二）依申请公开情况" — a numbered heading line without a sentence in it. */
export function isHeading(l: string): boolean {
  return l.length <= 24 && /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))/.test(l) && !/[，。；]/.test(l);
}

/** Full-width digits, decimal point and percent sign → ASCII (nothing else changes). */
export function foldDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}
