// `npm run campaign:rebuild`: replays every topic the projection counts from the beginning into a fresh
// projection (the service's database, or the one MONGO_URL names). Stop the service first, or rebuild into
// another database and point the service at it: a consumer writing meanwhile would be overwritten.
import '@hangviet/events/catalog';
import { createKafka } from '@hangviet/events';
import { createLogger, loadConfig } from '@hangviet/service-kit';
import { MongoClient } from 'mongodb';
import { configSchema, DEFAULT_DATABASE, SERVICE_NAME } from '../config';
import { rebuildProjection } from '../infrastructure/rebuild';
import { PROJECTED_EVENTS } from '../infrastructure/source-events';

async function main(): Promise<void> {
  const config = loadConfig(configSchema, process.env);
  const logger = createLogger({ service: `${SERVICE_NAME}-rebuild`, level: config.LOG_LEVEL });
  const client = await MongoClient.connect(config.MONGO_URL);
  try {
    const db = client.db(new URL(config.MONGO_URL).pathname.slice(1) || DEFAULT_DATABASE);
    const kafka = createKafka({ clientId: `${SERVICE_NAME}-rebuild`, brokers: config.KAFKA_BROKERS, logger });
    const topics = [...new Set(PROJECTED_EVENTS.map((e) => `${config.KAFKA_TOPIC_PREFIX}${e.topic}`))];
    const result = await rebuildProjection({ kafka, db, topics, logger });
    const seconds = (result.readMs + result.writeMs) / 1000;
    console.log(
      `[campaign:rebuild] ${result.events} events → ${result.records} records, ${result.facts} facts, ${result.rollups} rollup rows in database ${db.databaseName} ` +
        `(read ${(result.readMs / 1000).toFixed(1)} s, write ${(result.writeMs / 1000).toFixed(1)} s; ${Math.round(result.events / Math.max(seconds, 0.001))} events/s)`,
    );
  } finally {
    await client.close();
  }
}

main().catch((err) => {
  console.error(`[campaign:rebuild] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
