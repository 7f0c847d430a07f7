// The one definition every per-service deployment file is derived from (`npm run deploy:sync` writes them,
// `npm run deploy:sync -- --check` and deploy/test fail when one is missing or stale):
//   - the services: every folder under services/ that scripts/lib.mjs `services()` starts (its package.json
//     "hangviet" ports and `node <file>` start script), its default database (DEFAULT_DATABASE in src/config.ts)
//     and its version (the image tag);
//   - the Kafka topics: every topic of the event catalogue (libs/events/src/catalog/*.ts), each with its `.dlq`;
//   - the few choices below that are the platform's, not a service's (sizes, which service is public).
// Plain Node with no dependencies, like scripts/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root as repositoryRoot, services } from '../scripts/lib.mjs';

/** The base image of every service image: a full version tag, never a moving one (`node:20`, `latest`). */
export const NODE_IMAGE = 'node:20.20.0-bookworm-slim';
/** turbo's version in the image build: the root package.json's pin. */
export const TURBO_VERSION = '2.11.11';

/** The one public entry: the only service an Ingress and a policy open to traffic from outside the namespace. */
export const PUBLIC_SERVICES = new Set(['gateway']);

/** Requests and limits per container in the base (the prod overlay raises them). */
export const RESOURCES = {
  default: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '512Mi' } },
};

/**
 * Partitions per topic: the unit of consumer scale (a group has at most one active consumer per partition), so a
 * topic's count is the most instances that can share its consumption. 12 divides among 1, 2, 3, 4, 6 and 12
 * instances evenly. A dead-letter topic is read only by the replayer: 1.
 */
export const PARTITIONS = { default: 12, deadLetter: 1 };

export const KAFKA_CLUSTER = 'hangviet-kafka';
export const MONGODB_NAME = 'hangviet-mongodb';
export const MONGODB_VERSION = '8.0.4';

/** Every topic of the event catalogue, from its source (`defineCatalogEvent('<context>.<aggregate>.…'`), sorted. */
export function catalogueTopics(root = repositoryRoot) {
  const dir = join(root, 'libs', 'events', 'src', 'catalog');
  if (!existsSync(dir)) return [];
  const topics = new Set();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, type] of text.matchAll(/define(?:Catalog)?Event\(\s*'([a-z0-9_.]+)'/g)) {
      const parts = type.split('.');
      if (parts.length < 5) throw new Error(`${file}: event type '${type}' is not hangviet.<context>.<aggregate>.<action>.v<N>`);
      topics.add(parts.slice(0, 3).join('.'));
    }
  }
  return [...topics].sort();
}

/** The topics to declare: each catalogue topic with its partitions, then its dead-letter topic. */
export function kafkaTopics(root = repositoryRoot) {
  return catalogueTopics(root).flatMap((topic) => [
    { name: topic, partitions: PARTITIONS.default },
    { name: `${topic}.dlq`, partitions: PARTITIONS.deadLetter },
  ]);
}

function defaultDatabase(dir, folder) {
  const config = join(dir, 'src', 'config.ts');
  const match = existsSync(config) ? /export const DEFAULT_DATABASE = '([A-Za-z0-9_-]+)'/.exec(readFileSync(config, 'utf8')) : null;
  if (!match) throw new Error(`services/${folder}/src/config.ts has no \`export const DEFAULT_DATABASE = '<name>'\`: the deployment needs its database name`);
  return match[1];
}

/** Every deployable service, sorted by folder, with what its deployment files need. */
export function platformServices(root = repositoryRoot) {
  return services({ repository: root, mongoUrl: 'mongodb://127.0.0.1:27017' })
    .map((s) => {
      const pkg = JSON.parse(readFileSync(join(s.dir, 'package.json'), 'utf8'));
      return {
        folder: s.folder,
        name: s.folder,
        packageName: s.name,
        version: pkg.version ?? '0.0.0',
        httpPort: s.httpPort,
        grpcPort: s.grpcPort,
        // The start command relative to the workspace (`node dist/main.js` → ['dist/main.js']).
        start: s.command.slice(1),
        database: defaultDatabase(s.dir, s.folder),
        public: PUBLIC_SERVICES.has(s.folder),
        // What the gateway routes to it (services/gateway/src/routing/declared-services.ts reads the same block).
        routes: pkg.hangviet?.routes ?? [],
        resources: RESOURCES[s.folder] ?? RESOURCES.default,
      };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}
