// `npm run seed -w @hangviet/business-registry` registers the demo directory into the database;
// `npm run seed -w @hangviet/business-registry -- --count 100000` adds that many synthetic ACTIVE
// businesses in batches (benchmark data: straight inserts, no events).
import { createLogger, databaseName, openDatabase } from '@hangviet/service-kit';
import { DEFAULT_DATABASE, loadRegistryConfig, SERVICE_NAME } from './config';
import { businessModel, migrateTaxCodeClaims } from './infrastructure/business-model';
import { MongoBusinessRepository } from './infrastructure/mongo-business-repository';
import { seedBulkDirectory, seedDemoDirectory } from './infrastructure/seed-data';

function countArgument(argv: string[]): number | undefined {
  const at = argv.indexOf('--count');
  if (at === -1) return undefined;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw new Error('--count expects a whole number 1–10000000');
  }
  return value;
}

async function main(): Promise<void> {
  const config = loadRegistryConfig();
  const logger = createLogger({ service: `${SERVICE_NAME}-seed`, level: config.LOG_LEVEL });
  const count = countArgument(process.argv.slice(2));
  const connection = await openDatabase(config.MONGO_URL, databaseName(config.MONGO_URL, DEFAULT_DATABASE));
  try {
    const model = businessModel(connection);
    await migrateTaxCodeClaims(model);
    await model.createIndexes();
    if (count === undefined) {
      // Events stay in each document's outbox: the service's relay publishes them when it runs.
      const created = await seedDemoDirectory({ businesses: new MongoBusinessRepository(model), now: () => new Date() });
      logger.info({ created }, 'demo directory seeded');
    } else {
      const started = Date.now();
      const inserted = await seedBulkDirectory(model, count, {
        onProgress: (done) => {
          if (done % 20_000 === 0) logger.info({ done }, 'inserting');
        },
      });
      logger.info({ inserted, seconds: (Date.now() - started) / 1000 }, 'bulk directory seeded');
    }
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
