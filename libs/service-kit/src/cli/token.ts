// Dev token: `npm run -s token -- --role enterprise --business <id>` prints only the token on stdout,
// so it composes: curl -H "Authorization: Bearer $(npm run -s token -- --role staff)" …
import { parseArgs } from 'node:util';
import { DEV_KEYS_DIR, mintDevToken, roles, type Role } from '../auth';

const usage =
  'usage: token --role admin|staff|enterprise|partner|service [--business <id>] [--partner <id>] [--service <name>] [--subject <sub>] [--name <name>] [--expires 1h] [--keys-dir .local/auth]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      business: { type: 'string' },
      partner: { type: 'string' },
      service: { type: 'string' },
      subject: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      expires: { type: 'string', default: '1h' },
      'keys-dir': { type: 'string', default: process.env.AUTH_KEYS_DIR ?? DEV_KEYS_DIR },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(usage + '\n');
    return;
  }
  const role = values.role as Role | undefined;
  if (!role || !roles.includes(role)) throw new Error(`--role must be one of ${roles.join(', ')}`);
  if (role === 'enterprise' && !values.business) throw new Error('--role enterprise needs --business <id>');
  if (role === 'partner' && !values.partner) throw new Error('--role partner needs --partner <id>');
  if (role === 'service' && !values.service) throw new Error('--role service needs --service <name>');
  if (!/^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|y|year|years)$/i.test(values.expires)) {
    throw new Error(`--expires: expected a span such as 15m, 1h or 7d, got '${values.expires}'`);
  }
  const token = await mintDevToken(
    {
      role,
      businessId: values.business,
      partnerId: values.partner,
      service: values.service,
      subject: values.subject,
      name: values.name,
      email: values.email,
      expiresIn: values.expires,
    },
    values['keys-dir'],
  );
  process.stdout.write(token + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`token: ${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
  process.exitCode = 2;
});
