import 'reflect-metadata';
import { allOperations } from '@doorstep/client';
import { getMetadataStorage } from 'type-graphql';
import { parse, printSchema, validate } from 'graphql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rolesFor } from '../src/auth/permissions.js';
import { repoRoot } from '../src/config.js';
import { getSchema } from '../src/schema.js';

describe('the GraphQL schema', () => {
  it('gives every query and mutation a known permission (deny by default)', async () => {
    const schema = await getSchema();
    const rootFields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    expect(rootFields.length).toBeGreaterThan(0);
    const storage = getMetadataStorage();
    const rules = new Map<string, string[]>();
    for (const q of storage.queries) rules.set(`Query.${q.schemaName}`, []);
    for (const m of storage.mutations) rules.set(`Mutation.${m.schemaName}`, []);
    for (const a of storage.authorizedFields) {
      const resolver = [...storage.queries, ...storage.mutations].find(
        (r) => r.target === a.target && r.methodName === a.fieldName,
      );
      if (!resolver) continue;
      const kind = storage.queries.includes(resolver) ? 'Query' : 'Mutation';
      rules.set(`${kind}.${resolver.schemaName}`, a.roles as string[]);
    }
    for (const field of rootFields) {
      const permissions = rules.get(field) ?? [];
      expect(permissions.length, `${field} has no @Authorized permission`).toBeGreaterThan(0);
      for (const p of permissions)
        expect(Object.keys(rolesFor), `${field}: unknown permission ${p}`).toContain(p);
    }
  });

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
