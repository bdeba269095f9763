import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only reader of the environment. Everything else receives a parsed `Config`.
 * A bad value stops the start with one line naming the variable (see `ConfigError`).
 */

/** The repository root: gateway/src or gateway/dist are one level below gateway/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const port = z.coerce
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int({ error: 'must be a whole number from 1 to 65535' })
  .min(1, { error: 'must be a whole number from 1 to 65535' })
  .max(65535, { error: 'must be a whole number from 1 to 65535' });

const perMinute = z.coerce
  .number({ error: 'must be a whole number of requests per minute' })
  .int({ error: 'must be a whole number of requests per minute' })
  .min(1, { error: 'must be at least 1 request per minute' });

const envSchema = z.object({
  DOORSTEP_MODE: z
    .enum(['development', 'production'], { error: 'must be "development" or "production"' })
    .default('development'),
  HOST: z.string().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  PORT: port.default(4000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// address' })
    .optional(),
  DOORSTEP_DATA_DIR: z.string().min(1, { error: 'must not be empty' }).optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  JWT_ISSUER: z.string().min(1, { error: 'must not be empty' }).default('doorstep'),
  SEED_DEMO: z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((value) => value === 'true')
    .optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], {
      error: 'must be one of debug, info, warn, error, silent',
    })
    .default('info'),
  FRAME_ANCESTORS: z
    .string()
    .trim()
    .regex(/^('self'|'none'|https?:\/\/[a-z0-9.*-]+(:\d+)?)( ('self'|https?:\/\/[a-z0-9.*-]+(:\d+)?))*$/i, {
      error: "must be 'none', 'self' or a space-separated list of origins like https://portal.example.org",
    })
    .default("'self'"),
  TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((value) => value === 'true')
    .default(false),
  PUBLIC_LIMIT_PER_TOKEN: perMinute.default(120),
  PUBLIC_LIMIT_PER_ADDRESS: perMinute.default(10),
  WIDGET_TOKEN_LIMIT_PER_KEY: perMinute.default(600),
  NO_TOKEN_LIMIT_PER_ADDRESS: perMinute.default(60),
  EVENTS_RECHECK_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 5 to 3600' })
    .int({ error: 'must be a whole number of seconds from 5 to 3600' })
    .min(5, { error: 'must be a whole number of seconds from 5 to 3600' })
    .max(3600, { error: 'must be a whole number of seconds from 5 to 3600' })
    .default(60),
  DB_POOL_MAX: z.coerce
    .number({ error: 'must be a whole number from 2 to 200' })
    .int({ error: 'must be a whole number from 2 to 200' })
    .min(2, { error: 'must be a whole number from 2 to 200' })
    .max(200, { error: 'must be a whole number from 2 to 200' })
    .default(10),
  COMPILED_READS: z
    .enum(['true', 'false'], { error: 'must be "true" or "false"' })
    .transform((value) => value === 'true')
    .default(true),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 1 to 60' })
    .int({ error: 'must be a whole number of seconds from 1 to 60' })
    .min(1, { error: 'must be a whole number of seconds from 1 to 60' })
    .max(60, { error: 'must be a whole number of seconds from 1 to 60' })
    .default(10),
  MAX_BODY_BYTES: z.coerce
    .number({ error: 'must be a whole number of bytes' })
    .int({ error: 'must be a whole number of bytes' })
    .min(1024, { error: 'must be at least 1024' })
    .default(1_000_000),
});

export interface Config {
  mode: 'development' | 'production';
  host: string;
  port: number;
  /** Set: use that PostgreSQL. Unset: start the embedded one in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  jwt: { secret: Uint8Array; issuer: string };
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  maxBodyBytes: number;
  /** Sources allowed to frame Doorstep's pages (CSP frame-ancestors). */
  frameAncestors: string;
  /** Take the client address from X-Forwarded-For (behind a trusted load balancer). */
  trustProxy: boolean;
  /** Rate limits on the public mutations, per public token and per network address. */
  publicLimits: {
    perToken: { max: number; windowSeconds: number };
    perAddress: { max: number; windowSeconds: number };
  };
  /** Widget tokens one API key may mint per minute. */
  widgetTokenLimitPerKey: number;
  /**
   * Requests to /graphql without a valid token, per network address: counted in each instance's
   * memory before any database work (`AddressLimiter`).
   */
  noTokenLimit: { max: number; windowSeconds: number };
  /** How often each open /events stream checks its token and user against the records again. */
  eventsRecheckSeconds: number;
  dbPoolMax: number;
  /**
   * Queries with a read model are answered by compiled SQL (`read/`); false sends every request
   * through the resolvers (the same answers, more slowly): a way back if a compiled read misbehaves.
   */
  compiledReads: boolean;
  /**
   * Signed webhooks: how long one delivery attempt may take, and whether endpoints may be
   * `http://` on this computer (outside production only; production also refuses internal addresses).
   */
  webhooks: { timeoutMs: number; allowLocalHttp: boolean };
}

