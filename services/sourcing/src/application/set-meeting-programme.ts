import { authorize, type Principal } from '@hangviet/service-kit';
import { checkProgramme, type MeetingProgramme, type MeetingSlot } from '../domain/meeting';
import { ACCESS } from './access-rules';
import { requireMeetingFair } from './meeting-fair';
import type { SourcingDeps } from './ports';

export interface SetMeetingProgrammeCommand {
  fairId: string;
  slots: MeetingSlot[];
  tables: number;
}

/** Staff set a fair's meeting slots and tables (replacing the previous programme; meetings scheduled keep their places). */
export async function setMeetingProgramme(deps: SourcingDeps, principal: Principal | undefined, command: SetMeetingProgrammeCommand): Promise<MeetingProgramme> {
  authorize(principal, ACCESS.setMeetingProgramme);
  checkProgramme(command.slots, command.tables);
  await requireMeetingFair(deps, command.fairId);
  return deps.schedule.setProgramme({ fairId: command.fairId, slots: command.slots, tables: command.tables });
}
