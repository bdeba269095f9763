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
  jwt: { secret: Uint8Array; issuer: string; audience: string };
  seedDemo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  maxBodyBytes: number;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
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
  const secret = e.JWT_SECRET ?? developmentSecret(dataDir);
  return {
    mode: e.DOORSTEP_MODE,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    jwt: { secret: new TextEncoder().encode(secret), issuer: e.JWT_ISSUER, audience: 'doorstep' },
    seedDemo: e.SEED_DEMO ?? e.DOORSTEP_MODE === 'development',
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
  };
}
