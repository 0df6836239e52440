import type { DiffHunk, DiffLine } from './plan-schema';

/**
 * A line diff of two texts as data for the publish dialog: Myers' shortest edit script over the lines
 * between the common head and tail, grouped into hunks with a few lines of context. A publish changes a
 * few lines of a long page, so the edit distance is small and the search short; past a bound (a page
 * rewritten wholesale) the middle is shown as removed and added.
 */
type Op = { kind: DiffLine['kind']; oldIndex: number; newIndex: number };

const MAX_DISTANCE = 2000;

/** The edit script between a and b (line arrays) as 'removed'/'added'/'context' steps, or null past MAX_DISTANCE. */
function myers(a: readonly string[], b: readonly string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, MAX_DISTANCE);
  // v[k + offset] is the furthest x on diagonal k; trace[d] keeps v as it was before step d, for k in [-d, d].
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: readonly Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: 'context', oldIndex: --x, newIndex: --y });
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'added', oldIndex: x, newIndex: --y });
      else ops.push({ kind: 'removed', oldIndex: --x, newIndex: y });
    }
  }
  return ops.reverse();
}

function script(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = myers(midA, midB) ?? [
    ...midA.map((_, i) => ({ kind: 'removed' as const, oldIndex: i, newIndex: 0 })),
    ...midB.map((_, j) => ({ kind: 'added' as const, oldIndex: midA.length, newIndex: j })),
  ];
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ kind: 'context', oldIndex: i, newIndex: i });
  for (const op of middle) ops.push({ ...op, oldIndex: op.oldIndex + head, newIndex: op.newIndex + head });
  for (let i = tail; i > 0; i--)
    ops.push({ kind: 'context', oldIndex: a.length - i, newIndex: b.length - i });
  return ops;
}

/** Hunks of the changes between two texts, each with up to `context` unchanged lines around it. */
export function lineDiff(before: string, after: string, context = 3): DiffHunk[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = script(a, b);
  const changed = ops.map((op, i) => (op.kind === 'context' ? -1 : i)).filter((i) => i >= 0);
  const hunks: DiffHunk[] = [];
  let k = 0;
  while (k < changed.length) {
    let last = changed[k]!;
    let next = k + 1;
    while (next < changed.length && changed[next]! - last <= 2 * context + 1) last = changed[next++]!;
    const from = Math.max(0, changed[k]! - context);
    const to = Math.min(ops.length, last + context + 1);
    const lines: DiffLine[] = ops.slice(from, to).map((op) => ({
      kind: op.kind,
      text: op.kind === 'added' ? b[op.newIndex]! : a[op.oldIndex]!,
      oldLine: op.kind === 'added' ? null : op.oldIndex + 1,
      newLine: op.kind === 'removed' ? null : op.newIndex + 1,
    }));
    const first = ops[from]!;
    const oldCount = lines.filter((line) => line.kind !== 'added').length;
    const newCount = lines.filter((line) => line.kind !== 'removed').length;
    hunks.push({
      oldStart: oldCount === 0 ? first.oldIndex : first.oldIndex + 1,
      oldCount,
      newStart: newCount === 0 ? first.newIndex : first.newIndex + 1,
      newCount,
      lines,
    });
    k = next;
  }
  return hunks;
}

/** The text a diff's side holds, from its hunks (for tests and for a plain-text view). */
export function unifiedDiff(hunks: readonly DiffHunk[]): string {
  const mark = { context: ' ', removed: '-', added: '+' } as const;
  return hunks
    .map(
      (hunk) =>
        `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@\n` +
        hunk.lines.map((line) => mark[line.kind] + line.text).join('\n'),
    )
    .join('\n');
}
