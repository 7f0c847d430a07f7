import { notFound } from '@hangviet/service-kit/errors';
import type { {{Aggregate}} } from '../domain/{{aggregate}}';
import type { {{Name}}Deps } from './ports';

/** Anyone may read a {{aggregate}}: it carries nothing personal. */
export async function get{{Aggregate}}(deps: {{Name}}Deps, id: string): Promise<{{Aggregate}}> {
  const aggregate = await deps.{{aggregatesCamel}}.findById(id);
  if (!aggregate) throw notFound('{{AGGREGATE}}_NOT_FOUND', `No {{aggregate}} has the id ${id}.`, { id });
  return aggregate;
}
