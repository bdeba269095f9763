/**
 * The benchmark's peer: PostGraphile 4 as a library, in its own process, over the same database
 * and data as the gateway. As it is usually run for reads: the simplified names, no default
 * mutations, JSON columns as JSON, the schema read once (no watch), no GraphiQL, no query log.
 * It connects as the cluster's owner, which row-level security does not hold back, and it has no
 * access checks and writes no audit rows: it is the speed of a generic GraphQL-over-PostgreSQL
 * server, not a like-for-like safeguarding gateway.
 *
 *   DATABASE_URL=… PORT=… [DB_POOL_MAX=20] node dist/peer.js
 *
 * Sends `{ ready: port }` to its parent (IPC) once the schema is built and it listens.
 */
import Simplify from '@graphile-contrib/pg-simplify-inflector';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgSmartTagsFromFilePlugin } from 'postgraphile/plugins.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 20),
});

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const pascal = (snake: string) => camel(snake).replace(/^./, (c) => c.toUpperCase());

/**
 * Doorstep's links between an organisation's records go through `(organisation_id, x_id)`. The
 * simplified names for such a two-column key are long (`householdByOrganisationIdAndHouseholdId`):
 * smart tags give each link the name PostGraphile gives a one-column key (`household`, and back
 * `householdMembers`, or `personRelationshipsByRelatedPersonId` where the column is not named
 * after its table), so the peer is asked the same query it always was.
 */
async function linkNames(): Promise<string> {
  const { rows } = await pool.query<{ name: string; table: string; column: string; target: string }>(
    `select k.conname as name, t.relname as table, a.attname as column, r.relname as target
       from pg_constraint k
       join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
       join pg_namespace n on n.oid = t.relnamespace
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[2]
      where n.nspname = 'public' and k.contype = 'f' and array_length(k.conkey, 1) = 2
        and k.conkey[1] = (select attnum from pg_attribute where attrelid = k.conrelid and attname = 'organisation_id')`,
  );
  const constraint: Record<string, { tags: { fieldName: string; foreignFieldName: string } }> = {};
  for (const { name, table, column, target } of rows) {
    // As PostGraphile's pluralize does for Doorstep's table names.
    const one = camel(table);
    const plural = one.endsWith('Person')
      ? one.replace(/Person$/, 'People')
      : one.endsWith('y')
        ? one.slice(0, -1) + 'ies'
        : one + 's';
    const named = column === `${target}_id`;
    constraint[name] = {
      tags: {
        fieldName: camel(column.replace(/_id$/, '')),
        foreignFieldName: named ? plural : `${plural}By${pascal(column)}`,
      },
    };
  }
  const file = path.join(tmpdir(), `doorstep-peer-tags-${process.pid}.json5`);
  writeFileSync(file, JSON.stringify({ version: 1, config: { constraint } }));
  return file;
}

const handler = postgraphile(pool, 'public', {
  // A CommonJS module: its plugin is also its `default`.
  appendPlugins: [Simplify.default, makePgSmartTagsFromFilePlugin(await linkNames())],
  dynamicJson: true,
  disableDefaultMutations: true,
  watchPg: false,
  graphiql: false,
  disableQueryLog: true,
  ignoreRBAC: true,
  legacyRelations: 'omit',
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
  enableQueryBatching: false,
});
await handler.getGraphQLSchema();
const server = http.createServer(handler);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.send?.({ ready: port });
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => void pool.end().then(() => process.exit(0)));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the benchmark that started it.
process.on('disconnect', () => process.exit(0));
