import '@hangviet/telemetry/register';
import { runMain } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { campaignResultsService } from './service';

// Telemetry is flushed last, so spans of the shutdown itself are sent too.
runMain(campaignResultsService, { lastly: () => shutdownTelemetry() });
