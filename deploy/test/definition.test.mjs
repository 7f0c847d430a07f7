// Every per-service deployment file derives from one definition (deploy/platform.mjs): the committed files are
// what `npm run deploy:sync` writes, the Kafka topics are the event catalogue's, and a service the generator
// adds gets its Dockerfile, compose entry, Kubernetes directory, topics and database user without a hand edit.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics as catalogueTopicsBuilt } from '@hangviet/events';
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
    await generateService(copy, { name: 'trade-fair', httpPort: 8083, grpcPort: 50053, context: 'fair', aggregate: 'fair' }, { checkListening: false });
  }, 60_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('gets its Dockerfile, compose entry, Kubernetes directory, topic and database user', () => {
    expect(existsSync(join(copy, 'services', 'trade-fair', 'Dockerfile'))).toBe(true);
    expect(readFileSync(join(copy, 'docker-compose.yml'), 'utf8')).toContain('dockerfile: services/trade-fair/Dockerfile');
    expect(readFileSync(join(copy, 'deploy', 'k8s', 'base', 'kustomization.yaml'), 'utf8')).toContain('- services/trade-fair\n');
    expect(check(copy)).toEqual([]);
    const objects = parseAllDocuments(renderOverlay('prod', join(copy, 'deploy', 'k8s'))).map((d) => d.toJS());
    const names = (kind) => objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
    for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
      expect([kind, names(kind)]).toEqual([kind, expect.arrayContaining(['trade-fair'])]);
    }
    expect(names('KafkaTopic')).toEqual(expect.arrayContaining(['hangviet.fair.fair', 'hangviet.fair.fair.dlq']));
    const mongo = objects.find((o) => o.kind === 'MongoDBCommunity');
    expect(mongo.spec.users).toContainEqual(expect.objectContaining({ name: 'trade-fair', roles: [{ name: 'readWrite', db: 'hangviet_trade_fair' }] }));
  });

  it('is reported by the check when one of its files is missing, and restored by a sync', () => {
    rmSync(join(copy, 'services', 'trade-fair', 'Dockerfile'));
    rmSync(join(copy, 'deploy', 'k8s', 'base', 'services', 'trade-fair'), { recursive: true });
    expect(check(copy)).toEqual(
      expect.arrayContaining([
        { path: 'services/trade-fair/Dockerfile', problem: 'missing' },
        { path: 'deploy/k8s/base/services/trade-fair/trade-fair.yaml', problem: 'missing' },
      ]),
    );
    expect(sync(copy)).toEqual(expect.arrayContaining(['services/trade-fair/Dockerfile']));
    expect(check(copy)).toEqual([]);
  });

  it('leaves nothing behind when the service is removed', () => {
    rmSync(join(copy, 'services', 'trade-fair'), { recursive: true });
    expect(check(copy)).toContainEqual({ path: 'deploy/k8s/base/services/trade-fair', problem: 'left over from a service that is gone' });
    sync(copy);
    expect(existsSync(join(copy, 'deploy', 'k8s', 'base', 'services', 'trade-fair'))).toBe(false);
    expect(readFileSync(join(copy, 'docker-compose.yml'), 'utf8')).not.toContain('trade-fair');
  });
});
