import type { EntityClass } from '@mikro-orm/core';
import { isUuid } from '../common/pagination.js';
import { NotFoundError } from '../errors.js';

/**
 * The read model: how each GraphQL object type the compiled read path serves is read from SQL.
 * Scalar fields that are entity properties need nothing here (their columns come from MikroORM's
 * metadata); a type lists only its relations, its computed fields and what they read. Each
 * feature module registers its own types (`<feature>.read.ts`), beside its entities and resolvers.
 */

/** Builds a statement's text: parameters, aliases, the per-request scope's predicates. */
export interface Sql {
  /** A placeholder (`$n::cast`) for a value computed per request from the field's arguments. */
  arg(value: (args: Record<string, unknown>) => unknown, cast: string): string;
  /** A placeholder for a value of the caller's scope (the same placeholder each time). */
  scope(name: ScopeValue): string;
  /** A fresh table alias. */
  alias(hint: string): string;
  /**
   * A value of the arguments the statement's text depends on (a sort direction): the plan is kept
   * for requests whose arguments give the same value, and another is compiled for the others.
   */
  known<T>(value: (args: Record<string, unknown>) => T): T;
}

/** What a statement may ask of the caller's scope, as parameters. */
export type ScopeValue =
  | 'organisationId'
  | 'userId'
  | 'householdId'
  | 'today'
  // whether the caller's roles see every household of the organisation (`seesEveryHousehold`)
  | 'seesAllHouseholds'
  // who reads, for the audit rows the statement writes
  | 'actorKind'
  | 'actorUserId'
  | 'actorRef'
  | 'requestId';

/** Where a relation's rows come from: `from` names the table with `alias`, `where` links to the parent. */
export interface Source {
  from: string;
  where: string[];
  /** SQL `order by` terms, over `alias`. */
  orderBy?: string[];
  /**
   * Other rows `from` already joins, by name (`person` → its alias): a field of the child that
   * reads one of them (`HouseholdMember.person`) uses the joined row instead of reading it again.
   * The parent's alias may be named too (a concern person's `concern`).
   */
  joins?: Record<string, string>;
}

export interface SourceInput {
  /** The parent row's alias. */
  parent: string;
  /** The alias to give this relation's table. */
  alias: string;
  sql: Sql;
}

/** A field read from SQL. */
export type FieldSpec =
  /**
   * A value computed from the row `t` (an SQL expression). `audit`: the record it reveals, when
   * that is a record of its own (a warning's subject's name is a read of that person).
   */
  | {
      kind: 'value';
      /** `joins`: the rows the row's source joined (`Source.joins`), when it joined any. */
      sql: (t: string, sql: Sql, joins: Readonly<Record<string, string>>) => string;
      audit?: (t: string, sql: Sql) => [string, string];
    }
  /** A getter of the entity class, fed the properties it reads. */
  | { kind: 'getter'; reads: readonly string[] }
  /**
   * One related object (or null). `join`: the name under which the row's source may have joined it
   * already (`Source.joins`); then that row is used, else `source` reads it.
   */
  | { kind: 'object'; type: string; source: (input: SourceInput) => Source; join?: string }
  /**
   * A list of related objects, in order. `audit`: a record each row reveals besides itself, for its
   * audit row (a person's membership is a read of the household).
   */
  | {
      kind: 'list';
      type: string;
      source: (input: SourceInput) => Source;
      audit?: (alias: string) => [string, string];
    }
  /**
   * A page of related objects, newest first by `at` then `id` (keyset cursors over both), with
   * `totalCount` and `pageInfo`. `page` reads `first` and `after` from the arguments.
   */
  | {
      kind: 'connection';
      type: string;
      source: (input: SourceInput) => Source;
      /** Columns of the node table the keyset runs over. */
      at: string;
      id: string;
      /** The audit row reading this page writes, besides one per audited node: [entity type, id SQL]. */
      audit?: (parent: string) => [string, string];
      /** Newest first (the default) or oldest first. */
      direction?: (sql: Sql) => 'asc' | 'desc';
    };

