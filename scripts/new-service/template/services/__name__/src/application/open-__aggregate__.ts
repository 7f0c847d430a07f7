import { authorize, type Principal } from '@hangviet/service-kit';
import { {{Aggregate}} } from '../domain/{{aggregate}}';
import { ACCESS } from './access-rules';
import type { {{Name}}Deps } from './ports';

export interface Open{{Aggregate}}Command {
  businessId: string;
  title: string;
}

/** Staff open a {{aggregate}} for any active business; an enterprise user only for their own (the registry's owner decides). */
export async function open{{Aggregate}}(deps: {{Name}}Deps, principal: Principal | undefined, command: Open{{Aggregate}}Command): Promise<{{Aggregate}}> {
  const actor = await deps.businesses.assertOwns(authorize(principal, ACCESS.open{{Aggregate}}), command.businessId);
  const aggregate = {{Aggregate}}.open({
    id: deps.{{aggregatesCamel}}.newId(),
    businessId: command.businessId,
    businessStatus: (await deps.businesses.stored(command.businessId))?.status,
    title: command.title,
    actor: { subject: actor.subject },
    now: deps.now(),
  });
  await deps.{{aggregatesCamel}}.add(aggregate);
  return aggregate;
}
