import 'reflect-metadata';
import { ROLES } from '@doorstep/schema';
import { isObjectType, type GraphQLField, type GraphQLResolveInfo } from 'graphql';
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleOf } from '../src/auth/access.js';
import { ACTORS, type Actor, type Identity } from '../src/auth/identity.js';
import type { Context } from '../src/context.js';
import { openScope } from '../src/db/request-scope.js';
import { testConfig, testDatabase } from './harness.js';
import { getSchema } from '../src/schema.js';
import { organisationOwned, relatedRecord, spec, unrelatedRecord } from './access-spec.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER_ORG = '00000000-0000-4000-8000-000000000002';

function identityFor(actor: Actor, organisationId = ORG): Identity {
  if (actor === 'TENANT') return { kind: 'tenant', tenantRef: 'T-1001', organisationId };
  if (actor === 'PUBLIC') return { kind: 'public', publicTokenId: randomUUID(), organisationId };
  return { kind: 'staff', userId: randomUUID(), organisationId, roles: [actor] };
}

/** The spec's entry for a field: its own, else its type's `*`. */
function expected(typeName: string, fieldName: string) {
  const own = spec[`${typeName}.${fieldName}`];
  if (own || ROOTS.has(typeName)) return own;
  return spec[`${typeName}.*`];
}

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const LISTING_HEADER =
  '# Every field of the API and who may read it (from test/access-spec.ts). Written by\n' +
  '# UPDATE_ACCESS_FIELDS=1 npx vitest run test/access-matrix.test.ts; checked by that test.\n';

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

/**
 * Calls a field's own resolver, as the schema serves it (wrapped in its access rule), for a caller,
 * inside a transaction that is rolled back. Any refusal other than the access layer's (bad
 * arguments, not found) means the access layer let the caller through.
 */
async function attempt(
  field: GraphQLField<unknown, Context>,
  root: boolean,
  identity: Identity | undefined,
  source: unknown,
): Promise<Outcome> {
  const em = await openScope(db.orm, identity?.organisationId);
  const ctx = {
    em,
    identity,
    requestId: 'matrix',
    clientAddress: '127.0.0.1',
    config: testConfig(),
  } as Context;
  try {
    // A subscription is checked when it starts (`subscribe`) and for each event (`resolve`).
    if (root && field.subscribe) await field.subscribe(undefined, {}, ctx, {} as GraphQLResolveInfo);
    await field.resolve!(root ? undefined : source, {}, ctx, {} as GraphQLResolveInfo);
    return 'allowed';
  } catch (error) {
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'allowed';
  } finally {
    await em.rollback();
  }
}

