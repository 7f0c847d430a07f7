// The directory's business events → this service's copy of each business and its owner
// (@hangviet/known-businesses, idempotent by the directory's version): a business's inbox and
// notification preferences are its owner's. Its own group: the notices are platform-events' work.
import { defineBusinessStatusConsumer, type KnownBusinesses } from '@hangviet/known-businesses';
import { SERVICE_NAME } from '../config';

export function businessStatusConsumer(businesses: KnownBusinesses, { group }: { group: string }) {
  return defineBusinessStatusConsumer(businesses, { service: SERVICE_NAME, group });
}
