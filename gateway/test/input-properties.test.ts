import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, DEMO_PEOPLE, DEMO_USERS } from '../src/db/demo.js';
import { createPublicToken } from '../src/modules/access/credentials.service.js';
import { getSchema } from '../src/schema.js';
import { spec } from './access-spec.js';
import { testGateway, user } from './harness.js';
import { raise } from './records.js';

/**
 * Property: no argument of any Query or Mutation field, whatever it holds, gets INTERNAL_SERVER_ERROR
 * or an HTTP 5xx. The fields and their argument types are read from the built schema; each argument
 * gets values generated for its type and name: text of any UTF-16 units (NUL and half surrogate pairs
 * included), huge text, dates and date-times in and far out of range (year 0000, 275760, negative
 * years), page cursors (base64 of out-of-range times, ids past bigint, offsets), whole numbers at
 * and past the limits, every enum value, and input objects with their required fields filled.
 * Each field is called as someone its access rule lets in (test/access-spec.ts), so the values
 * reach the services. A fixed seed: a failure says it (with the path of the shrunk case), and
 * PROPERTY_SEED=<seed> PROPERTY_RUNS=<n> replay it or run longer.
 */
const SEED = Number(process.env.PROPERTY_SEED || 0x0d00_5e7);
const RUNS = Number(process.env.PROPERTY_RUNS || 25);
const CONCURRENCY = 4;

const lead = user('priya');
const WALTER = DEMO_PEOPLE.find((p) => p.givenName === 'Walter')!.id;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

let gw: Awaited<ReturnType<typeof testGateway>>;
let tokens: { public: string; tenant: string; byUser: Map<string, string> };
let ids: string[];

beforeAll(async () => {
  gw = await testGateway({
    publicLimits: {
      perToken: { max: 100_000, windowSeconds: 60 },
      perAddress: { max: 100_000, windowSeconds: 60 },
    },
  });
  const publicToken = await createPublicToken(
    gw.orm.em.fork() as EntityManager,
    gw.config.jwt,
    lead.organisationId,
    'Properties',
  );
  tokens = {
    public: publicToken.token,
    tenant: await gw.tenantToken('TEN-PROPERTIES-1'),
    byUser: new Map(await Promise.all(DEMO_USERS.map(async (u) => [u.id, await gw.tokenFor(u)] as const))),
  };
  const concern = await raise(gw);
  ids = [
    concern.id,
    WALTER,
    ...DEMO_PEOPLE.slice(0, 3).map((p) => p.id),
    ...DEMO_HOUSEHOLDS.slice(0, 2).map((h) => h.id),
    ...DEMO_USERS.slice(0, 3).map((u) => u.id),
  ];
}, 120_000);
afterAll(() => gw.close());

/** The token of someone the field's access rule lets in: the lead if they may, else the first who may. */
function tokenFor(key: string): string {
  const allowed = spec[key];
  if (!Array.isArray(allowed)) return tokens.byUser.get(lead.id)!;
  const staff =
    (allowed.includes('SAFEGUARDING_LEAD') ? lead : undefined) ??
    DEMO_USERS.find(
      (u) => u.organisationId === lead.organisationId && u.roles.some((r) => allowed.includes(r)),
    ) ??
    DEMO_USERS.find((u) => u.roles.some((r) => allowed.includes(r)));
  if (staff) return tokens.byUser.get(staff.id)!;
  if (allowed.includes('PUBLIC')) return tokens.public;
  if (allowed.includes('TENANT')) return tokens.tenant;
  return tokens.byUser.get(lead.id)!;
}

// ---- values ---------------------------------------------------------------------------------------

/** Any UTF-16 code units: NUL and halves of surrogate pairs on their own included. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 24,
});
const hostile = fc.constantFrom(
  '',
  '   ',
  '\u0000',
  '\uD800',
  '😀\uD83D',
  "' or 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '0',
  '-1',
  'null',
);
/** Plain words a schema takes as text, so that the other values of a call reach the database. */
const words = fc.constantFrom('Elm Row', 'Walter Price', 'Felt unsafe at home', 'RV1 2AB', 'Birch');
/** What a few fields must look like to be taken at all. */
const GOOD: Record<string, fc.Arbitrary<string>> = {
  language: fc.constantFrom('en', 'cy'),
  email: fc.constant('someone@example.com'),
  phone: fc.constant('01632 960 001'),
  postcode: fc.constant('RV1 2AB'),
};
/** Good text with NUL or half a surrogate pair put in somewhere. */
const spoilt = fc
  .tuple(words, fc.nat(), fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'))
  .map(([text, at, bad]) => text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1)));
