// The projection's store against the real database, and the decisions of KnownBusinesses over it with a
// registry port that records what it is asked (the gRPC client itself is exercised by the services' tests
// against the real registry).
import { testScope } from '@hangviet/testing';
import { AppError, type Principal } from '@hangviet/service-kit';
import { MongoClient, type Db } from 'mongodb';
import { KnownBusinesses, MongoKnownBusinessStore, type BusinessRegistry, type KnownBusiness } from '../src';

const business = (over: Partial<KnownBusiness> = {}): KnownBusiness => ({
  id: 'T', name: 'HTX Kẹo dừa', status: 'ACTIVE', provinceCode: '86', ownerSubject: 'rightful', version: 3, updateTime: new Date('2026-01-01T00:00:00Z'), ...over,
});
const token = (subject: string, businessId = 'T'): Principal => ({ subject, roles: ['enterprise'], businessId });

class RecordingRegistry implements BusinessRegistry {
  asked: string[] = [];
  answers = new Map<string, KnownBusiness | Error>();
  async getBusiness(id: string) {
    this.asked.push(id);
    const answer = this.answers.get(id);
    if (answer instanceof Error) throw answer;
    return answer;
  }
  async findByTaxCode() {
    return undefined;
  }
}

describe('the known-business projection', () => {
  const scope = testScope('known_businesses');
  let client: MongoClient;
  let db: Db;
  let store: MongoKnownBusinessStore;
  let registry: RecordingRegistry;
  let businesses: KnownBusinesses;

  beforeAll(async () => {
    client = await MongoClient.connect(scope.mongoUrl);
    db = client.db(scope.databaseName);
  });
  beforeEach(async () => {
    await db.collection('known_businesses').deleteMany({});
    store = new MongoKnownBusinessStore(db);
    await store.ensureIndexes();
    registry = new RecordingRegistry();
    businesses = new KnownBusinesses(store, registry);
  });
  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  it('keeps the newest version: an older or repeated record is stale and changes nothing', async () => {
    await expect(store.record(business({ version: 3, ownerSubject: 'rightful' }))).resolves.toBe('recorded');
    await expect(store.record(business({ version: 2, ownerSubject: 'squatter', status: 'PENDING_REVIEW' }))).resolves.toBe('stale');
    await expect(store.record(business({ version: 3, name: 'again' }))).resolves.toBe('stale');
    await expect(store.find('T')).resolves.toEqual(business({ version: 3 }));
    expect(await db.collection('known_businesses').countDocuments()).toBe(1);
  });

  it('decides ownership of an ACTIVE business from the copy, without asking the registry', async () => {
    await store.record(business());
    await expect(businesses.assertOwns(token('rightful'), 'T')).resolves.toMatchObject({ subject: 'rightful' });
    await expect(businesses.assertOwns(token('squatter'), 'T')).rejects.toMatchObject({ code: 'NOT_OWNER' });
    await expect(businesses.mayActFor(token('squatter'), 'T')).resolves.toBe(false);
    expect(registry.asked).toEqual([]);
  });

  it('asks the registry when the copy is not ACTIVE, and remembers the fresher answer', async () => {
    await store.record(business({ status: 'PENDING_REVIEW', ownerSubject: 'squatter', version: 1 }));
    registry.answers.set('T', business({ status: 'PENDING_REVIEW', ownerSubject: 'rightful', version: 2 }));
    await expect(businesses.assertOwns(token('squatter'), 'T')).rejects.toMatchObject({ code: 'NOT_OWNER' });
    await expect(businesses.assertOwns(token('rightful'), 'T')).resolves.toMatchObject({ subject: 'rightful' });
    expect(registry.asked).toEqual(['T', 'T']);
    await expect(store.find('T')).resolves.toMatchObject({ ownerSubject: 'rightful', version: 2 });
  });

  it('asks the registry about a record written before owners were carried', async () => {
    await db.collection('known_businesses').insertOne({ _id: 'T' as never, name: 'x', status: 'ACTIVE', provinceCode: '86', version: 3, updateTime: new Date() });
    registry.answers.set('T', business({ version: 3 }));
    await expect(businesses.mayActFor(token('rightful'), 'T')).resolves.toBe(true);
    expect(registry.asked).toEqual(['T']);
  });

  it('fails closed with 503 when the registry must be asked and does not answer; staff need no answer', async () => {
    registry.answers.set('T', new AppError('unavailable', 'REGISTRY_UNAVAILABLE', 'down'));
    await expect(businesses.assertOwns(token('squatter'), 'T')).rejects.toMatchObject({ code: 'REGISTRY_UNAVAILABLE' });
    await expect(businesses.mayActFor(token('rightful'), 'T')).resolves.toBe(false);
    await expect(businesses.assertOwns({ subject: 's', roles: ['staff'] }, 'T')).resolves.toMatchObject({ subject: 's' });
    await expect(businesses.assertOwns(undefined, 'T')).rejects.toMatchObject({ code: 'TOKEN_MISSING' });
    await expect(businesses.assertOwns(token('rightful', 'U'), 'T')).rejects.toMatchObject({ code: 'NOT_OWNER' });
    expect(registry.asked).toEqual(['T', 'T']);
  });

  it('forgets businesses dissolved more than 90 days ago, and only those', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    await store.record(business({ id: 'old', status: 'DISSOLVED', updateTime: new Date(now.getTime() - 91 * 86_400_000) }));
    await store.record(business({ id: 'recent', status: 'DISSOLVED', updateTime: new Date(now.getTime() - 89 * 86_400_000) }));
    await store.record(business({ id: 'active', updateTime: new Date(0) }));
    await expect(businesses.forgetDissolved(now)).resolves.toBe(1);
    await expect(businesses.forgetDissolved(now)).resolves.toBe(0);
    expect((await db.collection('known_businesses').find().toArray()).map((d) => d._id).sort()).toEqual(['active', 'recent']);
  });
});
