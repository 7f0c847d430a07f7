export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, 'ok' | string>;
}

export interface Readiness {
  add(name: string, check: () => Promise<void>): void;
  check(): Promise<ReadinessReport>;
}

/**
 * Named checks (database ping, Kafka producer connected…) behind /readyz and gRPC health.
 * Each check is bounded so one hung dependency cannot hang the probe.
 */
export function createReadiness(opts: { timeoutMs?: number } = {}): Readiness {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const checks = new Map<string, () => Promise<void>>();
  return {
    add(name, check) {
      checks.set(name, check);
    },
    async check() {
      const results = await Promise.all(
        [...checks].map(async ([name, check]): Promise<[string, string]> => {
          let timer: NodeJS.Timeout | undefined;
          try {
            await Promise.race([
              check(),
              new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
              }),
            ]);
            return [name, 'ok'];
          } catch (err) {
            return [name, err instanceof Error ? err.message : String(err)];
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      return { ok: results.every(([, r]) => r === 'ok'), checks: Object.fromEntries(results) };
    },
  };
}
