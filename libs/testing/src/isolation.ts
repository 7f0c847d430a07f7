// Each test file gets its own database and its own topic names, so files can run in parallel
// against one Kafka and one database without seeing each other's data.
import { randomBytes } from 'node:crypto';

export interface TestScope {
  /** A unique, short id for this test file's run. */
  id: string;
  /** A database name of its own, e.g. `t_registry_3f9a1c`. */
  databaseName: string;
  /** A connection string to that database on the harness's server. */
  mongoUrl: string;
  kafkaBrokers: string[];
  /** Prefixes a topic name, e.g. `t3f9a1c.hangviet.registry.business`. */
  topic(name: string): string;
  /** A consumer group id of its own. */
  group(name: string): string;
}

export function requireEnv(name: 'KAFKA_BROKERS' | 'MONGO_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run tests through jest with the @hangviet/testing global setup (npm test)`);
  }
  return value;
}

export function testScope(label: string): TestScope {
  const id = randomBytes(4).toString('hex');
  const databaseName = `t_${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${id}`;
  const url = new URL(requireEnv('MONGO_URL'));
  url.pathname = `/${databaseName}`;
  return {
    id,
    databaseName,
    mongoUrl: url.toString(),
    kafkaBrokers: requireEnv('KAFKA_BROKERS').split(','),
    topic: (name) => `t${id}.${name}`,
    group: (name) => `t${id}.${name}`,
  };
}
