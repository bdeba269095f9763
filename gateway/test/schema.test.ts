import 'reflect-metadata';
import { printSchema } from 'graphql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { getSchema } from '../src/schema.js';

// The typed client's operations (packages/client/src/operations/*.graphql) are validated against the
// committed schema by `codegen:check` in the client's build, which also fails when its generated code
// is stale.
describe('the GraphQL schema', () => {
  it('matches the committed gateway/schema.graphql', async () => {
    const committed = await readFile(path.join(repoRoot, 'gateway', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchema(await getSchema()) + '\n');
  });
});
