import '@hangviet/telemetry/register';
import { runMain } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { businessRegistry } from './service';

// After every other shutdown step, so spans of the shutdown itself are flushed too.
runMain(businessRegistry, { lastly: shutdownTelemetry });
