// The directory's own collection (directory_entries) stays consistent with the businesses without
// multi-document transactions: a write that died between the business and its entry is repaired by the
// sweep, and an entry left at an older version never shows a business that no longer matches.
import { Business } from '../src/domain/business';
import { prepareRegistration } from '../src/application/register-business';
import { businessModel } from '../src/infrastructure/business-model';
import { MongoBusinessRepository, toDocument } from '../src/infrastructure/mongo-business-repository';
import { startRegistry, type Harness } from './support/start-registry';
import { nextTaxCode, registration } from './support/fixtures';

let h: Harness;
let repository: MongoBusinessRepository;

beforeAll(async () => {
  h = await startRegistry('registry_directory_entries');
  repository = new MongoBusinessRepository(businessModel(h.service.host.connection));
}, 120_000);

afterAll(async () => {
  await h?.stop();
}, 60_000);

function activeBusiness(legalName: string): Business {
  const body = registration({ legalName, taxCode: nextTaxCode(), tradeName: undefined });
  const { taxCode, profile } = prepareRegistration(body);
  const b = Business.register({ id: repository.newId(), taxCode, type: body.type, profile, actor: { subject: 'test' }, now: new Date() });
  b.approve({ subject: 'test' }, new Date());
  return b;
}

const found = async (q: string): Promise<string[]> => ((await h.http.get('/v1/businesses').query({ q })).body.items as { id: string }[]).map((b) => b.id);

it('repairs the entry of a business whose write died before its entry was written (the sweep)', async () => {
  const business = activeBusiness('Công ty TNHH Gốm Sứ Bát Tràng Mất Điện');
  // As if the process died right after the business's single-document write: the mark is set, no entry exists.
  const crashedAt = new Date(Date.now() - 120_000);
  await h.service.host.connection.db!.collection('businesses').insertOne(toDocument(business.state, crashedAt) as never);
  expect(await found('bat trang mat dien')).toEqual([]);

  expect(await repository.repairDirectoryEntries(new Date(Date.now() - 60_000))).toBeGreaterThanOrEqual(1);
  expect(await found('bat trang mat dien')).toEqual([business.id]);
  const stored = await h.service.host.connection.db!.collection('businesses').findOne({ _id: business.id as never });
  expect(stored).not.toHaveProperty('directoryPendingSince');
  // Nothing left to repair: a second sweep finds no mark of this business.
  const again = await h.service.host.connection.db!.collection('businesses').countDocuments({ _id: business.id as never, directoryPendingSince: { $exists: true } });
  expect(again).toBe(0);
});

it('does not show a business through an entry left at an older version that no longer matches', async () => {
  const business = activeBusiness('Công ty TNHH Nước Mắm Phú Quốc Cũ');
  await repository.add(business);
  expect(await found('phu quoc cu')).toEqual([business.id]);
  // The business is renamed, but its entry is not rewritten (the write died before it): the old entry still says "phu quoc".
  const entry = await h.service.host.connection.db!.collection('directory_entries').findOne({ _id: business.id as never });
  const loaded = (await repository.findById(business.id))!;
  loaded.updateProfile({ legalName: 'Công ty TNHH Nước Mắm Hòn Thơm' }, { subject: 'test' }, new Date());
  await repository.save(loaded);
  await h.service.host.connection.db!.collection('directory_entries').replaceOne({ _id: business.id as never }, entry!);
  expect(await found('phu quoc cu')).toEqual([]);
  // The sweep, once the mark is old enough, writes the entry of the current version.
  await h.service.host.connection.db!.collection('businesses').updateOne({ _id: business.id as never }, { $set: { directoryPendingSince: new Date(Date.now() - 120_000) } });
  await repository.repairDirectoryEntries(new Date(Date.now() - 60_000));
  expect(await found('hon thom')).toEqual([business.id]);
});
