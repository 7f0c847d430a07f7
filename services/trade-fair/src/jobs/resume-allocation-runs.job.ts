// Allocation runs left APPLYING by a crash are finished from their run document (under the fair's
// allocation lease, so never alongside a live run). On libs/jobs: one instance at a time.
import { defineJob } from '@hangviet/jobs';
import type { TradeFairDeps } from '../application/ports';
import { resumeAllocationRuns } from '../application/resume-allocation-runs';

export function resumeAllocationRunsJob(deps: TradeFairDeps, every: string) {
  return defineJob({
    name: 'resume-allocation-runs',
    schedule: { every },
    lease: '2m',
    run: async () => {
      await resumeAllocationRuns(deps);
    },
  });
}
