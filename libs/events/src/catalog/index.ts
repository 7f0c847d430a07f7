// The platform's event catalogue: one file per bounded context, all registered here so that
// `eventType(ce_type)` and `topics()` know every event on the platform.
import { registerEvents } from '../registry';
import { certificationEvents } from './certification';
import { notificationEvents } from './notification';
import { registryEvents } from './registry';
import { tradefairEvents } from './tradefair';

export * from './notification';
export * from './registry';
export * from './certification';
export * from './tradefair';

registerEvents(...registryEvents, ...notificationEvents);
registerEvents(...certificationEvents);
registerEvents(...tradefairEvents);
