import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { isoDateOf, londonDateOf } from '@doorstep/schema';
import { inject } from 'vitest';
import { AUDIENCES, signSessionToken, signToken, WIDGET_TOKEN_MAX_SECONDS } from '../src/auth/tokens.js';
import { repoRoot, type Config } from '../src/config.js';
import { DEMO_ORGANISATIONS, DEMO_USERS, seedDemo, type DemoUser } from '../src/db/demo.js';
import type { Options } from '@mikro-orm/postgresql';
import { migrate, openOrm } from '../src/db/orm.js';
import { createLogger } from '../src/logger.js';
import { createGateway, type Gateway } from '../src/server.js';

/**
 * A fresh, migrated database in the run's PostgreSQL: no test sees another file's rows. A copy of
 * the run's migrated template (global-setup.ts); `demo`: of the one seeded with the demo too.
 */
export async function testDatabase(ormOverrides: Partial<Options> = {}, { demo = false } = {}) {
  const adminUrl = inject('pgAdminUrl');
  const templates = inject('pgTemplates');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${demo ? templates.demo : templates.migrated}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await openOrm(url.toString(), ormOverrides);
  await migrate(orm); // nothing left to apply: the template is migrated
  return {
    orm,
    url: url.toString(),
    /** A plain SQL client on the same database, to check what was really stored. */
    async sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    close: () => orm.close(),
  };
}

/**
 * Runs statements as the application role for one organisation, in a transaction rolled back
 * after: what a request's unit of work sees under row-level security.
 */
export async function asApp<T>(
  url: string,
  organisationId: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `select set_config('role', 'doorstep_app', true), set_config('doorstep.organisation_id', $1, true)`,
      [organisationId],
    );
    return await work(client);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/**
 * ORM options that record the SQL statements the gateway runs on its own connection (MikroORM's
 * query log), for tests that count them: pass `orm` to `testGateway`, `reset()` before a request.
 */
export function statementLog() {
  const statements: string[] = [];
  const orm: Partial<Options> = {
    debug: ['query'],
    colors: false,
    logger: (message: string) => {
      if (message.startsWith('[query]')) statements.push(message);
    },
  };
  return { statements, orm, reset: () => void statements.splice(0) };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: 'development',
    host: '127.0.0.1',
    port: 0,
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    embeddedPgPort: 0,
    jwt: {
      secret: new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256!!'),
      issuer: 'doorstep',
    },
    seedDemo: false,
    logLevel: 'info',
    maxBodyBytes: 1_000_000,
    frameAncestors: "'self'",
    trustProxy: false,
    publicLimits: {
      perToken: { max: 1_000, windowSeconds: 60 },
      perAddress: { max: 1_000, windowSeconds: 60 },
    },
    widgetTokenLimitPerKey: 1_000,
    noTokenLimit: { max: 10_000, windowSeconds: 60 },
    eventsRecheckSeconds: 60,
    dbPoolMax: 10,
    compiledReads: true,
    webhooks: { timeoutMs: 5_000, allowLocalHttp: true },
    ...overrides,
  };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; fields?: { field: string; message: string }[] };
  }[];
}

/**
 * The real gateway on a random port over a fresh database with the demo organisations and users,
 * and helpers to call it as any demo user. Log lines are kept in `logs`.
 */
export async function testGateway(
  configOverrides: Partial<Config> = {},
  ormOverrides: Partial<Options> = {},
) {
  // The demo's dates are relative to the day it was seeded: a copy of it only on that same day.
  const { seededAt } = inject('pgTemplates');
  const sameDay = [isoDateOf, londonDateOf].every((dateOf) => dateOf(new Date(seededAt)) === dateOf());
  const db = await testDatabase(ormOverrides, { demo: sameDay });
  await seedDemo(db.orm.em.fork()); // seeds nothing if copied with the demo
  const config = testConfig(configOverrides);
  const logs: string[] = [];
  const gateway: Gateway = await createGateway(
    config,
    db.orm,
    createLogger('debug', (line) => logs.push(line)),
  );
  const port = await gateway.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;

  const tokenFor = async (user: DemoUser, lifetimeSeconds = 600) =>
    (
      await signSessionToken(
        config.jwt,
        { userId: user.id, organisationId: user.organisationId },
        lifetimeSeconds,
      )
    ).token;

  /** A widget token for a tenant signed in to a tenant site (`reference`: the site's own). */
  const tenantToken = async (reference: string, organisationId: string = DEMO_ORGANISATIONS[0].id) =>
    (
      await signToken(config.jwt, {
        audience: AUDIENCES.widget,
        subject: reference,
        claims: { kind: 'tenant', org: organisationId },
        lifetimeSeconds: WIDGET_TOKEN_MAX_SECONDS,
      })
    ).token;

  async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth?: DemoUser | { token: string },
  ): Promise<GraphQLResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = `Bearer ${'token' in auth ? auth.token : await tokenFor(auth)}`;
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
  }

  /**
   * Opens a live event stream (GET /events, read with fetch as a browser would) and collects its
   * events as they arrive; `ended()` tells whether the gateway has ended it. `at`: another
   * gateway's address (over the same database) instead of this one's.
   */
  async function listen(auth: DemoUser | { token: string }, at = base) {
    const controller = new AbortController();
    const token = 'token' in auth ? auth.token : await tokenFor(auth);
    const response = await fetch(`${at}/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const events: { event: string; data: Record<string, string> }[] = [];
    let ended = false;
    if (response.ok) {
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return void (ended = true);
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.+)$/m.exec(block)?.[1];
              const data = /^data: (.+)$/m.exec(block)?.[1];
              if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, string> });
            }
          }
        } catch {
          // aborted
        }
      })();
    }
    return { response, events, ended: () => ended, close: () => controller.abort() };
  }

  return {
    ...db,
    base,
    config,
    logs,
    gateway,
    graphql,
    listen,
    tokenFor,
    tenantToken,
    async close() {
      await gateway.close();
      await db.close();
    },
  };
}

export const user = (email: string): DemoUser => {
  const found = DEMO_USERS.find((u) => u.email.startsWith(email));
  if (!found) throw new Error(`no demo user ${email}`);
  return found;
};

/** A fresh idempotency key, as a client makes one per submission. */
export const newKey = () => randomUUID();

/** A complete, valid concern: tests change what they need. */
export const validConcern = (overrides: Record<string, unknown> = {}) => ({
  urgency: 'URGENT',
  categories: ['SELF_NEGLECT'],
  subjectDescription: 'Older man, flat 2',
  location: '2 Test Street',
  whatHappened: 'Heating off and little food in the flat.',
  personViews: { status: 'ASKED_EXPRESSED', views: 'Wants help with shopping' },
  consent: { status: 'GIVEN' },
  ...overrides,
});

/** Runs a built command (`gateway/dist/scripts/<name>.js`) with only PATH and `env` set. */
export function runTool(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = path.join(repoRoot, 'gateway', 'dist', 'scripts', `${name}.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run pnpm build first`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}
