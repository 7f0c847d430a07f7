// Small, dependency-free measurement helpers shared by the benchmarks.

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(latenciesMs: number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Starts `count` operations at a fixed rate (open loop: a slow operation does not delay the next
 * start, so queueing shows up in the latencies) and resolves when all have finished.
 */
export async function atFixedRate(ratePerSecond: number, count: number, operation: (i: number) => Promise<void>): Promise<void> {
  const interval = 1000 / ratePerSecond;
  const start = nowMs();
  const running: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - nowMs();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    running.push(operation(i));
  }
  await Promise.all(running);
}

/** Runs `operation` from `concurrency` loops until `count` operations are done (closed loop). */
export async function withConcurrency(concurrency: number, count: number, operation: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await operation(next++);
    }),
  );
}

export function formatMs(value: number): string {
  return `${value.toFixed(1)} ms`;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

/**
 * BENCH_SMOKE=1 (`node scripts/bench.mjs <name> --smoke`, which `npm test` runs for every benchmark): each
 * benchmark runs its phases once at a size of seconds, to prove it still works; explicit BENCH_* variables still win.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';
/** The default of a size: the full one, or the smoke one under BENCH_SMOKE=1. */
export const sized = (full: number, smoke: number): number => (SMOKE ? smoke : full);