describe('the access matrix', () => {
  it('has an entry for every field of the schema, and no entry for a field that is gone', async () => {
    const schema = await getSchema();
    const fields: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const name of Object.keys(type.getFields())) fields.push(`${type.name}.${name}`);
    }
    const missing = fields.filter((f) => {
      const [typeName, fieldName] = f.split('.') as [string, string];
      return expected(typeName, fieldName) === undefined;
    });
    expect(missing, 'fields with no entry in test/access-spec.ts').toEqual([]);
    const stale = Object.keys(spec).filter((key) => {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      return !isObjectType(type) || (fieldName !== '*' && !type.getFields()[fieldName]);
    });
    expect(stale, 'entries in test/access-spec.ts for fields that do not exist').toEqual([]);
  });

  it('lists every field with who may read it in test/access-fields.txt, so each new field is a decision', async () => {
    // A field added to an existing type inherits the type's rule (and its `Type.*` entry here): it
    // would reach everyone the type reaches without anyone deciding so. The committed list names
    // every field and its actors, so a new or changed field fails this test until the list is
    // updated, and the review of that change shows exactly who gains what.
    const schema = await getSchema();
    const lines: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const name of Object.keys(type.getFields())) {
        const want = expected(type.name, name);
        const who =
          want === undefined ? 'NO ENTRY' : want === 'envelope' ? 'envelope' : [...want].sort().join(', ');
        lines.push(`${type.name}.${name}: ${who}`);
      }
    }
    const listing = `${LISTING_HEADER}${lines.sort().join('\n')}\n`;
    const file = new URL('./access-fields.txt', import.meta.url);
    if (process.env.UPDATE_ACCESS_FIELDS === '1') await writeFile(file, listing);
    const committed = await readFile(file, 'utf8').catch(() => '');
    const have = new Set(committed.split('\n'));
    const want = new Set(listing.split('\n'));
    const changes = [
      ...[...want].filter((line) => !have.has(line)).map((line) => `+ ${line}`),
      ...[...have].filter((line) => !want.has(line)).map((line) => `- ${line}`),
    ];
    expect(
      changes,
      'fields or rules changed: decide each in test/access-spec.ts, then update the list with ' +
        'UPDATE_ACCESS_FIELDS=1 npx vitest run test/access-matrix.test.ts (in gateway/) and commit it',
    ).toEqual([]);
  });

  it('covers every role, tenants, the public and no token at all', () => {
    expect([...ACTORS].sort()).toEqual([...ROLES, 'TENANT', 'PUBLIC'].sort());
  });

  it('lets through exactly the actors the spec names, for every field, and nobody without a token', async () => {
    const schema = await getSchema();
    const mismatches: string[] = [];
    let checked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const root = ROOTS.has(type.name);
      for (const field of Object.values(type.getFields())) {
        const want = expected(type.name, field.name);
        if (want === undefined || want === 'envelope') {
          if (want === 'envelope')
            expect(ruleOf(schema, type.name, field.name), `${type.name}.${field.name}`).toBe('envelope');
          continue;
        }
        for (const actor of ACTORS) {
          const identity = identityFor(actor);
          const source = relatedRecord[type.name]?.(identity) ?? { organisation: { id: ORG } };
          const outcome = await attempt(field as GraphQLField<unknown, Context>, root, identity, source);
          const allowed = want.includes(actor);
          checked++;
          if ((outcome === 'allowed') !== allowed) {
            mismatches.push(
              `${type.name}.${field.name} for ${actor}: ${outcome}, spec says ${allowed ? 'allow' : 'deny'}`,
            );
          }
        }
        const anonymous = await attempt(field as GraphQLField<unknown, Context>, root, undefined, {
          organisation: { id: ORG },
        });
        if (anonymous !== 'UNAUTHENTICATED')
          mismatches.push(`${type.name}.${field.name} without a token: ${anonymous}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('refuses another organisation’s records to every actor allowed its type', async () => {
    const schema = await getSchema();
    const mismatches: string[] = [];
    for (const typeName of organisationOwned) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not in the schema`);
      for (const field of Object.values(type.getFields())) {
        const want = expected(typeName, field.name);
        if (!Array.isArray(want)) continue;
        for (const actor of want) {
          // As related to the caller as a record can be, but in another organisation.
          const identity = identityFor(actor);
          const record = { ...(relatedRecord[typeName]?.(identity) ?? {}), organisation: { id: OTHER_ORG } };
          const outcome = await attempt(field as GraphQLField<unknown, Context>, false, identity, record);
          if (outcome !== 'FORBIDDEN')
            mismatches.push(`${typeName}.${field.name} of another organisation for ${actor}: ${outcome}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a record about someone else to everyone the model does not name', async () => {
    const schema = await getSchema();
    const mismatches: string[] = [];
    for (const [typeName, { record, allowed }] of Object.entries(unrelatedRecord)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not in the schema`);
      for (const field of Object.values(type.getFields())) {
        const want = expected(typeName, field.name);
        if (!Array.isArray(want)) continue;
        for (const actor of want) {
          const identity = identityFor(actor);
          const outcome = await attempt(
            field as GraphQLField<unknown, Context>,
            false,
            identity,
            record(identity),
          );
          if ((outcome === 'allowed') !== allowed.includes(actor)) {
            mismatches.push(`${typeName}.${field.name} about someone else, for ${actor}: ${outcome}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
