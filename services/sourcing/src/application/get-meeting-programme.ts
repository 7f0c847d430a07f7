import { notFound } from '@hangviet/service-kit/errors';
import type { MeetingProgramme } from '../domain/meeting';
import type { SourcingDeps } from './ports';

export interface GetMeetingProgrammeCommand {
  fairId: string;
}

/** A fair's meeting slots and tables: public, like the fair; 404 MEETING_PROGRAMME_NOT_FOUND when staff set none. */
export async function getMeetingProgramme(deps: SourcingDeps, { fairId }: GetMeetingProgrammeCommand): Promise<MeetingProgramme> {
  const programme = await deps.schedule.programme(fairId);
  if (!programme) throw notFound('MEETING_PROGRAMME_NOT_FOUND', `Fair ${fairId} has no meeting programme.`, { fairId });
  return programme;
}
