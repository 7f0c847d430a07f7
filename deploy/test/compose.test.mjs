// docker-compose.yml validates against the Compose Specification's JSON schema (vendored in
// deploy/compose/schema, with its source and licence), runs every service and the pieces the README names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { platformServices } from '../platform.mjs';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'deploy', 'compose', 'schema', 'compose-spec.json'), 'utf8'));
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
// `<<: *anchor` merge keys, as Compose reads them.
const file = parse(text, { merge: true });

/**
 * The 2021 schema labels its subschemas with draft-04 `id`s (`"id": "#/properties/services"`), which Ajv refuses
 * in a 2019-09 schema; its references are JSON pointers that do not use them, so the labels are dropped. A
 * property *named* id (under properties/definitions) is kept.
 */
function withoutIdLabels(node, namesHere = false) {
  if (Array.isArray(node)) return node.map((n) => withoutIdLabels(n));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => namesHere || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [key, withoutIdLabels(value, !namesHere && ['properties', 'patternProperties', 'definitions'].includes(key))]),
  );
}

/** The schema's own formats, as the Compose implementation (compose-go) checks them. */
function validator() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('expose', /^[0-9]+(-[0-9]+)?(\/(tcp|udp))?$/);
  ajv.addFormat('ports', /^(([0-9.]+|\[[0-9a-f:]+\]):)?([0-9]+(-[0-9]+)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/[0-9]+$/i);
  // It names its meta-schema `http://…/draft/2019-09/schema#`, Ajv's is `https://…/draft/2019-09/schema`: the same
  // draft, which Ajv2019 compiles by default.
  const { $schema: _draft, ...body } = schema;
  return ajv.compile(withoutIdLabels(body));
}
const validate = validator();

it('validates against the Compose Specification schema', () => {
  const valid = validate(file);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

it('is refused by the schema when a service carries a key Compose does not know (so the check can fail)', () => {
  const broken = structuredClone(file);
  broken.services.kafka.restart_policy = 'always';
  expect(validate(broken)).toBe(false);
});

it('runs Kafka (KRaft), MongoDB as a replica set with its init, the collector, Jaeger and Mailpit', () => {
  const s = file.services;
  expect(s.kafka.environment.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  expect(s.mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
  expect(s['mongo-init'].entrypoint.join(' ')).toContain('rs.initiate');
  expect(s['otel-collector'].volumes[0]).toContain('deploy/compose/otel-collector.yaml');
  expect(s.jaeger.image).toMatch(/^jaegertracing\/jaeger:\d+\.\d+\.\d+$/);
  expect(s.mailpit.image).toMatch(/^axllent\/mailpit:v\d+\.\d+\.\d+$/);
  for (const [name, service] of Object.entries(s)) {
    if (service.image?.startsWith('hangviet/')) continue;
    expect([name, service.image]).toEqual([name, expect.not.stringMatching(/:latest$|^[^:]+$/)]);
  }
});

it.each(platformServices().map((s) => [s.folder, s]))('runs %s from its Dockerfile, on its ports, with its database', (_name, s) => {
  const service = file.services[s.folder];
  expect(service).toBeDefined();
  expect(service.build).toEqual({ context: '.', dockerfile: `services/${s.folder}/Dockerfile` });
  expect(service.environment.HTTP_PORT).toBe(String(s.httpPort));
  expect(service.environment.KAFKA_BROKERS).toBe('kafka:19092');
  expect(service.environment.MONGO_URL).toBe(`mongodb://mongo:27017/${s.database}?replicaSet=rs0`);
  expect(service.environment.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel-collector:4318');
  expect(service.depends_on['mongo-init'].condition).toBe('service_completed_successfully');
  expect(service.ports).toContain(`127.0.0.1:${s.httpPort}:${s.httpPort}`);
});

it('takes every setting it interpolates from .env.example or a default', () => {
  const example = readFileSync(join(root, '.env.example'), 'utf8');
  const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
  const used = [...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:-[^}]*)?\}/g)];
  expect(used.length).toBeGreaterThan(0);
  for (const [, name, fallback] of used) expect([name, documented.has(name) || fallback !== undefined]).toEqual([name, true]);
  for (const name of documented) expect([name, text.includes(`\${${name}`) || name === 'COMPOSE_PROJECT_NAME']).toEqual([name, true]);
});
