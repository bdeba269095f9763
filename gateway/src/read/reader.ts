import { isoDateOf } from '@doorstep/schema';
import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { actorRef, type Identity } from '../auth/identity.js';
import { isUuid } from '../common/pagination.js';
import { APP_ROLE } from '../db/request-scope.js';
import type { Plan, RunInput, Shape } from './compile.js';
import { COMPILED, type CompiledReads } from './compiled.js';
import type { ScopeValue } from './model.js';
import { argumentsOf, type SelectedField } from './selection.js';

/** Named (prepared) statements per connection at most: plans past these run unnamed. */
const MAX_PREPARED = 200;
const prepared = new Set<string>();

/** The read's transaction failed before COMMIT: PostgreSQL rolled it back, audit rows with it. */
export class ReadNotCommittedError extends Error {
  override readonly name = 'ReadNotCommittedError';
}

/** A value as an SQL literal, for the query log (the statement itself is sent with parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value)
    ? `{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`
    : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Turns a statement's JSON into what graphql-js resolves: objects with their entity's prototype
 * (for getters such as `Person.age`), the properties they carry for the access rules, and each
 * selected field's value under `COMPILED` by response key. Collects what was read for the audit.
 */
function materialise(shape: Shape, json: unknown, read: [string, string][]): unknown {
  if (json === null || json === undefined || shape.kind === 'scalar') return json ?? null;
  if (shape.kind === 'list') return (json as unknown[]).map((item) => materialise(shape.item, item, read));
  const row = json as Record<string, unknown> & {
    $?: Record<string, unknown>;
    $audit?: [string, string | null][];
  };
  const object = Object.create(shape.prototype ?? Object.prototype) as Record<string | symbol, unknown>;
  if (row.$) {
    for (const [key, value] of Object.entries(row.$)) {
      Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  const values: Record<string, unknown> = {};
  for (const field of shape.fields) values[field.key] = materialise(field.shape, row[field.key], read);
  object[COMPILED] = values;
  if (shape.audit && typeof row.$?.id === 'string') read.push([shape.audit, row.$.id]);
  for (const [type, id] of row.$audit ?? []) if (id) read.push([type, id]);
  return object;
}

/**
 * One request's reads on the compiled path: one transaction on a pooled connection, as the
 * unprivileged role with the caller's organisation set (row-level security underneath every
 * statement), begun with the first read. Round trips: BEGIN with the settings (one), one prepared
 * statement per root field, and the audit rows with COMMIT (one): nothing is answered that was not
 * stored, audit rows included, and a transaction a failed statement aborted is refused at COMMIT
 * (PostgreSQL answers it ROLLBACK).
 */
export class Reader implements CompiledReads {
  #client: Promise<pg.Client> | undefined;
  #released = false;
  readonly #read: [string, string][] = [];
  readonly #args = new Map<SelectedField, Record<string, unknown>>();
  readonly #run: RunInput;

  constructor(
    private readonly orm: MikroORM,
    private readonly identity: Identity,
    private readonly requestId: string,
    private readonly plans: ReadonlyMap<string, { plan: Plan; field: SelectedField }>,
    variables: Record<string, unknown>,
  ) {
    const scope: Record<ScopeValue, unknown> = {
      organisationId: identity.organisationId,
      userId: identity.kind === 'staff' ? identity.userId : null,
      householdId: identity.kind === 'public' ? null : (identity.householdId ?? null),
      today: isoDateOf(),
    };
    this.#run = {
      variables,
      scope,
      argsOf: (field) => {
        let args = this.#args.get(field);
        if (!args) this.#args.set(field, (args = argumentsOf(field, variables)));
        return args;
      },
    };
  }

  readonly #values = new Map<string, unknown[]>();

  /**
   * Computes every plan's parameters now, before anything is read: input they refuse (a bad
   * cursor, a page too large) throws here, and the request goes to the resolvers instead.
   */
  prepare(): void {
    for (const [key, { plan }] of this.plans) {
      this.#values.set(
        key,
        plan.values.map((value) => value(this.#run)),
      );
    }
  }

  /** Whether the root field with this response key is read here. */
  serves(key: string): boolean {
    return this.plans.has(key);
  }

  /**
   * Tells MikroORM's query log what was sent, as the ORM's own statements are (only when that log
   * is on: tests and `BENCH_TRACE`, never a running service), values inlined if it asks for them.
   */
  private log(text: string, values: readonly unknown[] = []): void {
    const logger = this.orm.config.getLogger();
    if (!logger.isEnabled('query')) return;
    const query = logger.isEnabled('query-params')
      ? text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]))
      : text;
    logger.logQuery({ query, level: 'info' });
  }

  private get knex(): Knex {
    return (this.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
  }

  private client(): Promise<pg.Client> {
    this.#client ??= (async () => {
      const client = (await this.knex.client.acquireConnection()) as pg.Client;
      try {
        if (!isUuid(this.identity.organisationId)) throw new Error('organisation id is not a uuid');
        // A compiled statement's plan is made once per connection and kept (a generic plan):
        // its parameters are ids and page sizes, whose best plan does not depend on their values.
        const settings = `select set_config('role', '${APP_ROLE}', true), set_config('doorstep.organisation_id', '${this.identity.organisationId}', true), set_config('plan_cache_mode', 'force_generic_plan', true)`;
        this.log('begin');
        this.log(settings);
        await client.query(`begin; ${settings}`);
      } catch (error) {
        this.release(client, true);
        throw error;
      }
      return client;
    })();
    return this.#client;
  }

  /** The value of the root field `key`: its statement run, its JSON made objects. */
  async root(key: string): Promise<unknown> {
    const entry = this.plans.get(key)!;
    const { plan } = entry;
    const values = this.#values.get(key) ?? plan.values.map((value) => value(this.#run));
    const client = await this.client();
    const named = prepared.has(plan.name) || prepared.size < MAX_PREPARED;
    if (named) prepared.add(plan.name);
    this.log(plan.text, values);
    const result = await client.query<{ j: unknown }>(
      named ? { name: plan.name, text: plan.text, values } : { text: plan.text, values },
    );
    const json = result.rows[0]?.j ?? null;
    if (json === null && plan.notFound) throw plan.notFound(this.#run.argsOf(plan.field));
    return materialise(plan.shape, json, this.#read);
  }

  /** Writes the audit rows of everything read and commits; throws if the transaction cannot commit. */
  async finish(): Promise<void> {
    if (!this.#client) return;
    const client = await this.#client;
    try {
      const actor = actorRef(this.identity);
      const lit = (value: string | null) => (value === null ? 'null' : client.escapeLiteral(value));
      const seen = new Set<string>();
      const rows: string[] = [];
      for (const [type, id] of this.#read) {
        const key = `${type}\u0000${id}`;
        if (seen.has(key) || !isUuid(id)) continue;
        seen.add(key);
        rows.push(
          `(now(), ${lit(this.identity.organisationId)}, ${lit(actor.kind)}, ${lit(actor.userId)}, ${lit(actor.ref)}, 'READ', ${lit(type)}, ${lit(id)}, ${lit(this.requestId)})`,
        );
      }
      const insert = rows.length
        ? `insert into audit_event (at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id) values ${rows.join(', ')}`
        : '';
      if (insert) this.log(insert);
      this.log('commit');
      const results = (await client.query(insert ? `${insert}; commit` : 'commit')) as unknown as
        pg.QueryResult | pg.QueryResult[];
      const commit = Array.isArray(results) ? results.at(-1)! : results;
      if (commit.command !== 'COMMIT')
        throw new ReadNotCommittedError('the read transaction was rolled back');
      this.release(client, false);
    } catch (error) {
      const rolledBack = await client.query('rollback').then(
        () => true,
        () => false,
      );
      this.release(client, !rolledBack);
      throw error;
    }
  }

  /** Rolls back (a request that failed before finishing). */
  async abort(): Promise<void> {
    if (!this.#client || this.#released) return;
    const client = await this.#client.catch(() => undefined);
    if (!client) return;
    const rolledBack = await client.query('rollback').then(
      () => true,
      () => false,
    );
    this.release(client, !rolledBack);
  }

  /** Back to the pool; one that may still be inside a transaction is marked so knex discards it. */
  private release(client: pg.Client, discard: boolean) {
    if (this.#released) return;
    this.#released = true;
    if (discard) (client as unknown as { __knex__disposed?: unknown }).__knex__disposed ??= 'doorstep';
    void this.knex.client.releaseConnection(client);
  }
}
