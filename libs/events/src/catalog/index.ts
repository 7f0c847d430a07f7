// The platform's event catalogue: one file per bounded context, all registered here so that
// `eventType(ce_type)` and `topics()` know every event on the platform.
import { registerEvents } from '../registry';
import { notificationEvents } from './notification';
import { registryEvents } from './registry';

export * from './notification';
export * from './registry';

registerEvents(...registryEvents, ...notificationEvents);
