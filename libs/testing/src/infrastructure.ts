// Where the tests' Kafka and database come from, in this order:
//   1. KAFKA_BROKERS and MONGO_URL, when both are set (CI with services, `npm test`, a developer's own);
//   2. testcontainers, when a container runtime answers within ~3 s;
//   3. the local processes of deploy/local (Kafka 3.9.1, PostgreSQL and FerretDB on it), started when missing.
// HANGVIET_INFRA=env|containers|local forces one of them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface Infrastructure {
  kafkaBrokers: string;
  mongoUrl: string;
  source: 'env' | 'containers' | 'local';
  /** Stops only what this call started. */
  stop(): Promise<void>;
}

export const repositoryRoot = join(__dirname, '..', '..', '..');

const noop = async () => undefined;

export async function ensureInfrastructure(
  log: (line: string) => void = () => undefined,
): Promise<Infrastructure> {
  const forced = process.env.HANGVIET_INFRA;
  const { KAFKA_BROKERS: kafkaBrokers, MONGO_URL: mongoUrl } = process.env;
  if ((forced === undefined || forced === 'env') && kafkaBrokers && mongoUrl) {
    return { kafkaBrokers, mongoUrl, source: 'env', stop: noop };
  }
  if (forced === 'env') throw new Error('HANGVIET_INFRA=env needs both KAFKA_BROKERS and MONGO_URL');
  if (forced === 'containers' || (forced === undefined && (await containerRuntimeAnswers()))) {
    log('using testcontainers');
    return startContainers();
  }
  log('no container runtime: using the local Kafka, PostgreSQL and FerretDB processes (deploy/local)');
  return startLocal();
}

async function containerRuntimeAnswers(timeoutMs = 3000): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('timeout')), timeoutMs).unref(),
    );
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<Infrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new MongoDBContainer('mongo:8.0').start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}/?directConnection=true`,
    source: 'containers',
    async stop() {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}

interface InfraCliResult {
  results: { name: string; started: boolean }[];
  env: { KAFKA_BROKERS: string; MONGO_URL: string };
}

export function runInfraCli(...args: string[]): Promise<InfraCliResult> {
  const script = join(repositoryRoot, 'deploy', 'local', 'infra.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, ...args, '--json'],
      { maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(stderr.trim().split('\n').filter(Boolean).pop() ?? error.message));
        else resolve(JSON.parse(stdout) as InfraCliResult);
      },
    );
  });
}

async function startLocal(): Promise<Infrastructure> {
  const { results, env } = await runInfraCli('start', 'kafka', 'postgres', 'ferretdb');
  const started = results.filter((r) => r.started).map((r) => r.name);
  return {
    kafkaBrokers: env.KAFKA_BROKERS,
    mongoUrl: env.MONGO_URL,
    source: 'local',
    async stop() {
      if (started.length) await runInfraCli('stop', ...started);
    },
  };
}
