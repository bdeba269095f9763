import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import { clusterPassword, runningServer, startEmbedded, type EmbeddedDatabase } from './embedded.js';
import { DEFAULT_DATABASE, migrate, openOrm } from './orm.js';

/** What a command-line tool gets: the database, migrated, as its owner (no row-level security). */
export interface ToolDatabase {
  url: string;
  orm: MikroORM;
  /** How it was reached: DATABASE_URL, a running Doorstep's embedded PostgreSQL, or one started for the tool. */
  via: 'database-url' | 'attached' | 'started';
}

/**
 * Runs a command-line tool (`pnpm seed`, `pnpm audit:verify`) against Doorstep's database, wherever
 * it is: DATABASE_URL when set; otherwise the embedded PostgreSQL in the data folder — attached to,
 * if a Doorstep is running on it (`<dataDir>/pg/postmaster.pid` gives the port, `<dataDir>/pg-password`
 * the password), or started for the tool (as `main.ts` does) and stopped after. The migrations are
 * applied first, so a tool works on a data folder Doorstep has never started on.
 */
export async function withToolDatabase<T>(config: Config, fn: (db: ToolDatabase) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  let via: ToolDatabase['via'] = 'database-url';
  if (!url) {
    const running = await runningServer(config.dataDir);
    if (running) {
      const password = await clusterPassword(config.dataDir);
      url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${DEFAULT_DATABASE}`;
      via = 'attached';
    } else {
      embedded = await startEmbedded({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        database: DEFAULT_DATABASE,
      });
      url = embedded.url;
      via = 'started';
    }
  }
  try {
    const orm = await openOrm(url, { pool: { min: 0, max: 4 } });
    try {
      await migrate(orm);
      return await fn({ url, orm, via });
    } finally {
      await orm.close();
    }
  } finally {
    await embedded?.stop();
  }
}
