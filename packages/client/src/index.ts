/*
 * @doorstep/client: a typed document for every operation in src/operations/*.graphql, generated with
 * their result and variables types (src/generated/graphql.ts, `pnpm --filter @doorstep/client
 * codegen`), and `request`, which sends one and resolves with its typed data.
 */
export * from './generated/graphql.js';
export * from './transport.js';
export * from './webhooks.js';
