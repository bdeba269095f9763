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
import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_MAX ?? 20),
});
const handler = postgraphile(pool, 'public', {
  // A CommonJS module: its plugin is also its `default`.
  appendPlugins: [Simplify.default],
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
