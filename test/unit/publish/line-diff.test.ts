import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiffHunk, lineDiff, unifiedDiff } from '../../../lib/publish';

/** Applies hunks to the old text's lines: what lies outside them is copied unchanged. */
function apply(before: string, hunks: readonly DiffHunk[]): string {
  const a = before.split('\n');
  const out: string[] = [];
  let at = 0;
  for (const hunk of hunks) {
    const first = hunk.lines.find((line) => line.oldLine !== null)?.oldLine ?? hunk.oldStart + 1;
    out.push(...a.slice(at, first - 1));
    for (const line of hunk.lines) if (line.kind !== 'removed') out.push(line.text);
    at = first - 1 + hunk.oldCount;
  }
  return [...out, ...a.slice(at)].join('\n');
}

/** The least number of lines removed and added, by the textbook LCS table (small inputs only). */
function distance(a: readonly string[], b: readonly string[]): number {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  return a.length + b.length - 2 * lcs[0]![0]!;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', '{{project', '}}', ''), { maxLength: 30 });

describe('the line diff', () => {
  it('is empty for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb')).toEqual([]);
  });

  it('shows one changed line with three lines of context, numbered on both sides', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = before.replace('5', 'five');
    expect(unifiedDiff(lineDiff(before, after))).toBe('@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8');
    const [hunk] = lineDiff(before, after);
    expect(hunk!.lines.find((line) => line.kind === 'added')).toEqual({
      kind: 'added',
      text: 'five',
      oldLine: null,
      newLine: 5,
    });
  });

  it('keeps far-apart changes in separate hunks and near ones in one', () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const far = before.replace('line 3\n', 'x\n').replace('line 30\n', 'y\n');
    expect(lineDiff(before, far)).toHaveLength(2);
    const near = before.replace('line 3\n', 'x\n').replace('line 9\n', 'y\n');
    expect(lineDiff(before, near)).toHaveLength(1);
  });

  it('turns the old text into the new one, with the fewest lines changed', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const before = a.join('\n');
        const after = b.join('\n');
        const hunks = lineDiff(before, after, 2);
        expect(apply(before, hunks)).toBe(after);
        const changed = hunks.flatMap((hunk) => hunk.lines).filter((line) => line.kind !== 'context').length;
        expect(changed).toBe(distance(before.split('\n'), after.split('\n')));
      }),
      { numRuns: 300 },
    );
  });

  it('diffs a page rewritten wholesale without searching forever', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const hunks = lineDiff(before, after);
    expect(apply(before, hunks)).toBe(after);
  });
});
