// Every per-service deployment file derives from one definition (deploy/platform.mjs): the committed files are
// what `npm run deploy:sync` writes, the Kafka topics are the event catalogue's, and a service the generator
// adds gets its Dockerfile, compose entry, Kubernetes directory, topics and database user without a hand edit.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics as catalogueTopicsBuilt } from '@hangviet/events';
import '@hangviet/events/catalog'; // registers every event of the catalogue, whose topics() are compared
import { parseAllDocuments } from 'yaml';
import { generateService } from '../../scripts/new-service.mjs';
import { catalogueTopics, kafkaTopics } from '../platform.mjs';
import { check, sync } from '../sync.mjs';
import { renderOverlay } from '../tools.mjs';

const root = join(__dirname, '..', '..');

it('the committed deployment files are exactly what the definition renders (npm run deploy:sync -- --check)', () => {
  expect(check(root)).toEqual([]);
});

it('declares a KafkaTopic for every topic of the event catalogue, and its dead-letter topic', () => {
  const built = [...new Set(catalogueTopicsBuilt())].sort();
  expect(catalogueTopics(root)).toEqual(built);
  const declared = parseAllDocuments(readFileSync(join(root, 'deploy', 'k8s', 'base', 'kafka-topics.yaml'), 'utf8'))
    .map((d) => d.toJS())
    .filter(Boolean)
    .map((t) => ({ name: t.spec.topicName, partitions: t.spec.partitions }));
  expect(declared).toEqual(kafkaTopics(root));
  expect(declared.map((t) => t.name).sort()).toEqual(built.flatMap((t) => [t, `${t}.dlq`]).sort());
  // The compose file creates the same topics with the same partitions.
  const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  for (const t of declared) expect(compose).toContain(`--topic ${t.name} --partitions ${t.partitions} `);
});

describe('a service added by npm run new:service', () => {
  let copy;
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'hangviet-deploy-'));
    // What the generator and deploy/sync.mjs read: the root manifest, proto/, the event catalogue, the services'
    // manifests and configs, scripts/lib.mjs, deploy/ and the compose file.
    for (const file of ['package.json', 'docker-compose.yml', 'scripts/lib.mjs', 'scripts/new-service.mjs']) cpSync(join(root, file), join(copy, file));
    cpSync(join(root, 'scripts', 'new-service'), join(copy, 'scripts', 'new-service'), { recursive: true });
    cpSync(join(root, 'proto'), join(copy, 'proto'), { recursive: true });
    cpSync(join(root, 'libs', 'events', 'src', 'catalog'), join(copy, 'libs', 'events', 'src', 'catalog'), { recursive: true });
    cpSync(join(root, 'deploy'), join(copy, 'deploy'), { recursive: true, filter: (src) => !/\/deploy\/(local|test)(\/|$)/.test(src) });
    for (const folder of readdirSync(join(root, 'services'))) {
      for (const file of ['package.json', 'src/config.ts', 'Dockerfile']) {
        if (!existsSync(join(root, 'services', folder, file))) continue;
        mkdirSync(join(copy, 'services', folder, 'src'), { recursive: true });
        cpSync(join(root, 'services', folder, file), join(copy, 'services', folder, file));
      }
    }
    await generateService(copy, { name: 'market-stall', httpPort: 8089, grpcPort: 50059, context: 'market', aggregate: 'stall' }, { checkListening: false });
  }, 60_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('gets its Dockerfile, compose entry, Kubernetes directory, topic and database user', () => {
    expect(existsSync(join(copy, 'services', 'market-stall', 'Dockerfile'))).toBe(true);
    expect(readFileSync(join(copy, 'docker-compose.yml'), 'utf8')).toContain('dockerfile: services/market-stall/Dockerfile');
    expect(readFileSync(join(copy, 'deploy', 'k8s', 'base', 'kustomization.yaml'), 'utf8')).toContain('- services/market-stall\n');
    expect(check(copy)).toEqual([]);
    const objects = parseAllDocuments(renderOverlay('prod', join(copy, 'deploy', 'k8s'))).map((d) => d.toJS());
    const names = (kind) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
      expect([kind, names(kind)]).toEqual([kind, expect.arrayContaining(['market-stall'])]);
    }
    expect(names('KafkaTopic')).toEqual(expect.arrayContaining(['hangviet.market.stall', 'hangviet.market.stall.dlq']));
    const mongo = objects.find((o) => o.kind === 'MongoDBCommunity');
    expect(mongo.spec.users).toContainEqual(expect.objectContaining({ name: 'market-stall', roles: [{ name: 'readWrite', db: 'hangviet_market_stall' }] }));
  });

  it('is reported by the check when one of its files is missing, and restored by a sync', () => {
    rmSync(join(copy, 'services', 'market-stall', 'Dockerfile'));
    rmSync(join(copy, 'deploy', 'k8s', 'base', 'services', 'market-stall'), { recursive: true });
    expect(check(copy)).toEqual(
      expect.arrayContaining([
        { path: 'services/market-stall/Dockerfile', problem: 'missing' },
        { path: 'deploy/k8s/base/services/market-stall/market-stall.yaml', problem: 'missing' },
      ]),
    );
    expect(sync(copy)).toEqual(expect.arrayContaining(['services/market-stall/Dockerfile']));
    expect(check(copy)).toEqual([]);
  });

  it('leaves nothing behind when the service is removed', () => {
    rmSync(join(copy, 'services', 'market-stall'), { recursive: true });
    expect(check(copy)).toContainEqual({ path: 'deploy/k8s/base/services/market-stall', problem: 'left over from a service that is gone' });
    sync(copy);
    expect(existsSync(join(copy, 'deploy', 'k8s', 'base', 'services', 'market-stall'))).toBe(false);
    expect(readFileSync(join(copy, 'docker-compose.yml'), 'utf8')).not.toContain('market-stall');
  });
});
