import { isoDateOf } from '@doorstep/schema';
import type { Knex, MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { actorRef, type Identity } from '../auth/identity.js';
import { seesEveryHousehold } from '../auth/record-rules.js';
import { isUuid } from '../common/pagination.js';
import { APP_ROLE } from '../db/request-scope.js';
import type { Plan, RunInput, Shape } from './compile.js';
import { COMPILED, type CompiledReads } from './compiled.js';
import type { ScopeValue } from './model.js';
import { argumentsOf, type SelectedField } from './selection.js';

/** Statements prepared per connection at most: past these the oldest is deallocated. */
const MAX_PREPARED = 200;
/** The statements prepared on each connection (SQL `PREPARE`, kept by the session), oldest first. */
const preparedOn = new WeakMap<pg.Client, Set<string>>();

/**
 * The `$audit` pairs a statement's JSON carries for its audit rows (written by PostgreSQL as
 * `"$audit" : [["Person", "<uuid>"], …]`, first in their object), taken out of an answer sent as it
 * is. Text of a record cannot match: a quote inside a JSON string is escaped.
 */
const AUDIT_PAIRS = /"\$audit" : \[(?:\["[A-Za-z]+", (?:"[0-9a-f-]{36}"|null)\](?:, )?)*\](?:, )?/g;

const JSON_OID = 114;
/** JSON columns as their text: parsed only when graphql-js needs objects. */
const JSON_AS_TEXT = {
  getTypeParser: (oid: number, format?: string) =>
    oid === JSON_OID ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text'),
};

/** A parameter as an SQL literal: `EXECUTE` takes its parameters in the statement's text. */
function literal(value: unknown, escape: (text: string) => string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return escape(String(value));
  if (value instanceof Date) return escape(value.toISOString());
  if (Array.isArray(value)) {
    const items = value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`));
    return escape(`{${items.join(',')}}`);
  }
  return escape(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Turns a statement's JSON into what graphql-js resolves: objects with their entity's prototype
 * (for getters such as `Person.age`), the properties they carry for the access rules, and each
 * selected field's value under `COMPILED` by response key.
 */
function materialise(shape: Shape, json: unknown): unknown {
  if (json === null || json === undefined || shape.kind === 'scalar') return json ?? null;
  if (shape.kind === 'list') return (json as unknown[]).map((item) => materialise(shape.item, item));
  const row = json as Record<string, unknown> & { $?: Record<string, unknown> };
  const object = Object.create(shape.prototype ?? Object.prototype) as Record<string | symbol, unknown>;
  if (row.$) {
    for (const [key, value] of Object.entries(row.$)) {
      Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  const values: Record<string, unknown> = {};
  for (const field of shape.fields) values[field.key] = materialise(field.shape, row[field.key]);
  object[COMPILED] = values;
  return object;
}

/**
 * One request's reads on the compiled path, in one round trip: the statements not yet prepared on
 * the pooled connection (`PREPARE`), the settings row-level security reads (the unprivileged role,
 * the caller's organisation), and one `EXECUTE` per root field, sent as one message, which
 * PostgreSQL runs as one transaction. Each read writes its own audit rows (a data-modifying CTE), so
 * nothing is answered that was not stored, audit rows included: if anything fails, or the commit
 * does, PostgreSQL rolls the whole message back and answers with the error.
 */
export class Reader implements CompiledReads {
  #results: Promise<Map<string, string | null>> | undefined;
  readonly #args = new Map<SelectedField, Record<string, unknown>>();
  readonly #run: RunInput;
  readonly #values = new Map<string, unknown[]>();

  constructor(
    private readonly orm: MikroORM,
    private readonly identity: Identity,
    requestId: string,
    private readonly plans: ReadonlyMap<string, { plan: Plan; field: SelectedField }>,
    variables: Record<string, unknown>,
  ) {
    const actor = actorRef(identity);
    const scope: Record<ScopeValue, unknown> = {
      organisationId: identity.organisationId,
      userId: identity.kind === 'staff' ? identity.userId : null,
      householdId: identity.kind === 'public' ? null : (identity.householdId ?? null),
      today: isoDateOf(),
      seesAllHouseholds: seesEveryHousehold(identity),
      actorKind: actor.kind,
      actorUserId: actor.userId,
      actorRef: actor.ref,
      requestId,
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

  /** The value of the root field `key`: every root field is read with the first one asked for. */
  async root(key: string): Promise<unknown> {
    const text = (await this.reads()).get(key) ?? null;
    const json: unknown = text === null ? null : JSON.parse(text);
    const { plan } = this.plans.get(key)!;
    if (json === null && plan.notFound) throw plan.notFound(this.#run.argsOf(plan.field));
    return materialise(plan.shape, json);
  }

  /**
   * The whole response body, when the request's one root field was compiled to be its own answer
   * (`Plan.raw`) and has a value: no resolver runs. Undefined otherwise (graphql-js then answers,
   * from the same read: a missing record's NOT_FOUND, for one).
   */
  async rawAnswer(): Promise<string | undefined> {
    const [only, ...others] = this.plans;
    if (!only || others.length || !only[1].plan.raw) return undefined;
    const [key] = only;
    const text = (await this.reads()).get(key);
    if (typeof text !== 'string' || text === 'null') return undefined;
    return `{"data":{${JSON.stringify(key)}:${text.replace(AUDIT_PAIRS, '')}}}\n`;
  }

  /**
   * Tells MikroORM's query log what was sent, as the ORM's own statements are (only when that log
   * is on: tests and `BENCH_TRACE`, never a running service), values inlined if it asks for them.
   */
  private log(text: string, values: readonly unknown[] = [], escape = (v: string) => `'${v}'`): void {
    const logger = this.orm.config.getLogger();
    if (!logger.isEnabled('query')) return;
    const query = logger.isEnabled('query-params')
      ? text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1], escape))
      : text;
    logger.logQuery({ query, level: 'info' });
  }

  private get knex(): Knex {
    return (this.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
  }

  /** Every root field's JSON, read once (with the first root field asked for). */
  private reads(): Promise<Map<string, string | null>> {
    return (this.#results ??= this.readAll());
  }

  private async readAll(): Promise<Map<string, string | null>> {
    if (!isUuid(this.identity.organisationId)) throw new Error('organisation id is not a uuid');
    if (this.#values.size < this.plans.size) this.prepare();
    const client = (await this.knex.client.acquireConnection()) as pg.Client;
    let prepared = preparedOn.get(client);
    if (!prepared) preparedOn.set(client, (prepared = new Set()));
    const escape = (text: string) => client.escapeLiteral(text);
    const statements: string[] = [];
    const keys = [...this.plans.keys()];
    // Root fields asking the same thing (aliases) share a statement.
    const texts = new Map(
      keys.map((key) => [this.plans.get(key)!.plan.name, this.plans.get(key)!.plan.text]),
    );
    for (const [name, text] of texts) {
      if (prepared.has(name)) continue;
      if (prepared.size >= MAX_PREPARED) {
        const oldest = [...prepared].find((known) => !texts.has(known));
        if (oldest) {
          prepared.delete(oldest);
          statements.push(`deallocate ${oldest}`);
        }
      }
      statements.push(`prepare ${name} as ${text}`);
    }
    // A compiled statement's plan is made once per connection and kept (a generic plan): its
    // parameters are ids and page sizes, whose best plan does not depend on their values.
    statements.push(
      `select set_config('role', '${APP_ROLE}', true), set_config('doorstep.organisation_id', '${this.identity.organisationId}', true), set_config('plan_cache_mode', 'force_generic_plan', true)`,
    );
    for (const key of keys) {
      const { plan } = this.plans.get(key)!;
      const values = this.#values.get(key)!;
      statements.push(`execute ${plan.name}(${values.map((value) => literal(value, escape)).join(', ')})`);
    }
    if (this.orm.config.getLogger().isEnabled('query')) {
      // The log shows the transaction the message runs as, and each read as its statement.
      this.log('begin');
      this.log(statements.find((statement) => statement.startsWith('select set_config'))!);
      for (const key of keys) this.log(this.plans.get(key)!.plan.text, this.#values.get(key), escape);
      this.log('commit');
    }
    let results: pg.QueryResult[];
    try {
      const answer = (await client.query({
        text: statements.join(';\n'),
        types: JSON_AS_TEXT,
      })) as unknown as pg.QueryResult | pg.QueryResult[];
      results = Array.isArray(answer) ? answer : [answer];
    } catch (error) {
      // Rolled back by PostgreSQL. What the session kept of the message is not known: the
      // connection is not used again.
      preparedOn.delete(client);
      this.release(client, true);
      throw error;
    }
    for (const name of texts.keys()) prepared.add(name);
    this.release(client, false);
    const reads = results.slice(-keys.length);
    return new Map(keys.map((key, i) => [key, (reads[i]!.rows[0] as { j?: string } | undefined)?.j ?? null]));
  }

  /** Waits for the reads: throws if they did not commit. */
  async finish(): Promise<void> {
    await this.#results;
  }

  /** A request that failed: whatever was read is settled (committed or rolled back). */
  async abort(): Promise<void> {
    await this.#results?.catch(() => undefined);
  }

  /** Back to the pool; one whose state is unknown is marked so knex discards it. */
  private release(client: pg.Client, discard: boolean) {
    if (discard) (client as unknown as { __knex__disposed?: unknown }).__knex__disposed ??= 'doorstep';
    void this.knex.client.releaseConnection(client);
  }
}