export interface TypeSpec {
  /** The GraphQL object type. */
  type: string;
  /** The entity its rows are (columns, and the prototype its getters live on); none for a view. */
  entity?: EntityClass<object>;
  /**
   * The audit trail's entity type for a read of one of these (`Person`, `Concern`…), keyed by the
   * row's `id`. Types read within another record (a membership, a relationship) have none.
   */
  audit?: string;
  /** Fields that are not plain columns of `entity`. */
  fields?: Record<string, FieldSpec>;
  /** Properties every object carries, for the access rules' relation checks: name → SQL over `t`. */
  carry?: Record<string, (t: string) => string>;
}

/** A root Query field served by the compiled path. */
export interface RootSpec {
  field: string;
  type: string;
  kind: 'object' | 'list' | 'connection';
  source: (input: Omit<SourceInput, 'parent'>) => Source;
  /** The NOT_FOUND error when there is no row (an object) or `exists` is false (a connection). */
  notFound?: (args: Record<string, unknown>) => Error;
  /** For a connection. */
  at?: string;
  id?: string;
  audit?: (sql: Sql) => [string, string];
  direction?: (sql: Sql) => 'asc' | 'desc';
  /**
   * A connection's `totalCount` from somewhere cheaper than counting its rows (a count kept per
   * organisation); the same number.
   */
  total?: (sql: Sql) => string;
  /** For a connection: SQL true when the thing it is a page of exists and may be seen (else `notFound`). */
  exists?: (sql: Sql) => string;
}

/**
 * The row of `table` the parent row's foreign key `column` names (a concern's household, a
 * member's person), narrowed by `rules` when the record has rules of its own.
 */
export const byKey =
  (table: string, column: string, rules: (input: SourceInput) => string[] = () => []) =>
  (input: SourceInput): Source => ({
    from: `${table} ${input.alias}`,
    where: [`${input.alias}.id = ${input.parent}.${column}`, ...rules(input)],
  });

/**
 * A root field's `id` argument as a parameter; one that is not a uuid names no record of `what`
 * (NOT_FOUND, which the resolvers give: the request goes to them).
 */
export const idArgument = (sql: Sql, what: string): string =>
  sql.arg((args) => {
    if (!isUuid(String(args.id))) throw new NotFoundError(what);
    return args.id;
  }, 'uuid');

/** One record of the caller's organisation by its `id` argument (a root field's source). */
export const byIdArgument =
  (table: string, what: string, rules: (input: Omit<SourceInput, 'parent'>) => string[] = () => []) =>
  (input: Omit<SourceInput, 'parent'>): Source => ({
    from: `${table} ${input.alias}`,
    where: [`${input.alias}.id = ${idArgument(input.sql, what)}`, ...rules(input)],
  });

const types = new Map<string, TypeSpec>();
const roots = new Map<string, RootSpec>();
const extensions = new Map<string, Record<string, FieldSpec>>();

export function readType(spec: TypeSpec): void {
  if (types.has(spec.type)) throw new Error(`read model: ${spec.type} registered twice`);
  types.set(spec.type, { ...spec, fields: { ...spec.fields, ...extensions.get(spec.type) } });
}

/**
 * Fields of a type that belong to a higher module (`Household.concerns` lives with concerns): that
 * module registers them, so no lower module imports a higher one.
 */
export function readFields(type: string, fields: Record<string, FieldSpec>): void {
  extensions.set(type, { ...extensions.get(type), ...fields });
  const spec = types.get(type);
  if (spec) types.set(type, { ...spec, fields: { ...spec.fields, ...fields } });
}

export function readRoot(spec: RootSpec): void {
  if (roots.has(spec.field)) throw new Error(`read model: Query.${spec.field} registered twice`);
  roots.set(spec.field, spec);
}

export const typeSpec = (type: string): TypeSpec | undefined => types.get(type);
export const rootSpec = (field: string): RootSpec | undefined => roots.get(field);
