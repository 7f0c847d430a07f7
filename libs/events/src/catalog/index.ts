// The platform's event catalogue: one file per bounded context, all registered here so that
// `eventType(ce_type)` and `topics()` know every event on the platform.
import type { CatalogEvent } from '../partner-policy';
import { registerEvents } from '../registry';
import { certificationEvents } from './certification';
import { notificationEvents } from './notification';
import { registryEvents } from './registry';
import { tradefairEvents } from './tradefair';
import { sourcingEvents } from './sourcing';
import { campaignEvents } from './campaign';

export * from './notification';
export * from './registry';
export * from './certification';
export * from './tradefair';
export * from './sourcing';
export * from './campaign';

/**
 * Every event of the platform, each with its partner policy: the type requires it, so a new context's events
 * cannot reach partners without saying what they may see (docs: services/notification/README.md).
 */
export const catalogEvents: readonly CatalogEvent[] = [...registryEvents, ...notificationEvents, ...certificationEvents, ...tradefairEvents, ...sourcingEvents, ...campaignEvents];

registerEvents(...catalogEvents);
