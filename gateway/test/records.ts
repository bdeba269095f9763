import { randomUUID } from 'node:crypto';
import { signSessionToken } from '../src/auth/tokens.js';
import { DEMO_ORGANISATIONS, type DemoUser } from '../src/db/demo.js';
import { newKey, user, validConcern, type testGateway } from './harness.js';

/**
 * Helpers that make records through the real API, for the safeguarding tests: each throws on a
 * GraphQL error so a test fails where the setup failed, not later.
 */
type Gateway = Awaited<ReturnType<typeof testGateway>>;

export const lead = user('priya');

export async function ok<T>(
  gw: Gateway,
  query: string,
  variables: Record<string, unknown>,
  as: DemoUser | { token: string } = lead,
): Promise<T> {
  const result = await gw.graphql<T>(query, variables, as);
  if (result.errors?.length) throw new Error(`${JSON.stringify(result.errors)}`);
  return result.data!;
}

let tenancies = 0;

export const householdInput = (overrides: Record<string, unknown> = {}) => ({
  tenancyReference: `T-${Date.now().toString(36)}-${++tenancies}`,
  addressLine1: `${tenancies} Hawthorn Way`,
  town: 'Riverside',
  postcode: 'RV9 1HW',
  localAuthorityArea: 'Northshire Council',
  tenure: 'SOCIAL_RENT',
  ...overrides,
});

export async function createHousehold(gw: Gateway, overrides: Record<string, unknown> = {}, as = lead) {
  const data = await ok<{ createHousehold: { id: string; address: string } }>(
    gw,
    `mutation($key: String!, $input: HouseholdInput!) { createHousehold(idempotencyKey: $key, input: $input) { id address } }`,
    { key: newKey(), input: householdInput(overrides) },
    as,
  );
  return data.createHousehold;
}

export async function createPerson(
  gw: Gateway,
  person: Record<string, unknown>,
  household?: { householdId: string; role?: string; joinedOn?: string },
  as = lead,
) {
  const data = await ok<{
    createPerson: {
      person: { id: string; displayName: string };
      possibleDuplicates: { score: number; reasons: string[]; person: { id: string } }[];
    };
  }>(
    gw,
    `mutation($key: String!, $input: CreatePersonInput!) {
      createPerson(idempotencyKey: $key, input: $input) {
        person { id displayName }
        possibleDuplicates { score reasons person { id } }
      }
    }`,
    {
      key: newKey(),
      input: {
        person: { givenName: 'Test', familyName: `Person${randomUUID().slice(0, 6)}`, ...person },
        ...(household ? { household: { role: 'OCCUPANT', joinedOn: '2020-01-01', ...household } } : {}),
      },
    },
    as,
  );
  return data.createPerson;
}

/** Raises a concern and returns its id (read back by reference). */
export async function raise(gw: Gateway, overrides: Record<string, unknown> = {}, as = lead) {
  const data = await ok<{ raiseConcern: { reference: string } }>(
    gw,
    `mutation($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }`,
    { key: newKey(), input: validConcern(overrides) },
    as,
  );
  const [row] = await gw.sql<{ id: string }>(
    'select id from concern where reference = $1 and organisation_id = $2',
    [data.raiseConcern.reference, as.organisationId],
  );
  return { id: row!.id, reference: data.raiseConcern.reference };
}

/** A member of staff of the lead's organisation (to deactivate, or change), and a token for them. */
export async function newStaff(gw: Gateway, email: string, roles: string[]) {
  const [row] = await gw.sql<{ id: string }>(
    `insert into app_user (id, organisation_id, name, email, roles, created_at)
          values ($1, $2, 'Rhys Morgan', $3, $4, now()) returning id`,
    [randomUUID(), lead.organisationId, email, roles],
  );
  const { token } = await signSessionToken(
    gw.config.jwt,
    { userId: row!.id, organisationId: lead.organisationId },
    600,
  );
  return { id: row!.id, token };
}

export const count = async (gw: Gateway, sql: string, params: unknown[] = []) =>
  Number((await gw.sql<{ n: string }>(sql, params))[0]!.n);

/**
 * Another partner agency (Northshire Police) with an officer of its own: the token of someone who
 * must see and move none of what was sent to Northshire Adult Social Care.
 */
export async function otherAgencyOfficer(gw: Gateway): Promise<{ token: string }> {
  const agency = randomUUID();
  const constable = randomUUID();
  await gw.sql(
    `insert into organisation (id, name, kind, agency_type, allowed_origins, created_at)
          values ($1, 'Northshire Police', 'AGENCY', 'POLICE', '{}', now())`,
    [agency],
  );
  await gw.sql(
    `insert into app_user (id, organisation_id, name, email, roles, created_at)
          values ($1, $2, 'PC Hale', 'hale@police.example', '{AGENCY_OFFICER}', now())`,
    [constable, agency],
  );
  const session = await signSessionToken(gw.config.jwt, { userId: constable, organisationId: agency }, 600);
  return { token: session.token };
}

/**
 * The demo lead refers a concern to Northshire Adult Social Care (the demo agency); answers the
 * referral's id. Each call is a new referral, and a SENT event in the referral event log: of the
 * demo concern about the older man living alone, with his consent, or (`newConcern`) of a concern
 * raised for it, shared without consent to protect an adult at risk.
 */
export async function referToNorthshire(gw: Gateway, { newConcern = false } = {}): Promise<string> {
  const concernId = newConcern
    ? (await raise(gw, {}, lead)).id
    : (
        (await gw.sql<{ id: string }>(
          `select id from concern where subject_description like 'Older man living alone%'`,
        )) as [{ id: string }]
      )[0].id;
  const { referConcern } = await ok<{ referConcern: { id: string } }>(
    gw,
    `mutation R($input: ReferConcernInput!) { referConcern(input: $input) { id } }`,
    {
      input: {
        concernId,
        recipientOrganisationId: DEMO_ORGANISATIONS[2].id,
        reason: 'Needs a care and support assessment.',
        ...(newConcern
          ? { legalBasis: 'RISK_TO_ADULT', legalBasisReason: 'He cannot keep himself safe at home' }
          : { legalBasis: 'CONSENT' }),
        summary: 'Older man, confused, no heating or food.',
      },
    },
  );
  return referConcern.id;
}
