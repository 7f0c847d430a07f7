// The directory's suppliers, copied from the registry's business events and certification's product and
// certificate events into one document per business. Idempotent: the business part is guarded by the
// directory's version, each product and certificate by its own version; a redelivered or older event changes nothing.
import type { Collection } from 'mongodb';
import type { SupplierDirectory } from '../application/ports';
import { industryKey, industryKeys, type Supplier } from '../domain/supplier';
import type { PostingDocument, SupplierDocument } from './collections';

export interface BusinessFacts {
  id: string;
  name: string;
  status: string;
  provinceCode: string;
  wardCode: string;
  industries: { edition: string; code: string }[];
  contactEmail: string;
  preferredLocale: string;
  version: number;
}
export type ProductFacts = SupplierDocument['products'][number] & { businessId: string };
export type CertificateFacts = SupplierDocument['certificates'][number] & { businessId: string };

const EMPTY = { name: '', status: 'UNKNOWN', provinceCode: '', wardCode: '', industries: [], industryKeys: [], version: 0, products: [], certificates: [] };

function toSupplier(d: SupplierDocument): Supplier {
  return { id: d._id, name: d.name, status: d.status, provinceCode: d.provinceCode, wardCode: d.wardCode, industries: d.industries, products: d.products, certificates: d.certificates, contactEmail: d.contactEmail ?? '', preferredLocale: d.preferredLocale ?? '' };
}

/** The postings a supplier's copy should have: one per industry key while it is ACTIVE, none otherwise. */
export function postingsOf(d: Pick<SupplierDocument, '_id' | 'status' | 'industryKeys' | 'version'>): PostingDocument[] {
  if (d.status !== 'ACTIVE') return [];
  return d.industryKeys.map((key) => ({ _id: `${key}|${d._id}`, key, supplierId: d._id, version: d.version }));
}

/** `$in` lists longer than this are not pushed down by the local FerretDB (patch 0002's bound): split them. */
const IN_CHUNK = 500;

/** Which fields of a supplier a match reads: the rest of the document stays in the database. */
const MATCH_FIELDS = { name: 1, status: 1, provinceCode: 1, wardCode: 1, industries: 1, products: 1, certificates: 1, contactEmail: 1, preferredLocale: 1 } as const;

export class MongoSupplierDirectory implements SupplierDirectory {
  constructor(
    private readonly suppliers: Collection<SupplierDocument>,
    private readonly postings: Collection<PostingDocument>,
  ) {}

