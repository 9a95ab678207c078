// npm run token -- --role <role> --sub <id> [--org <cvr>] [--region <region-slug>] [--name <name>] [--email <address>] [--locale da|en] [--expires 30m]
// Prints a bearer token from the local development issuer (key pair in DATA_DIR), valid for
// --expires (seconds, or with s, m or h), at most and by default TOKEN_MAX_LIFETIME_S (one hour).
import { isRole, LocalIssuer, ROLES } from '@kp/auth';
import { DEFAULT_TOKEN_LIMITS } from '@kp/config';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

function seconds(duration: string): number {
  const match = /^(\d+)([smh]?)$/.exec(duration);
  if (!match || Number(match[1]) === 0) throw new Error(`--expires "${duration}" must be a positive duration such as 900, 30m or 1h`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}

async function main(): Promise<void> {
  // A CLI outside Nest (no DATABASE_URL needed): DATA_DIR, NODE_ENV and TOKEN_MAX_LIFETIME_S as AppConfig reads them.
  const maxLifetimeS = Number(process.env.TOKEN_MAX_LIFETIME_S || DEFAULT_TOKEN_LIMITS.maxLifetimeS);
  if (!Number.isInteger(maxLifetimeS) || maxLifetimeS <= 0) throw new Error(`TOKEN_MAX_LIFETIME_S="${process.env.TOKEN_MAX_LIFETIME_S}" must be a whole number of seconds`);
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      org: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      locale: { type: 'string' },
      expires: { type: 'string', default: String(maxLifetimeS) },
    },
  });
  if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.sub) throw new Error('--sub <id> is required (the person the token is for)');
  const lifetimeS = seconds(values.expires);
  if (lifetimeS > maxLifetimeS) throw new Error(`--expires ${values.expires} is longer than the API accepts (TOKEN_MAX_LIFETIME_S=${maxLifetimeS} seconds)`);
  const issuer = await LocalIssuer.open(resolve(process.env.DATA_DIR || '.data'), process.env.NODE_ENV);
  const token = await issuer.sign({ role: values.role, sub: values.sub, organisation: values.org, region: values.region, name: values.name, email: values.email, locale: values.locale }, lifetimeS);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(`token: ${(error as Error).message}`);
  process.exit(2);
});
