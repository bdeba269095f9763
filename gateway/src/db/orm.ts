import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { refuseOrmVariables } from '../config.js';
import type { Logger } from '../logger.js';
import { oneQueryAtATime } from './availability.js';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

/** The database used when DATABASE_URL names none (postgres://host/ with no path). */
export const DEFAULT_DATABASE = 'doorstep';

/**
 * knex writes its own warnings to the console ("Connection Error: …", with SQL in them): they go to
 * Doorstep's log instead, as one kind of event, without their text.
 */
function driverLog(logger: Logger | undefined) {
  const report = (level: 'warn' | 'error') => (message: unknown) =>
    logger?.[level]('db.driver_message', {
      kind: /^Connection Error\b/.test(String(message)) ? 'connection_error' : 'other',
    });
  return {
    warn: report('warn'),
    error: report('error'),
    deprecate: () => logger?.warn('db.driver_message', { kind: 'deprecation' }),
    debug: () => undefined,
  };
}

/** `logger` receives knex's own messages (by kind only); without one they are dropped. */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}, logger?: Logger): Options {
  const named = new URL(clientUrl).pathname.length > 1;
  return defineConfig({
    clientUrl,
    ...(named ? {} : { dbName: DEFAULT_DATABASE }),
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    forceUtcTimezone: true,
    ensureDatabase: false,
    debug: false,
    // MikroORM's own logger would print SQL with values: never on.
    logger: () => undefined,
    pool: { min: 0, max: 10 },
    driverOptions: {
      connection: { connectionTimeoutMillis: 10_000 },
      // Merged into `pool`: every pooled connection runs one query at a time.
      pool: {
        afterCreate: (client: pg.Client, done: (error: Error | null, client: pg.Client) => void) => {
          oneQueryAtATime(client);
          done(null, client);
        },
      },
      log: driverLog(logger),
    },
    ...overrides,
  });
}

export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

/** Plain words for why a connection failed. Never includes the password or any data. */
function describeConnectionError(error: unknown, clientUrl: string): string {
  const url = new URL(clientUrl);
  const where = `${url.hostname}${url.port ? ':' + url.port : ''}${url.pathname}`;
  const code = (error as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot connect to the database: host "${url.hostname}" not found`;
    case 'ECONNREFUSED':
      return `cannot connect to the database at ${where}: connection refused`;
    case '28P01':
    case '28000':
      return `cannot connect to the database at ${where}: the user name or password was refused`;
    case '3D000':
      return `cannot connect to the database at ${where}: the database does not exist`;
    default:
      return `cannot connect to the database at ${where}${code ? ` (${code})` : ''}`;
  }
}

/** Opens MikroORM and proves the connection works, or throws one plain sentence. */
export async function openOrm(
  clientUrl: string,
  overrides: Partial<Options> = {},
  logger?: Logger,
): Promise<MikroORM> {
  refuseOrmVariables();
  const orm = await MikroORM.init(ormOptions(clientUrl, { ...overrides, connect: false }, logger));
  try {
    // MikroORM.init has copied a .env file's MIKRO_ORM_* lines into the environment, and used them.
    refuseOrmVariables(process.env, 'a .env file');
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw error;
  }
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true).catch(() => undefined);
    throw new DatabaseUnreachableError(describeConnectionError(check.error, clientUrl));
  }
  return orm;
}

/** Applies every committed migration not yet applied. Schema changes happen nowhere else. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** The address the ORM connects to, with the database name it uses (for extra connections). */
export function connectionUrl(orm: MikroORM): string {
  const url = new URL(orm.config.get('clientUrl')!);
  if (url.pathname.length <= 1) url.pathname = `/${orm.config.get('dbName') ?? DEFAULT_DATABASE}`;
  return url.toString();
}
