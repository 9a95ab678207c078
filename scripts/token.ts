// npm run token -- --role <role> --sub <id> [--org <cvr>] [--region <region-slug>] [--name <name>] [--expires 12h]
// Prints a bearer token from the local development issuer (key pair in DATA_DIR).
import { isRole, LocalIssuer, ROLES } from '@kp/auth';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      org: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.sub) throw new Error('--sub <id> is required (the person the token is for)');
  // A CLI outside Nest (no DATABASE_URL needed): DATA_DIR and NODE_ENV as AppConfig reads them.
  const issuer = await LocalIssuer.open(resolve(process.env.DATA_DIR || '.data'), process.env.NODE_ENV);
  const token = await issuer.sign({ role: values.role, sub: values.sub, organisation: values.org, region: values.region, name: values.name }, values.expires);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(`token: ${(error as Error).message}`);
  process.exit(2);
});
