import { authorize, isStaff, type Principal } from '@hangviet/service-kit';
import { AppError, conflict, failedPrecondition } from '@hangviet/service-kit/errors';
import { Outcome, type OutcomeKind } from '../domain/outcome';
import { ACCESS } from './access-rules';
import { isBuyerSide, requireRequest } from './acting';
import type { SourcingDeps } from './ports';

export interface RecordOutcomeCommand {
  id: string;
  supplierBusinessId: string;
  kind: OutcomeKind;
  valueVnd: number;
  signedDate: string;
}

/**
 * The buyer, the supplier (one that responded) or staff record what they signed. Once per request, supplier
 * and kind (a unique key: 409 OUTCOME_EXISTS), so campaign results count each outcome once.
 */
export async function recordOutcome(deps: SourcingDeps, principal: Principal | undefined, command: RecordOutcomeCommand): Promise<Outcome> {
  const caller = authorize(principal, ACCESS.recordOutcome);
  const request = await requireRequest(deps, command.id);
  if (!isStaff(caller) && !(await isBuyerSide(deps, caller, request))) {
    await deps.businesses.assertOwns(caller, command.supplierBusinessId);
  }
  if (!request.responseOf(command.supplierBusinessId)) {
    throw failedPrecondition('SUPPLIER_NOT_RESPONDED', 'An outcome is recorded between the buyer and a supplier that responded to the request.', { supplierBusinessId: command.supplierBusinessId });
  }
  const outcome = Outcome.record({
    id: deps.outcomes.newId(),
    requestId: request.id,
    ...(request.state.buyerBusinessId ? { buyerBusinessId: request.state.buyerBusinessId } : {}),
    supplierBusinessId: command.supplierBusinessId,
    kind: command.kind,
    valueVnd: command.valueVnd,
    signedDate: command.signedDate,
    actor: caller.subject,
    now: deps.now(),
  });
  try {
    await deps.outcomes.add(outcome);
  } catch (err) {
    if (err instanceof AppError && err.code === 'ALREADY_EXISTS') {
      throw conflict('OUTCOME_EXISTS', `This request already has a ${command.kind} with this supplier.`, { supplierBusinessId: command.supplierBusinessId, kind: command.kind });
    }
    throw err;
  }
  return outcome;
}