const anyText = fc.oneof(
  { arbitrary: spoilt, weight: 4 },
  { arbitrary: anyUnits, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: hostile, weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 120_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);
/** Mostly good, so that a call with one bad value gets past the others. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: bad, weight: 2 });

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');
/** A year written as ISO 8601 writes it: four digits, or six with a sign. */
const isoYear = (year: number) =>
  year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(year, 6)}`;
const years = fc.oneof(
  fc.constantFrom(0, 1, 1899, 1970, 2024, 9999, 10_000, 275_760, 275_761, -1, -271_821, -300_000),
  fc.integer({ min: 1, max: 9999 }),
  fc.integer({ min: -300_000, max: 300_000 }),
);
const day = fc.tuple(years, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
const days = fc.oneof(
  day.map(([y, m, d]) => `${isoYear(y)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom('0000-01-01', '0000-12-31', '0001-01-01', '9999-12-31', '2024-02-29', '2025-02-29'),
);
const moments = fc.oneof(
  fc
    .tuple(day, fc.constantFrom('T00:00:00Z', 'T23:59:59.999Z', 'T12:00:00+14:00', 'T00:30:00-12:00'))
    .map(([[y, m, d], time]) => `${isoYear(y)}-${pad(m, 2)}-${pad(d, 2)}${time}`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z'),
);
/** Days and moments people give: since 1900, up to now. */
const pastDates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true });
const dateLike = mostly(
  fc.oneof(
    pastDates.map((d) => d.toISOString().slice(0, 10)),
    pastDates.map((d) => d.toISOString()),
  ),
  fc.oneof({ arbitrary: days, weight: 3 }, { arbitrary: moments, weight: 2 }, anyText),
);

const uuid = fc.uuid();
/** Ids of records the gateway has (once it has started), other ids, and text that is no id. */
const someId = () => mostly(fc.constantFrom(...ids), fc.oneof(uuid, anyText));
const cursors = fc.oneof(
  fc.tuple(moments, fc.oneof(uuid, anyText)).map(([at, id]) => b64(`${at}|${id}`)),
  fc.bigInt({ min: -1n, max: 10n ** 20n }).map((n) => b64(`id:${n}`)),
  fc.oneof(fc.integer(), fc.constant(2 ** 53)).map((n) => b64(`offset:${n}`)),
  anyText.map(b64),
  anyText,
);
const ints = fc.oneof(
  fc.integer({ min: -2, max: 120 }),
  fc.integer(),
  fc.constantFrom(0, 2 ** 31 - 1, -(2 ** 31)),
);

// ---- arguments from the schema ----------------------------------------------------------------------

/** Values for a String or ID argument or field, by what its name says it holds. */
function stringFor(name: string, typeName: string): fc.Arbitrary<unknown> {
  if (name === 'after') return cursors;
  if (typeName === 'ID' || /(^id|Id|Ids)$/.test(name)) return someId();
  if (name === 'idempotencyKey') return mostly(uuid, anyText);
  if (/(date|Date|On|At)$|^(from|to|until|asAt|earlier|later)$/.test(name)) return dateLike;
  return mostly(GOOD[name] ?? words, anyText);
}

function valueFor(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, name, depth);
  if (isListType(type)) {
    return fc.array(valueFor(type.ofType as GraphQLInputType, name, depth + 1), { maxLength: 4 });
  }
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    return depth > 4 ? fc.constant({}) : inputObject(Object.values(type.getFields()), depth + 1);
  }
  switch (type.name) {
    case 'Int':
      return ints;
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return moments;
    case 'String':
    case 'ID':
      return stringFor(name, type.name);
    default:
      return fc.oneof(anyText, fc.object());
  }
}

/** Required fields always; optional ones left out, null, or given. */
function inputObject(
  fields: readonly { name: string; type: GraphQLInputType }[],
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) {
    const value = valueFor(field.type, field.name, depth);
    shape[field.name] = isNonNullType(field.type)
      ? value
      : fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  const requiredKeys = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
  return fc.record(shape, { requiredKeys });
}

interface Case {
  key: string;
  query: string;
  args: fc.Arbitrary<Record<string, unknown>>;
}

function caseOf(
  root: 'query' | 'mutation',
  type: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
): Case {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = field.args.length
    ? `${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})`
    : field.name;
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    key: `${type.name}.${field.name}`,
    query: `${root} Property${defs ? `(${defs})` : ''} { ${call}${selection} }`,
    args: inputObject(field.args, 0),
  };
}

async function call(query: string, variables: unknown, token: string) {
  const response = await fetch(`${gw.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe('every argument of every Query and Mutation field', () => {
  it('never gets INTERNAL_SERVER_ERROR or a 5xx, whatever it holds', async () => {
    const schema = await getSchema();
    const cases = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) =>
        caseOf('query', schema.getQueryType()!, f),
      ),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) =>
        caseOf('mutation', schema.getMutationType()!, f),
      ),
    ];
    expect(cases.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let calls = 0;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const { key, query, args } = cases[i]!;
        const token = tokenFor(key);
        const details = await fc.check(
          fc.asyncProperty(args, async (variables) => {
            calls++;
            const { status, text } = await call(query, variables, token);
            if (status >= 500 || text.includes('INTERNAL_SERVER_ERROR')) {
              throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
            }
          }),
          { seed: SEED + i, numRuns: query.includes('$') ? RUNS : 1 },
        );
        if (details.failed) {
          failures.push(`${key}: ${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const unexpected = gw.logs.filter((line) => line.includes('unexpected_error'));
    expect({ failures, unexpected }).toEqual({ failures: [], unexpected: [] });
    expect(calls).toBeGreaterThan(cases.length * 5);
  }, 300_000);
});
