import '@hangviet/telemetry/register';
import { runMain } from '@hangviet/service-kit';
import { shutdownTelemetry } from '@hangviet/telemetry';
import { gateway } from './service';

runMain(gateway(), { lastly: shutdownTelemetry });
