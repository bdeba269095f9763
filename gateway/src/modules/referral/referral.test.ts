import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { testGateway, user } from '../../../test/harness.js';
import { otherAgencyOfficer } from '../../../test/records.js';

const REFER = `mutation Refer($input: ReferConcernInput!) {
  referConcern(input: $input) { id status legalBasis legalBasisReason sender recipient concernId }
}`;
const RECEIVED = `{ referralsReceived { totalCount edges { node {
  id sender recipient reason legalBasis legalBasisReason status sentAt
  shared { concernReference urgency summary whatWasReported where viewsStatus views consentStatus
           people { role name dateOfBirth childAtEvent } }
} } } }`;
const ONE = `query One($id: ID!) { referral(id: $id) { id sender shared { summary } } }`;

const lead = user('priya');
const officer = user('dee');
const otherLead = user('morgan');
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;
const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

let gw: Awaited<ReturnType<typeof testGateway>>;
let consented: string; // a demo concern the person agreed to share
let refused: string; // one where the parent said no
beforeAll(async () => {
  gw = await testGateway();
  const id = async (text: string) =>
    (
      await gw.sql<{ id: string }>(`select id from concern where subject_description like $1`, [`${text}%`])
    )[0]!.id;
  consented = await id('Older man living alone');
  refused = await id('Two young children');
});
afterAll(() => gw.close());

const input = (overrides: Record<string, unknown> = {}) => ({
  concernId: consented,
  recipientOrganisationId: NORTHSHIRE,
  reason: 'Needs a care and support assessment.',
  legalBasis: 'CONSENT',
  summary: 'Older man, confused, no heating or food. He wants help to stay at home.',
  ...overrides,
});

describe('referring a concern to a partner agency', () => {
  let referralId: string;

  it('shares a copy with the agency under its legal basis; the agency sees that and nothing more', async () => {
    const sent = await gw.graphql<{ referConcern: Record<string, unknown> }>(REFER, { input: input() }, lead);
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.referConcern).toMatchObject({
      status: 'SENT',
      legalBasis: 'CONSENT',
      sender: 'Riverside Homes',
      recipient: 'Northshire Adult Social Care',
      concernId: consented,
    });
    referralId = sent.data!.referConcern.id as string;

    type Received = { referralsReceived: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
    const received = await gw.graphql<Received>(RECEIVED, {}, officer);
    expect(received.errors).toBeUndefined();
    expect(received.data!.referralsReceived.totalCount).toBe(1);
    const node = received.data!.referralsReceived.edges[0]!.node as {
      shared: Record<string, unknown> & { people: Record<string, unknown>[] };
    } & Record<string, unknown>;
    expect(node).toMatchObject({ id: referralId, sender: 'Riverside Homes', legalBasis: 'CONSENT' });
    expect(node.shared).toMatchObject({
      urgency: 'URGENT',
      summary: input().summary,
      whatWasReported: null,
      consentStatus: 'GIVEN',
      viewsStatus: 'ASKED_EXPRESSED',
    });

    // Not the concern: not its id, not the concern itself.
    const concernId = await gw.graphql(
      `query ($id: ID!) { referral(id: $id) { concernId } }`,
      { id: referralId },
      officer,
    );
    expect(code(concernId)).toBe('FORBIDDEN');
    expect(
      code(await gw.graphql(`query ($id: ID!) { concern(id: $id) { id } }`, { id: consented }, officer)),
    ).toBe('FORBIDDEN');
  });

  it('records the share with its legal basis in the sender’s trail, and the agency’s reading in its own', async () => {
    const [share] = await gw.sql(
      `select organisation_id, entity_type, entity_id, reason from audit_event where action = 'SHARE'`,
    );
    expect(share).toEqual({
      organisation_id: lead.organisationId,
      entity_type: 'Concern',
      entity_id: consented,
      reason: 'CONSENT',
    });
    const reads = await gw.sql(
      `select organisation_id, actor_user_id from audit_event where action = 'READ' and entity_type = 'Referral'`,
    );
    expect(reads).toContainEqual({ organisation_id: NORTHSHIRE, actor_user_id: officer.id });
    const [entry] = await gw.sql(
      `select kind, source_type from chronology_entry where kind = 'REFERRAL_SENT'`,
    );
    expect(entry).toEqual({ kind: 'REFERRAL_SENT', source_type: 'Referral' });
  });

  it('needs the person’s consent to share on consent, or the reason sharing without it is justified', async () => {
    const onConsent = await gw.graphql(
      REFER,
      { input: input({ concernId: refused, legalBasis: 'CONSENT' }) },
      lead,
    );
    expect(code(onConsent)).toBe('BAD_USER_INPUT');
    expect(onConsent.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['legalBasis']);
    const noReason = await gw.graphql(
      REFER,
      { input: input({ concernId: refused, legalBasis: 'RISK_TO_CHILD' }) },
      lead,
    );
    expect(noReason.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['legalBasisReason']);
    const justified = await gw.graphql<{ referConcern: { legalBasisReason: string } }>(
      REFER,
      {
        input: input({
          concernId: refused,
          legalBasis: 'RISK_TO_CHILD',
          legalBasisReason: 'Young children left alone at night, repeatedly.',
          includeWhatWasReported: true,
        }),
      },
      lead,
    );
    expect(justified.errors).toBeUndefined();
    const received = await gw.graphql<{
      referralsReceived: { edges: { node: { shared: { whatWasReported: string | null } } }[] };
    }>(RECEIVED, {}, officer);
    expect(received.data!.referralsReceived.edges[0]!.node.shared.whatWasReported).toMatch(/without coats/);
  });

  it('goes only to a partner agency, and only by a safeguarding lead or champion', async () => {
    const toProvider = await gw.graphql(
      REFER,
      { input: input({ recipientOrganisationId: HILLCREST }) },
      lead,
    );
    expect(toProvider.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual([
      'recipientOrganisationId',
    ]);
    for (const who of [user('tom'), user('gareth'), user('ana'), officer]) {
      expect(code(await gw.graphql(REFER, { input: input() }, who)), who.email).toBe('FORBIDDEN');
    }
    expect(code(await gw.graphql(REFER, { input: input() }, otherLead))).toBe('NOT_FOUND');
  });

  it('is seen by no other organisation: not another provider, not another agency', async () => {
    const [{ id }] = (await gw.sql<{ id: string }>(`select id from referral limit 1`)) as [{ id: string }];
    expect(code(await gw.graphql(ONE, { id }, otherLead))).toBe('NOT_FOUND');
    const { token } = await otherAgencyOfficer(gw);
    const theirs = await gw.graphql<{ referralsReceived: { totalCount: number } }>(RECEIVED, {}, { token });
    expect(theirs.data!.referralsReceived.totalCount).toBe(0);
    expect(code(await gw.graphql(ONE, { id }, { token }))).toBe('NOT_FOUND');
  });
});
