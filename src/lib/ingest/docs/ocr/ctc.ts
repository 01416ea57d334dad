// CTC greedy decoding of the recogniser's output, keeping for each character where it was read
// (its first and last timestep along the crop) and how sure the model was. The dictionary holds
// look-alike forms of one character (0, ０, ○, o; 1, １), among which the model splits its belief
// on a lone digit: they are read as one character, in its plain form (NFKC; a round glyph is 0 —
// the forms hold numbers), with the belief summed over the forms. Class 0 is CTC's blank; 1…n
// are the dictionary's lines, then a space. Pure.
export interface CtcChar { ch: string; t0: number; t1: number; conf: number }

export interface Classes {
  /** the plain form of each class */
  chars: string[];
  /** classes read as the same character */
  group: Int32Array;
  members: number[][];
}

const ROUND = /^[○〇oOοО◯]$/u;

export function classesFromDict(dict: string): Classes {
  const lines = dict.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const chars = ['', ...lines, ' '].map((c) => (ROUND.test(c) ? '0' : c.normalize('NFKC')));
  const ids = new Map<string, number>();
  const members: number[][] = [];
  const group = new Int32Array(chars.length);
  chars.forEach((c, k) => {
    let g = ids.get(c);
    if (g === undefined || k === 0) {
      g = members.length;
      ids.set(c, g);
      members.push([]);
    }
    members[g].push(k);
    group[k] = g;
  });
  return { chars, group, members };
}

/** `probs` holds T × C probabilities of one crop starting at `offset`; only the first `steps`
 *  timesteps are decoded (the rest is batch padding). */
export function ctcDecode(probs: Float32Array, offset: number, steps: number, C: number, cls: Classes): CtcChar[] {
  const out: CtcChar[] = [];
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * C;
    let k = 0, p = probs[row];
    for (let c = 1; c < C; c++) if (probs[row + c] > p) { p = probs[row + c]; k = c; }
    const g = cls.group[k];
    if (k !== 0) {
      const ms = cls.members[g];
      if (ms.length > 1) { p = 0; for (const c of ms) p += probs[row + c]; }
    }
    if (k !== 0 && g === prev) {
      const last = out[out.length - 1];
      last.t1 = t;
      if (p > last.conf) last.conf = p;
    } else if (k !== 0) {
      out.push({ ch: cls.chars[k], t0: t, t1: t, conf: p });
    }
    prev = k === 0 ? 0 : g;
  }
  return out;
}
