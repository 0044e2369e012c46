/** Benchmark harness: medians over several runs, ratios against a baseline timed in the same process. */

export type Timing = { medianMs: number; minMs: number; maxMs: number; runs: number };

export type TimingOptions = { runs?: number; warmup?: number };

const DEFAULT_RUNS = 7;
const DEFAULT_WARMUP = 2;

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls. */
export function time(fn: () => unknown, options: TimingOptions = {}): Timing {
  const runs = options.runs ?? DEFAULT_RUNS;
  for (let i = 0; i < (options.warmup ?? DEFAULT_WARMUP); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: median(samples), minMs: samples[0] ?? 0, maxMs: samples.at(-1) ?? 0, runs };
}

/** Peak of heap in use, in MiB, sampled around one call (with `--expose-gc` the heap is collected first). */
export function heapPeakMiB(fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const result = fn();
  const after = process.memoryUsage().heapUsed;
  // Keep the result alive until after the reading.
  if (result === Symbol.for('never')) console.log(result);
  return Math.max(0, after - before) / 2 ** 20;
}

/** One printed line of `pnpm bench`: the figure, the target it answers to, and whether it meets it. */
export type BenchRow = { name: string; measured: string; target: string; meets: boolean | null };

export function printRows(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const row of rows) {
    const verdict = row.meets === null ? '' : row.meets ? '  ✓ meets target' : '  ✗ misses target';
    console.log(`${row.name.padEnd(width)}  ${row.measured.padEnd(34)}  target: ${row.target}${verdict}`);
  }
}