  /**
   * The candidates: the postings under the key (an index equality), then those suppliers by `_id` (the `_id`
   * btree), in chunks read side by side. One batch each: no cursor is left open between requests (under load
   * FerretDB dropped them: CursorNotFound). The ranking checks status and industry again, so a posting a moment
   * behind its supplier changes nothing it shows.
   */
  async underIndustry(edition: string, code: string, limit: number): Promise<Supplier[]> {
    const postings = await this.postings.find({ key: industryKey(edition, code) }, { projection: { _id: 0, supplierId: 1 }, limit, batchSize: limit }).toArray();
    const ids = [...new Set(postings.map((p) => p.supplierId))];
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += IN_CHUNK) chunks.push(ids.slice(i, i + IN_CHUNK));
    const found = await Promise.all(chunks.map((chunk) => this.suppliers.find({ _id: { $in: chunk } }, { projection: MATCH_FIELDS, batchSize: chunk.length }).toArray()));
    return found.flat().filter((d) => d.status === 'ACTIVE').map(toSupplier);
  }

  /**
   * Rewrites the supplier's postings from its stored copy. Idempotent and safe beside a concurrent sync: a
   * posting is upserted only over an older or equal version (a newer one refuses it as a duplicate key), and
   * only postings of this version or older that the copy no longer holds are deleted. Run after every business
   * write, also when the event was stale: a crash between the copy's write and this one is repaired by the
   * event's redelivery.
   */
  async syncPostings(supplierId: string): Promise<void> {
    const doc = await this.suppliers.findOne({ _id: supplierId }, { projection: { status: 1, industryKeys: 1, version: 1 } });
    if (!doc) {
      await this.postings.deleteMany({ supplierId });
      return;
    }
    const wanted = postingsOf(doc);
    await Promise.all(
      wanted.map((p) =>
        this.postings.replaceOne({ _id: p._id, version: { $lte: p.version } }, p, { upsert: true }).catch((err: { code?: number }) => {
          if (err.code !== 11000) throw err; // a newer version's posting is there already
        }),
      ),
    );
    await this.postings.deleteMany({ supplierId, version: { $lte: doc.version }, key: { $nin: wanted.map((p) => p.key) } });
  }

  /** Once per database: postings for a supplier copy written before they existed. */
  async backfillPostings(migrations: Collection<{ _id: string; time: Date }>, now: Date): Promise<number> {
    const id = 'supplier_postings';
    if (await migrations.findOne({ _id: id })) return 0;
    let written = 0;
    let batch: PostingDocument[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await this.postings.insertMany(batch, { ordered: false }).catch((err: { code?: number }) => {
        if (err.code !== 11000) throw err; // written by a consumer meanwhile
      });
      written += batch.length;
      batch = [];
    };
    for await (const doc of this.suppliers.find({ status: 'ACTIVE' }, { projection: { status: 1, industryKeys: 1, version: 1 }, batchSize: 1000 })) {
      batch.push(...postingsOf(doc));
      if (batch.length >= 1000) await flush();
    }
    await flush();
    await migrations.updateOne({ _id: id }, { $set: { time: now } }, { upsert: true });
    return written;
  }

  async find(businessId: string): Promise<Supplier | undefined> {
    const doc = await this.suppliers.findOne({ _id: businessId });
    return doc ? toSupplier(doc) : undefined;
  }

  /** The business's own facts, unless the copy holds its version or a newer one. */
  async recordBusiness(b: BusinessFacts, time: Date): Promise<'recorded' | 'stale'> {
    const outcome = await this.recordBusinessCopy(b, time);
    await this.syncPostings(b.id);
    return outcome;
  }

  private async recordBusinessCopy(b: BusinessFacts, time: Date): Promise<'recorded' | 'stale'> {
    const doc = await this.suppliers.findOne({ _id: b.id }, { projection: { version: 1 } });
    if (doc && doc.version >= b.version) return 'stale';
    const facts = { name: b.name, status: b.status, provinceCode: b.provinceCode, wardCode: b.wardCode, industries: b.industries, industryKeys: industryKeys(b.industries), contactEmail: b.contactEmail, preferredLocale: b.preferredLocale, version: b.version, updateTime: time };
    if (!doc) {
      try {
        await this.suppliers.insertOne({ _id: b.id, ...EMPTY, ...facts });
        return 'recorded';
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err; // inserted meanwhile: fall through to the guarded update
      }
    }
    const result = await this.suppliers.updateOne({ _id: b.id, version: { $lt: b.version } }, { $set: facts });
    return result.modifiedCount > 0 ? 'recorded' : 'stale';
  }

  async recordProduct(p: ProductFacts, time: Date): Promise<void> {
    const { businessId, ...product } = p;
    const doc = await this.ensure(businessId, time);
    const stored = doc.products.find((x) => x.id === p.id);
    if (stored && stored.version >= p.version) return;
    // Two single-field updates: a crash between them leaves the product out until the event is redelivered,
    // which then finds no stored version and writes it.
    await this.suppliers.updateOne({ _id: businessId }, { $pull: { products: { id: p.id } } });
    await this.suppliers.updateOne({ _id: businessId }, { $push: { products: product }, $set: { updateTime: time } });
  }

  async recordCertificate(c: CertificateFacts, time: Date): Promise<void> {
    const { businessId, ...certificate } = c;
    const doc = await this.ensure(businessId, time);
    const stored = doc.certificates.find((x) => x.number === c.number);
    if (stored && stored.version >= c.version) return;
    await this.suppliers.updateOne({ _id: businessId }, { $pull: { certificates: { number: c.number } } });
    await this.suppliers.updateOne({ _id: businessId }, { $push: { certificates: certificate }, $set: { updateTime: time } });
  }

  /** A product's or certificate's event may come before its business's: a placeholder waits for the business. */
  private async ensure(businessId: string, time: Date): Promise<SupplierDocument> {
    const found = await this.suppliers.findOne({ _id: businessId });
    if (found) return found;
    const placeholder: SupplierDocument = { _id: businessId, ...EMPTY, updateTime: time };
    try {
      await this.suppliers.insertOne(placeholder);
      return placeholder;
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      return (await this.suppliers.findOne({ _id: businessId }))!;
    }
  }

  async forgetDissolved(before: Date): Promise<number> {
    // A dissolved business has no postings (not ACTIVE): nothing else to delete.
    return (await this.suppliers.deleteMany({ status: 'DISSOLVED', updateTime: { $lt: before } })).deletedCount;
  }
}
