import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, searchApproximate, similarity } from '../../../lib/anchoring/approximate';

/** The textbook tables, to hold the bit-parallel version to. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Sellers: the fewest edits of any substring of text ending at each position. */
function bestEndingAt(text: string, pattern: string): number[] {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const out: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const current = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      current[i] = Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + cost);
    }
    out.push(current[pattern.length]!);
    previous = current;
  }
  return out;
}

const smallAlphabet = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'), maxLength: 120 });

describe('editDistance', () => {
  it('agrees with the textbook table, also for patterns longer than one 32-bit word', () => {
    fc.assert(
      fc.property(smallAlphabet, smallAlphabet, (a, b) => {
        expect(editDistance(a, b)).toBe(levenshtein(a, b));
      }),
      { numRuns: 400 },
    );
  });

  it('counts exactly 32, 33 and 64 unit patterns (word boundaries of the blocked form)', () => {
    for (const length of [31, 32, 33, 63, 64, 65, 97]) {
      const a = 'ab'.repeat(length).slice(0, length);
      const b = `x${a.slice(1, -1)}yz`;
      expect(editDistance(a, b)).toBe(levenshtein(a, b));
    }
  });

  it('gives similarity 1 for equal strings and 0 for nothing in common', () => {
    expect(similarity('kernel', 'kernel')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('aaaa', 'bbbb')).toBe(0);
    expect(similarity('kernel', 'kernal')).toBeCloseTo(5 / 6);
  });
});

describe('searchApproximate', () => {
  it('finds every end the textbook search finds within the error bound, each with its count', () => {
    fc.assert(
      fc.property(
        smallAlphabet,
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), minLength: 1, maxLength: 70 }),
        fc.nat(4),
        (text, pattern, k) => {
          const truth = bestEndingAt(text, pattern);
          const found = searchApproximate(text, pattern, k, { limit: 10_000 });
          for (const match of found) {
            expect(truth[match.end - 1]).toBeLessThanOrEqual(k);
            expect(levenshtein(pattern, text.slice(match.start, match.end))).toBe(match.errors);
            expect(match.errors).toBe(truth[match.end - 1]);
          }
          // Every qualifying end is represented by a match near it that is at least as good.
          truth.forEach((errors, index) => {
            if (errors > k) return;
            const near = found.filter(
              (m) => Math.abs(m.end - (index + 1)) < Math.max(1, pattern.length >> 1),
            );
            expect(near.some((m) => m.errors <= errors)).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports an exact occurrence with zero errors and its exact bounds', () => {
    const text = 'the scheduler of the hypervisor schedules the guest';
    expect(searchApproximate(text, 'hypervisor', 2)).toContainEqual({ start: 21, end: 31, errors: 0 });
    expect(searchApproximate(text, 'hypervsor', 1)).toContainEqual({ start: 21, end: 31, errors: 1 });
    expect(searchApproximate(text, 'zzzzzzzz', 2)).toEqual([]);
  });
});
