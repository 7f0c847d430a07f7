export { createLimiter, type Limiter } from './limiter';
export { createBatcher, type Batched, type BatcherOptions } from './batcher';
export { createWorkLoop, type HeldWork, type WorkLoop, type WorkLoopOptions } from './work-loop';
export { createClaims, WORK_CLAIMS, type ClaimDoc, type Claims, type ClaimsOptions } from './claims';
export { parseDuration, parseSchedule, type Schedule, type ScheduleSpec } from './schedule';
export { fenced, FENCE_FIELD, LeaseLostError, type FencedWrite } from './fencing';
export { createJobLeases, JOB_LEASES, type JobLeaseDoc, type JobLeases } from './job-leases';
export {
  createScheduler,
  defineJob,
  type DefinedJob,
  type JobContext,
  type ScheduledJob,
  type Scheduler,
  type SchedulerOptions,
} from './scheduler';
export { idempotencyKeysSweep, rateLimitSweep } from './platform-jobs';
