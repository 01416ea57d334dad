// A small seeded PRNG (mulberry32) and the few distributions the demo generator needs.
// Everything is drawn from one stream in a fixed order, so the output is byte-identical per seed.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Uniform real in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A multiplicative factor around 1 (log-normal with the given spread). */
  jitter(sd: number, drift = 0): number {
    return Math.exp(drift + sd * this.normal());
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  /** Index drawn with probability proportional to its weight. */
  categorical(weights: readonly number[]): number {
    const sum = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** n units spread over the categories, one draw per unit. */
  multinomial(n: number, weights: readonly number[]): number[] {
    const counts = weights.map(() => 0);
    for (let i = 0; i < n; i++) counts[this.categorical(weights)]++;
    return counts;
  }
}

/** Round a money amount to 2 decimals (万元). */
export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
