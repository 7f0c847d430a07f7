// The repositories: the shared aggregate store plus each one's queries. Use cases never build a filter.
import type { Page, PageRequest } from '@hangviet/service-kit';
import type { Filter } from 'mongodb';
import type {
  ApplicationRepository,
  CertificateRepository,
  ProductRepository,
  ReportRepository,
} from '../application/ports';
import { Application, type ApplicationState, type ApplicationStatus } from '../domain/application';
import { Certificate, type CertificateState, type CertificateStatus, type Scheme } from '../domain/certificate';
import { Product, type ProductState, type ProductStatus } from '../domain/product';
import { Report, type ReportState, type ReportStatus } from '../domain/report';
import { MongoAggregateStore } from '@hangviet/events';
import type { AggregateDocument, Collections } from './models';
import { applicationOutbox, certificateOutbox, productOutbox, reportOutbox } from './outbox-entries';

type AfterWrite = (id: string) => Promise<void>;
const defined = (filter: Record<string, unknown>): Filter<AggregateDocument> =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as Filter<AggregateDocument>;

export class MongoProductRepository extends MongoAggregateStore<Product, ProductState> implements ProductRepository {
  constructor(c: Collections, afterWrite?: AfterWrite) {
    super(c.products, { idField: 'id', idOf: (p) => p.id, stateOf: (p) => p.state, loadedVersion: (p) => p.loadedVersion, fromState: Product.fromState, outboxOf: productOutbox }, afterWrite);
  }

  list(filter: { businessId?: string; status?: ProductStatus; publicOnly: boolean }, page: PageRequest): Promise<Page<Product>> {
    const status = filter.publicOnly ? 'LISTED' : filter.status;
    return this.page(defined({ businessId: filter.businessId, status }), 'createTime', page, { b: filter.businessId ?? '', s: status ?? '' });
  }
}

export class MongoApplicationRepository extends MongoAggregateStore<Application, ApplicationState> implements ApplicationRepository {
  constructor(c: Collections, afterWrite?: AfterWrite) {
    super(c.applications, { idField: 'id', idOf: (a) => a.id, stateOf: (a) => a.state, loadedVersion: (a) => a.loadedVersion, fromState: Application.fromState, outboxOf: applicationOutbox }, afterWrite);
  }

  list(filter: { businessId?: string; status?: ApplicationStatus }, page: PageRequest): Promise<Page<Application>> {
    return this.page(defined(filter), 'createTime', page, { b: filter.businessId ?? '', s: filter.status ?? '' });
  }

  async decidedWithoutCertificate(before: Date, limit: number): Promise<Application[]> {
    const docs = await this.collection
      .find({ status: 'DECIDED', 'decision.certificateNumber': { $exists: true }, certificateIssued: { $ne: true }, updateTime: { $lt: before } })
      .limit(limit)
      .toArray();
    return docs.map((d) => this.fromDocument(d));
  }

  async markCertificateIssued(id: string): Promise<void> {
    // Outside the aggregate's state on purpose: a bookkeeping flag of the two-write issue, not a domain fact.
    await this.collection.updateOne({ _id: id }, { $set: { certificateIssued: true } });
  }

  protected override fromDocument(doc: AggregateDocument): Application {
    const { certificateIssued: _c, ...rest } = doc;
    return super.fromDocument(rest as AggregateDocument);
  }
}

export class MongoCertificateRepository extends MongoAggregateStore<Certificate, CertificateState> implements CertificateRepository {
  constructor(private readonly c: Collections, afterWrite?: AfterWrite) {
    super(c.certificates, { idField: 'number', idOf: (x) => x.number, stateOf: (x) => x.state, loadedVersion: (x) => x.loadedVersion, fromState: Certificate.fromState, outboxOf: certificateOutbox }, afterWrite);
  }

  async addOnce(certificate: Certificate): Promise<'added' | 'exists'> {
    try {
      await this.add(certificate);
      return 'added';
    } catch (err) {
      if ((err as { code?: string }).code === 'ALREADY_EXISTS') return 'exists';
      throw err;
    }
  }

  list(filter: { businessId?: string; scheme?: Scheme; status?: CertificateStatus }, page: PageRequest): Promise<Page<Certificate>> {
    return this.page(defined(filter), 'issueTime', page, { b: filter.businessId ?? '', sc: filter.scheme ?? '', st: filter.status ?? '' });
  }

  async ofBusiness(businessId: string, statuses: readonly CertificateStatus[]): Promise<Certificate[]> {
    const docs = await this.collection.find({ businessId, status: { $in: [...statuses] } }).toArray();
    return docs.map((d) => this.fromDocument(d));
  }

  async endingBefore(until: Date, limit: number): Promise<Certificate[]> {
    const docs = await this.collection
      .find({ status: { $in: ['VALID', 'EXPIRING'] }, validUntil: { $lte: until } })
      .sort({ validUntil: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => this.fromDocument(d));
  }

  async nextSequence(scheme: Scheme, year: number): Promise<number> {
    const doc = await this.c.counters.findOneAndUpdate({ _id: `certificate:${scheme}:${year}` }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: 'after' });
    return doc!.seq;
  }
}

export class MongoReportRepository extends MongoAggregateStore<Report, ReportState> implements ReportRepository {
  constructor(c: Collections, afterWrite?: AfterWrite) {
    super(c.reports, { idField: 'id', idOf: (r) => r.id, stateOf: (r) => r.state, loadedVersion: (r) => r.loadedVersion, fromState: Report.fromState, outboxOf: reportOutbox }, afterWrite);
  }

  list(filter: { status?: ReportStatus }, page: PageRequest): Promise<Page<Report>> {
    return this.page(defined(filter), 'createTime', page, { s: filter.status ?? '' });
  }
}
