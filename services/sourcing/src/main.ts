import '@hangviet/telemetry/register';
import { runMain } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { sourcingService } from './service';

// Telemetry is flushed last, so spans of the shutdown itself are sent too.
runMain(sourcingService, { lastly: () => shutdownTelemetry() });
