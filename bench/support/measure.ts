import os from 'node:os';

/**
 * Small timing and memory helpers for the benchmarks: repeated runs after a warm-up, reported as
 * median and p90 (the median is the bar; p90 shows how noisy the shared machine was).
 */

export interface Timing {
  runs: number;
  medianMs: number;
  p90Ms: number;
  minMs: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Times `run` `runs` times after `warmup` untimed calls; each call's result is kept alive until timed. */
export function time(run: () => unknown, { warmup, runs }: { warmup: number; runs: number }): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    sink = run();
    samples.push(performance.now() - started);
  }
  keep(sink);
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9), minMs: sorted[0]! };
}

let kept: unknown;
/** Stops the optimiser from dropping a result nobody reads. */
export function keep(value: unknown): void {
  kept = value;
}
export const lastKept = (): unknown => kept;

const collect = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the benchmarks with --expose-gc (npm run bench does)');
  gc();
  gc();
};

export interface Memory {
  /** Heap growth right after the call, garbage included: what the call allocates at its peak, roughly. */
  deltaBytes: number;
  /** Heap still used after a full collection while the result is kept: what holding the result costs. */
  retainedBytes: number;
}

/** Heap cost of one call of `run`, measured with full collections around it. */
export function memory(run: () => unknown): Memory {
  collect();
  const before = process.memoryUsage().heapUsed;
  const result = run();
  const after = process.memoryUsage().heapUsed;
  collect();
  const retained = process.memoryUsage().heapUsed;
  keep(result);
  return { deltaBytes: after - before, retainedBytes: retained - before };
}

export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;
export const ratio = (ours: number, peer: number): string => `${(peer / ours).toFixed(1)}×`;

/** One line describing the machine, for the record in docs/benchmarks.md. */
export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, load ${load}`;
}

/** Prints a bar's verdict and marks the process failed when it is missed. */
export function bar(label: string, passed: boolean, detail: string): void {
  console.log(`  bar: ${label}: ${passed ? 'PASS' : 'FAIL'} (${detail})`);
  if (!passed) process.exitCode = 1;
}
