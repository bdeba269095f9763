import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { openOrm } from './db/orm.js';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const message = (env: NodeJS.ProcessEnv) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('starts in development on port 4000 with the embedded database', async () => {
    const config = loadConfig({ DOORSTEP_DATA_DIR: await tempDir() });
    expect(config).toMatchObject({ mode: 'development', port: 4000, databaseUrl: undefined, seedDemo: true });
  });

  it('names the variable that is wrong, in one line', () => {
    expect(message({ PORT: 'abc' })).toBe('PORT must be a whole number from 1 to 65535');
    expect(message({ PORT: '70000' })).toBe('PORT must be a whole number from 1 to 65535');
    expect(message({ DATABASE_URL: 'mysql://x/y' })).toBe(
      'DATABASE_URL must be a postgres:// or postgresql:// address',
    );
    expect(message({ DOORSTEP_MODE: 'prod' })).toBe('DOORSTEP_MODE must be "development" or "production"');
    expect(message({ JWT_SECRET: 'short' })).toBe('JWT_SECRET must be at least 32 characters');
    for (const text of [message({ PORT: 'abc' }), message({ LOG_LEVEL: 'loud' })])
      expect(text).not.toContain('\n');
  });

  it('refuses MikroORM’s own variables, which would override DATABASE_URL', () => {
    expect(message({ DATABASE_URL: 'postgres://db/doorstep', MIKRO_ORM_HOST: 'elsewhere' })).toBe(
      'MIKRO_ORM_HOST is set in the environment: Doorstep takes its database settings only from ' +
        'DATABASE_URL, and MikroORM would let this one override them; remove it',
    );
    expect(message({ MIKRO_ORM_ALLOW_GLOBAL_CONTEXT: 'true' })).toMatch(
      /^MIKRO_ORM_ALLOW_GLOBAL_CONTEXT is set/,
    );
  });

  it('has no fallback secret in production', async () => {
    expect(message({ DOORSTEP_MODE: 'production', DOORSTEP_DATA_DIR: await tempDir() })).toMatch(
      /^JWT_SECRET must be set/,
    );
    const config = loadConfig({ DOORSTEP_MODE: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(new TextDecoder().decode(config.jwt.secret)).toBe('x'.repeat(32));
    expect(config.seedDemo).toBe(false);
  });

  it('refuses development mode on any address but this computer, since it hands out demo sign-ins', async () => {
    const dir = await tempDir();
    const refusal =
      'HOST: development mode hands out demo sign-ins, so it listens only on this computer (127.0.0.1). ' +
      'Set DOORSTEP_MODE=production to serve other computers.';
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'doorstep.example.org']) {
      expect(message({ HOST: host, DOORSTEP_DATA_DIR: dir })).toBe(refusal);
      expect(message({ HOST: host, DOORSTEP_MODE: 'development', DOORSTEP_DATA_DIR: dir })).toBe(refusal);
    }
    for (const host of ['127.0.0.1', '::1', 'localhost'])
      expect(loadConfig({ HOST: host, DOORSTEP_DATA_DIR: dir }).host).toBe(host);
    const served = loadConfig({ HOST: '0.0.0.0', DOORSTEP_MODE: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(served).toMatchObject({ mode: 'production', host: '0.0.0.0' });
  });

  it('reads the limit on requests without a token, per address and minute', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir }).noTokenLimit).toEqual({ max: 60, windowSeconds: 60 });
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir, NO_TOKEN_LIMIT_PER_ADDRESS: '5' }).noTokenLimit).toEqual({
      max: 5,
      windowSeconds: 60,
    });
    expect(message({ NO_TOKEN_LIMIT_PER_ADDRESS: '0' })).toBe(
      'NO_TOKEN_LIMIT_PER_ADDRESS must be at least 1 request per minute',
    );
  });

  it('reads how often open event streams are checked again', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir }).eventsRecheckSeconds).toBe(60);
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir, EVENTS_RECHECK_SECONDS: '30' }).eventsRecheckSeconds).toBe(
      30,
    );
    expect(message({ EVENTS_RECHECK_SECONDS: '1' })).toBe(
      'EVENTS_RECHECK_SECONDS must be a whole number of seconds from 5 to 3600',
    );
  });

  it('reads how long a webhook delivery may wait, and allows http webhooks to this computer only outside production', async () => {
    const dir = await tempDir();
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir }).webhooks).toEqual({
      timeoutMs: 10_000,
      allowLocalHttp: true,
    });
    expect(loadConfig({ DOORSTEP_DATA_DIR: dir, WEBHOOK_TIMEOUT_SECONDS: '3' }).webhooks.timeoutMs).toBe(
      3_000,
    );
    const production = loadConfig({
      DOORSTEP_DATA_DIR: dir,
      DOORSTEP_MODE: 'production',
      HOST: '0.0.0.0',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(production.webhooks.allowLocalHttp).toBe(false);
    expect(message({ WEBHOOK_TIMEOUT_SECONDS: '0' })).toBe(
      'WEBHOOK_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 60',
    );
  });

  it('keeps one development secret per data folder, readable only by its owner', async () => {
    const dir = await tempDir();
    const first = loadConfig({ DOORSTEP_DATA_DIR: dir }).jwt.secret;
    const second = loadConfig({ DOORSTEP_DATA_DIR: dir }).jwt.secret;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((await stat(path.join(dir, 'dev-jwt-secret'))).mode & 0o777).toBe(0o600);
    const other = loadConfig({ DOORSTEP_DATA_DIR: await tempDir() }).jwt.secret;
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });
});

describe('openOrm', () => {
  it('refuses a .env file in the working folder that sets MikroORM variables', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.env'), 'MIKRO_ORM_CLIENT_URL=postgres://elsewhere/other\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // Refused before any connection is tried: this address is never used.
      await expect(openOrm('postgres://127.0.0.1:1/doorstep')).rejects.toThrow(
        new ConfigError(
          'MIKRO_ORM_CLIENT_URL is set in a .env file: Doorstep takes its database settings only from ' +
            'DATABASE_URL, and MikroORM would let this one override them; remove it',
        ),
      );
    } finally {
      process.chdir(cwd);
      delete process.env.MIKRO_ORM_CLIENT_URL;
    }
  });
});