/** A configuration problem: printed as one line, exit code 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * In development a signing secret is made once and kept in the data folder, so tokens survive a
 * restart. Outside development there is no fallback: JWT_SECRET must be set.
 */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Where development mode may listen: this computer only, since it hands out demo sign-ins. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * MikroORM reads `MIKRO_ORM_*` variables, and those lines of a `.env` file in the working folder,
 * over the options Doorstep gives it: the database address, its user, even whether the entity
 * manager may be shared between requests. Doorstep is configured here alone, so any of them is
 * refused, by `loadConfig` and again by `openOrm` once MikroORM has read the `.env` file.
 */
export function refuseOrmVariables(env: NodeJS.ProcessEnv = process.env, from = 'the environment'): void {
  // MikroORM sets MIKRO_ORM_COLORS itself (its log colours; its logger is off).
  const name = Object.keys(env).find((key) => key.startsWith('MIKRO_ORM_') && key !== 'MIKRO_ORM_COLORS');
  if (name) {
    throw new ConfigError(
      `${name} is set in ${from}: Doorstep takes its database settings only from DATABASE_URL, ` +
        'and MikroORM would let this one override them; remove it',
    );
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  refuseOrmVariables(env);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name} ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DOORSTEP_DATA_DIR ?? path.join(repoRoot, '.doorstep'));
  if (e.DOORSTEP_MODE === 'production' && !e.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET must be set in production (at least 32 characters)');
  }
  if (e.DOORSTEP_MODE === 'development' && !LOOPBACK.has(e.HOST.toLowerCase())) {
    throw new ConfigError(
      'HOST: development mode hands out demo sign-ins, so it listens only on this computer (127.0.0.1). ' +
        'Set DOORSTEP_MODE=production to serve other computers.',
    );
  }
  const secret = e.JWT_SECRET ?? developmentSecret(dataDir);
  return {
    mode: e.DOORSTEP_MODE,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwt: { secret: new TextEncoder().encode(secret), issuer: e.JWT_ISSUER },
    seedDemo: e.SEED_DEMO ?? e.DOORSTEP_MODE === 'development',
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    frameAncestors: e.FRAME_ANCESTORS,
    trustProxy: e.TRUST_PROXY,
    publicLimits: {
      perToken: { max: e.PUBLIC_LIMIT_PER_TOKEN, windowSeconds: 60 },
      perAddress: { max: e.PUBLIC_LIMIT_PER_ADDRESS, windowSeconds: 60 },
    },
    widgetTokenLimitPerKey: e.WIDGET_TOKEN_LIMIT_PER_KEY,
    noTokenLimit: { max: e.NO_TOKEN_LIMIT_PER_ADDRESS, windowSeconds: 60 },
    eventsRecheckSeconds: e.EVENTS_RECHECK_SECONDS,
    dbPoolMax: e.DB_POOL_MAX,
    compiledReads: e.COMPILED_READS,
    webhooks: {
      timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
      allowLocalHttp: e.DOORSTEP_MODE !== 'production',
    },
  };
}
