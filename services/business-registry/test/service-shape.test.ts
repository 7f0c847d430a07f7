// The registry on the shared service host: readiness follows the database and Kafka, and its
// background work (the Idempotency-Key sweep) is a scheduled job under a lease, visible on /metrics.
import { bearer, eventually } from '@hangviet/service-testing';
import { startRegistry, type Harness } from './support/start-registry';
import { registration } from './support/fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startRegistry('registry_shape', { IDEMPOTENCY_SWEEP_INTERVAL_MS: '200' });
});
afterAll(async () => {
  await h?.stop();
});


it('is ready while its database and Kafka are', async () => {
  const res = await h.http.get('/readyz');
  expect(res.status).toBe(200);
  expect(res.body.checks).toEqual({ mongo: 'ok', kafka: 'ok' });
});

it('sweeps expired Idempotency-Key records in a scheduled job, one instance holding its lease', async () => {
  const created = await h.http
    .post('/v1/businesses')
    .set(bearer(h.tokens.staff))
    .set('Idempotency-Key', 'shape-1')
    .send(registration());
  expect(created.status).toBe(201);
  const keys = h.service.host.connection.db!.collection<{ _id: string; expiresAt: Date }>('idempotency_keys');
  // As if a day had passed: the record is expired, and only the sweep deletes it (no TTL index).
  await keys.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  await eventually(async () => ((await keys.countDocuments()) === 0 ? true : undefined), 'the sweep');

  const lease = await h.service.host.connection.db!.collection('job_leases').findOne({ _id: 'idempotency-keys-sweep' as never });
  expect(lease).toMatchObject({ lastOutcome: 'success', failures: 0 });
  expect(typeof lease?.holder).toBe('string');
  const metrics = (await h.http.get('/metrics')).text;
  expect(metrics).toMatch(/^scheduled_job_runs_total\{job="idempotency-keys-sweep",outcome="success",service="business-registry"\} [1-9]/m);
  expect(metrics).toMatch(/^scheduled_job_lease_held\{job="idempotency-keys-sweep",service="business-registry"\} 1$/m);
});
