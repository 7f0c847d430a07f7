// Jest global setup: makes sure Kafka and the database are up and hands their addresses to the
// test workers through KAFKA_BROKERS and MONGO_URL. What it started, the teardown stops.
import { ensureInfrastructure, type Infrastructure } from './infrastructure';

declare global {
  var __hangvietInfrastructure: Infrastructure | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra = await ensureInfrastructure((line) => process.stderr.write(`[testing] ${line}\n`));
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.MONGO_URL = infra.mongoUrl;
  globalThis.__hangvietInfrastructure = infra;
}
