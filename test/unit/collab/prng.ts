/**
 * A seeded PRNG (mulberry32) for the randomized tests: the same seed gives the same run, so a failing
 * seed, printed in the test's name, replays exactly (set CONVERGENCE_SEED=<seed> to run only it).
 */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** The seeds to run: the one in CONVERGENCE_SEED alone when set, else `count` seeds from `first`. */
export function testSeeds(first: number, count: number): number[] {
  const only = process.env.CONVERGENCE_SEED;
  if (only !== undefined && only !== '') return [Number(only)];
  return Array.from({ length: count }, (_, index) => first + index);
}
