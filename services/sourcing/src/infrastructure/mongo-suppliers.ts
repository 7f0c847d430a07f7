// The directory's suppliers, copied from the registry's business events and certification's product and
// certificate events into one document per business. Idempotent: the business part is guarded by the
// directory's version, each product and certificate by its own version; a redelivered or older event changes nothing.
import type { Collection } from 'mongodb';
import type { SupplierDirectory } from '../application/ports';
import { industryKey, industryKeys, type Supplier } from '../domain/supplier';
import type { SupplierDocument } from './collections';

export interface BusinessFacts {
  id: string;
  name: string;
  status: string;
  provinceCode: string;
  wardCode: string;
  industries: { edition: string; code: string }[];
  version: number;
}
export type ProductFacts = SupplierDocument['products'][number] & { businessId: string };
export type CertificateFacts = SupplierDocument['certificates'][number] & { businessId: string };

const EMPTY = { name: '', status: 'UNKNOWN', provinceCode: '', wardCode: '', industries: [], industryKeys: [], version: 0, products: [], certificates: [] };

function toSupplier(d: SupplierDocument): Supplier {
  return { id: d._id, name: d.name, status: d.status, provinceCode: d.provinceCode, wardCode: d.wardCode, industries: d.industries, products: d.products, certificates: d.certificates };
}

/** Which fields of a supplier a match reads: the rest of the document stays in the database. */
const MATCH_FIELDS = { name: 1, status: 1, provinceCode: 1, wardCode: 1, industries: 1, products: 1, certificates: 1 } as const;

export class MongoSupplierDirectory implements SupplierDirectory {
  constructor(private readonly suppliers: Collection<SupplierDocument>) {}

  async underIndustry(edition: string, code: string, limit: number): Promise<Supplier[]> {
    const docs = await this.suppliers.find({ industryKeys: industryKey(edition, code), status: 'ACTIVE' }, { projection: MATCH_FIELDS, limit }).toArray();
    return docs.map(toSupplier);
  }

  async find(businessId: string): Promise<Supplier | undefined> {
    const doc = await this.suppliers.findOne({ _id: businessId });
    return doc ? toSupplier(doc) : undefined;
  }

  /** The business's own facts, unless the copy holds its version or a newer one. */
  async recordBusiness(b: BusinessFacts, time: Date): Promise<'recorded' | 'stale'> {
    const doc = await this.suppliers.findOne({ _id: b.id }, { projection: { version: 1 } });
    if (doc && doc.version >= b.version) return 'stale';
    const facts = { name: b.name, status: b.status, provinceCode: b.provinceCode, wardCode: b.wardCode, industries: b.industries, industryKeys: industryKeys(b.industries), version: b.version, updateTime: time };
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
    return (await this.suppliers.deleteMany({ status: 'DISSOLVED', updateTime: { $lt: before } })).deletedCount;
  }
}
