import 'reflect-metadata';
import { allOperations } from '@doorstep/client';
import { parse, printSchema, validate } from 'graphql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { getSchema } from '../src/schema.js';

describe('the GraphQL schema', () => {
  it('matches the committed gateway/schema.graphql', async () => {
    const committed = await readFile(path.join(repoRoot, 'gateway', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printSchema(await getSchema()) + '\n');
  });

  it('accepts every operation the typed client ships', async () => {
    const schema = await getSchema();
    expect(allOperations.length).toBeGreaterThan(0);
    for (const operation of allOperations) {
      const errors = validate(schema, parse(operation.document));
      expect(
        errors.map((e) => e.message),
        operation.operationName,
      ).toEqual([]);
    }
  });
});
