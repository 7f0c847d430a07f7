// The directory's business events → this service's copy of each business: its status and owner
// (@hangviet/known-businesses, who may act for it) and its supplier facts (province, ward, industries) for
// matching. Both writes are idempotent by the directory's version.
import { IndustryEdition } from '@hangviet/contracts/hangviet/registry/v1/business';
import { defineConsumer } from '@hangviet/events';
import { BUSINESS_EVENTS, fromSnapshot } from '@hangviet/known-businesses';
import type { SourcingDeps } from '../application/ports';
import { SERVICE_NAME } from '../config';
import type { MongoSupplierDirectory } from '../infrastructure/mongo-suppliers';

const EDITION: Partial<Record<IndustryEdition, string>> = {
  [IndustryEdition.INDUSTRY_EDITION_VSIC_2018]: '2018',
  [IndustryEdition.INDUSTRY_EDITION_VSIC_2025]: '2025',
};

/** `groupPrefix` isolates the Kafka group as KAFKA_TOPIC_PREFIX isolates the topics (tests, shared clusters). */
export function directoryConsumer(deps: Pick<SourcingDeps, 'businesses'>, suppliers: MongoSupplierDirectory, { groupPrefix = '' } = {}) {
  return defineConsumer({
    name: 'directory',
    group: `${groupPrefix}${SERVICE_NAME}.business-status`,
    events: BUSINESS_EVENTS,
    handle: async (event) => {
      const snapshot = event.data.business;
      if (!snapshot) throw new Error(`${event.type} ${event.id} carries no business`); // retried, then dead-lettered
      const time = new Date(event.time);
      const known = fromSnapshot(snapshot, time);
      await deps.businesses.record(known);
      // Every industry the snapshot lists (the main one first); a snapshot from before the list carries only the main one.
      const listed = snapshot.industries.length > 0 ? [...snapshot.industries].sort((a, b) => Number(b.main) - Number(a.main)) : snapshot.mainIndustry ? [snapshot.mainIndustry] : [];
      const industries = listed.flatMap((i) => {
        const edition = EDITION[i.edition];
        return i.code && edition ? [{ edition, code: i.code }] : [];
      });
      await suppliers.recordBusiness(
        {
          id: known.id,
          name: known.name,
          status: known.status,
          provinceCode: known.provinceCode,
          wardCode: snapshot.address?.wardCode ?? '',
          industries,
          contactEmail: snapshot.contactEmail,
          preferredLocale: snapshot.preferredLocale,
          version: known.version,
        },
        time,
      );
    },
  });
}
