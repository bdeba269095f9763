import { inDateRange } from '@doorstep/schema';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Access } from '../auth/access.js';
import { Permission } from '../auth/permissions.js';
import { BadUserInputError } from '../errors.js';
import type { Sql } from './sql.js';

/** Relay-style connections: `first` / `after`, `edges { cursor node }`, `pageInfo`, `totalCount`. */
@ObjectType()
@Access(Permission.Envelope)
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
}

export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  @Access(Permission.Envelope)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: T;
  }

  @ObjectType()
  @Access(Permission.Envelope)
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => Int)
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [Edge])
    edges!: Edge[];
  }
  return ConnectionType;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError([
      { field: 'first', code: 'too_big', message: `Must be a whole number from 1 to ${MAX_PAGE_SIZE}` },
    ]);
  }
  return first;
}

/** Keyset cursor over (time, id): opaque to clients, stable under inserts. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** The refusal of a page cursor this gateway did not give, or that names no page. */
export const invalidCursor = () =>
  new BadUserInputError([{ field: 'after', code: 'invalid_cursor', message: 'Not a valid cursor' }]);

/** A (time, id) cursor, refused unless its time is in the range dates are kept in (`inDateRange`). */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !isUuid(id) || !inDateRange(at)) throw invalidCursor();
  return { at, id };
}

/** Cursor over a numeric id (newest first by id): opaque to clients. */
export function encodeIdCursor(id: string): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

/** PostgreSQL's largest bigint: a larger id cannot be compared with one. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

export function decodeIdCursor(cursor: string): string {
  const match = /^id:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || BigInt(match[1]!) > MAX_BIGINT) throw invalidCursor();
  return match[1]!;
}

/** A connection from a page fetched one row past its end (that row only says there is more). */
export function connectionOf<T>(
  rows: readonly T[],
  limit: number,
  totalCount: number,
  cursorOf: (node: T) => string,
): ConnectionShape<T> {
  const edges = rows.slice(0, limit).map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

/**
 * Records matching `where`, newest first by the time property `at` (then id), a page at a time,
 * with their total: keyset paging, stable while new records arrive.
 */
export async function newestFirst<T extends { id: string }, K extends keyof T & string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  at: K,
  args: { first?: number | null; after?: string | null },
  options: { populate?: readonly string[] } = {},
): Promise<ConnectionShape<T>> {
  const limit = pageSize(args.first);
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const page = cursor
    ? ({
        $and: [where, { $or: [{ [at]: { $lt: cursor.at } }, { [at]: cursor.at, id: { $lt: cursor.id } }] }],
      } as FilterQuery<T>)
    : where;
  const rows = await em.find(entity, page, {
    populate: (options.populate ?? []) as never,
    orderBy: [{ [at]: 'desc' }, { id: 'desc' }] as never,
    limit: limit + 1,
  });
  const totalCount = await em.count(entity, where);
  return connectionOf(rows, limit, totalCount, (node) => encodeCursor(node[at] as Date, node.id));
}

/**
 * One keyset page of rows and the total it is a page of, in one statement: the total is an
 * uncorrelated subquery over the same rows without the cursor, which PostgreSQL runs once. `from`
 * names the table and its alias (`concern c`); `select` the columns (`c.*`). Only a page after a
 * cursor that comes back empty needs a second statement for its total.
 */
export async function pageAndTotal(
  sql: Sql,
  query: {
    select: string;
    from: string;
    where: string;
    params: readonly unknown[];
    cursor?: { where: string; params: readonly unknown[] } | undefined;
    orderBy: string;
    limit: number;
  },
): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const { select, from, where, params, cursor, orderBy, limit } = query;
  const count = `select count(*)::int as n from ${from} where ${where}`;
  const rows = await sql<Record<string, unknown> & { doorstep_total__: number }>(
    `select ${select}, (${count}) as doorstep_total__ from ${from}
      where ${where}${cursor ? ` and ${cursor.where}` : ''} order by ${orderBy} limit ?`,
    [...params, ...params, ...(cursor?.params ?? []), limit],
  );
  const total =
    rows[0]?.doorstep_total__ ?? (cursor ? ((await sql<{ n: number }>(count, params))[0]?.n ?? 0) : 0);
  return { rows: rows.map(({ doorstep_total__: _total, ...row }) => row), total };
}
