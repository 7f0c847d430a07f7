// Every overlay renders with kustomize, its objects validate offline against the Kubernetes API schemas
// (kubernetes-validate, strict), and every service under services/ has what the platform needs to run it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { platformServices } from '../platform.mjs';
import { renderOverlay, validateManifests } from '../tools.mjs';

/**
 * Kinds of operators' CRDs, not validated against a schema here: their CRD schemas ship in the operators'
 * release bundles (Strimzi, the MongoDB Community operator, External Secrets), which no package registry
 * this project can reach serves. Their required fields are checked below by hand instead.
 */
const OPERATOR_KINDS = new Set(['KafkaTopic', 'MongoDBCommunity', 'ExternalSecret']);

const services = platformServices();
const scratch = mkdtempSync(join(tmpdir(), 'hangviet-manifests-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const rendered = {};
function objects(overlay) {
  rendered[overlay] ??= parseAllDocuments(renderOverlay(overlay)).map((d) => d.toJS());
  return rendered[overlay];
}
const find = (list, kind, name) => list.find((o) => o.kind === kind && o.metadata.name === name);

it('finds the services to check', () => {
  expect(services.map((s) => s.folder)).toEqual(expect.arrayContaining(['business-registry', 'notification']));
});

describe.each(['dev', 'prod'])('overlay %s', (overlay) => {
  it('renders, and its Kubernetes objects pass strict validation against the API schemas', () => {
    const core = objects(overlay).filter((o) => !OPERATOR_KINDS.has(o.kind));
    const file = join(scratch, `${overlay}.yaml`);
    writeFileSync(file, core.map((o) => `---\n${JSON.stringify(o)}\n`).join(''));
    const { ok, output } = validateManifests(file);
    expect(output).not.toMatch(/ERROR|failed/);
    expect(ok).toBe(true);
    expect(core.length).toBeGreaterThan(services.length * 6);
  });

  it.each(services.map((s) => [s.folder, s]))('has everything %s needs', (_name, s) => {
    const list = objects(overlay);
    const deployment = find(list, 'Deployment', s.folder);
    expect(deployment).toBeDefined();
    const [container] = deployment.spec.template.spec.containers;
    expect(container.image).toBe(`hangviet/${s.folder}:${s.version}`);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    if (s.grpcPort !== undefined) expect(container.startupProbe.grpc).toEqual({ port: s.grpcPort });
    expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
    expect(container.resources.limits).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(deployment.spec.template.spec.topologySpreadConstraints.map((t) => t.topologyKey)).toEqual([
      'topology.kubernetes.io/zone',
      'kubernetes.io/hostname',
    ]);
    const env = Object.fromEntries(container.env.map((e) => [e.name, e]));
    expect(env.HTTP_PORT.value).toBe(String(s.httpPort));
    expect(env.MONGO_URL.value).toContain(`/${s.database}?`);
    expect(env.MONGO_PASSWORD.valueFrom.secretKeyRef.key).toBe(s.folder);

    const service = find(list, 'Service', s.folder);
    expect(service.spec.ports.map((p) => p.port)).toEqual([s.httpPort, ...(s.grpcPort === undefined ? [] : [s.grpcPort])]);
    expect(find(list, 'HorizontalPodAutoscaler', s.folder).spec.scaleTargetRef.name).toBe(s.folder);
    expect(find(list, 'PodDisruptionBudget', s.folder).spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': s.folder });

    const policy = find(list, 'NetworkPolicy', s.folder);
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': s.folder });
    // Internal services: every rule admits only pods of this namespace. The public one also admits anyone, on HTTP only.
    const open = policy.spec.ingress.filter((rule) => !rule.from);
    for (const rule of policy.spec.ingress.filter((r) => r.from)) expect(rule.from).toEqual([{ podSelector: {} }]);
    if (s.public) expect(open).toEqual([{ ports: [{ port: 'http' }] }]);
    else expect(open).toEqual([]);

    const mongo = list.find((o) => o.kind === 'MongoDBCommunity');
    expect(mongo.spec.users).toContainEqual(
      expect.objectContaining({ name: s.folder, roles: [{ name: 'readWrite', db: s.database }] }),
    );
  });

  it('denies ingress by default and opens the outside only to the public service', () => {
    const list = objects(overlay);
    expect(find(list, 'NetworkPolicy', 'default-deny-ingress').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const ingresses = list.filter((o) => o.kind === 'Ingress');
    const publicNames = services.filter((s) => s.public).map((s) => s.folder);
    const backends = ingresses.flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)));
    expect([...new Set(backends)].sort()).toEqual(publicNames.sort());
  });

  it('declares the operators’ objects with the fields their operators require', () => {
    const list = objects(overlay);
    const mongo = list.filter((o) => o.kind === 'MongoDBCommunity');
    expect(mongo).toHaveLength(1);
    expect(mongo[0].spec).toEqual(expect.objectContaining({ type: 'ReplicaSet', members: overlay === 'dev' ? 1 : 3, version: expect.any(String) }));
    for (const user of mongo[0].spec.users) {
      expect(user).toEqual(expect.objectContaining({ db: 'admin', passwordSecretRef: expect.any(Object), scramCredentialsSecretName: expect.any(String) }));
    }
    for (const topic of list.filter((o) => o.kind === 'KafkaTopic')) {
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe('hangviet-kafka');
      expect(topic.spec.partitions).toBeGreaterThan(0);
      expect(topic.spec.replicas).toBe(overlay === 'dev' ? 1 : 3);
    }
    const passwords = list.filter((o) => o.metadata.name === 'hangviet-mongodb-passwords');
    expect(passwords.map((o) => o.kind)).toEqual([overlay === 'dev' ? 'Secret' : 'ExternalSecret']);
  });
});

it('kubernetes-validate rejects an object that breaks the schema (so the check above can fail)', () => {
  const file = join(scratch, 'broken.yaml');
  writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: "two", template: {} }\n');
  expect(validateManifests(file).ok).toBe(false);
});
