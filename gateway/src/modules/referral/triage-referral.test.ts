import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { testGateway, user } from '../../../test/harness.js';
import { count, ok, raise } from '../../../test/records.js';

/** Triage REFER sends a referral prefilled from the concern, in the same step, or saves nothing. */

const lead = user('priya');
const champion = user('jo');
const officer = user('dee');
const otherLead = user('morgan');
const [, HILLCREST, NORTHSHIRE] = DEMO_ORGANISATIONS.map((o) => o.id) as [string, string, string];

const TRIAGE = `mutation($id: ID!, $input: TriageInput!) {
  triageConcern(id: $id, input: $input) { id status triageDecision version }
}`;
const DRAFT = `query($id: ID!) { referralDraft(concernId: $id) {
  concernId summary consentStatus suggestedLegalBasis agencies { id name agencyType }
} }`;
const SENT = `{ referralsSent(first: 100) { edges { node {
  id reason legalBasis legalBasisReason respondBy status concernId recipient
  shared { concernReference summary whatWasReported consentStatus urgency categories }
} } } }`;

type Sent = {
  id: string;
  respondBy: string;
  concernId: string;
  shared: Record<string, unknown> & { summary: string };
} & Record<string, unknown>;
type Draft = { summary: string } & Record<string, unknown>;
type Result = {
  errors?: { extensions?: { code?: string; fields?: { field: string; message: string }[] } }[];
};
const refusal = (result: Result) => ({
  code: result.errors?.[0]?.extensions?.code,
  fields: result.errors?.[0]?.extensions?.fields?.map((f) => f.field),
});

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const refer = (referral: Record<string, unknown> | undefined, overrides: Record<string, unknown> = {}) => ({
  decision: 'REFER',
  riskLevel: 'HIGH',
  reason: 'He cannot keep warm or fed alone: adult social care should assess.',
  ...(referral ? { referral } : {}),
  ...overrides,
});
const toNorthshire = { recipientOrganisationId: NORTHSHIRE, legalBasis: 'CONSENT' };

/** What a refused triage must have left as it was: the concern, its referrals, trail and chronology. */
async function snapshot(id: string) {
  return {
    concern: await gw.sql(`select status, triage_decision, risk_level, version from concern where id = $1`, [
      id,
    ]),
    triages: await count(gw, `select count(*) as n from concern_triage where concern_id = $1`, [id]),
    referrals: await count(gw, `select count(*) as n from referral where concern_id = $1`, [id]),
    chronology: await count(gw, `select count(*) as n from chronology_entry`),
    audit: await count(gw, `select count(*) as n from audit_event where action <> 'READ'`),
  };
}

describe('triage REFER', () => {
  it('sends the referral in the same step: prefilled summary, the triage’s reason, respondBy, chronology and trail', async () => {
    const { id, reference } = await raise(gw, { categories: ['SELF_NEGLECT', 'FINANCIAL'] });
    const triaged = await ok<{ triageConcern: Record<string, unknown> }>(gw, TRIAGE, {
      id,
      input: refer(toNorthshire),
    });
    expect(triaged.triageConcern).toMatchObject({ status: 'TRIAGED', triageDecision: 'REFER', version: 2 });

    const { referralsSent } = await ok<{ referralsSent: { edges: { node: Sent }[] } }>(gw, SENT, {});
    const referral = referralsSent.edges.find((e) => e.node.concernId === id)!.node;
    expect(referral).toMatchObject({
      reason: refer(toNorthshire).reason,
      legalBasis: 'CONSENT',
      legalBasisReason: null,
      status: 'SENT',
      recipient: 'Northshire Adult Social Care',
    });
    expect(referral.respondBy).toBeTruthy();
    expect(new Date(referral.respondBy).getTime()).toBeGreaterThan(Date.now());
    // Prefilled from the concern: its reference, urgency, categories and the triage reason; what
    // was reported only if asked for.
    expect(referral.shared).toMatchObject({
      concernReference: reference,
      urgency: 'URGENT',
      categories: ['SELF_NEGLECT', 'FINANCIAL'],
      consentStatus: 'GIVEN',
      whatWasReported: null,
    });
    expect(referral.shared.summary).toMatch(
      new RegExp(`^Concern ${reference}, raised \\d{4}-\\d{2}-\\d{2}: urgent; self neglect, financial\\.`),
    );
    expect(referral.shared.summary).toContain(`Triage: ${refer(toNorthshire).reason}`);

    // In the chronology after the triage, and in the trail as SHARE and CREATE.
    const entries = await gw.sql<{ kind: string; source_id: string }>(
      `select kind, source_id from chronology_entry where source_id = any($1) order by recorded_at, kind`,
      [[id, referral.id]],
    );
    expect(entries.map((e) => e.kind)).toEqual(['CONCERN_RAISED', 'CONCERN_TRIAGED', 'REFERRAL_SENT']);
    // In the referral event log, so the agency hears of it live and by webhook.
    expect(
      await gw.sql(`select kind, status, version from referral_event where referral_id = $1`, [referral.id]),
    ).toEqual([{ kind: 'SENT', status: 'SENT', version: 1 }]);
    expect(
      await gw.sql(
        `select action, entity_type from audit_event where entity_id = any($1) and action <> 'READ' order by action`,
        [[id, referral.id]],
      ),
    ).toEqual([
      { action: 'CREATE', entity_type: 'Concern' },
      { action: 'CREATE', entity_type: 'Referral' },
      { action: 'SHARE', entity_type: 'Concern' },
      { action: 'UPDATE', entity_type: 'Concern' },
    ]);
    // The agency receives it.
    const received = await ok<{ referralsReceived: { edges: { node: { id: string } }[] } }>(
      gw,
      `{ referralsReceived { edges { node { id } } } }`,
      {},
      officer,
    );
    expect(received.referralsReceived.edges.map((e) => e.node.id)).toContain(referral.id);
  });

  it('takes the summary given, what was reported if asked, and a legal basis other than consent with its reason', async () => {
    const { id } = await raise(gw, { consent: { status: 'REFUSED' } });
    await ok(
      gw,
      TRIAGE,
      {
        id,
        input: refer({
          recipientOrganisationId: NORTHSHIRE,
          legalBasis: 'RISK_TO_ADULT',
          legalBasisReason: 'Serious risk of harm from cold and hunger.',
          summary: 'Older man, flat 2, no heating.',
          includeWhatWasReported: true,
        }),
      },
      champion,
    );
    const [row] = await gw.sql<{
      legal_basis: string;
      legal_basis_reason: string;
      shared: Record<string, unknown>;
    }>(`select legal_basis, legal_basis_reason, shared from referral where concern_id = $1`, [id]);
    expect(row).toMatchObject({
      legal_basis: 'RISK_TO_ADULT',
      legal_basis_reason: 'Serious risk of harm from cold and hunger.',
    });
    expect(row!.shared).toMatchObject({
      summary: 'Older man, flat 2, no heating.',
      whatWasReported: 'Heating off and little food in the flat.',
      consentStatus: 'REFUSED',
    });
  });

  it('refuses a referral that cannot be sent, and then saves nothing: not the triage either', async () => {
    const { id } = await raise(gw, { consent: { status: 'REFUSED' } });
    const cases: [Record<string, unknown>, string[]][] = [
      // REFER without a referral.
      [refer(undefined), ['referral.recipientOrganisationId', 'referral.legalBasis']],
      // Consent as the basis, when the person said no.
      [refer(toNorthshire), ['referral.legalBasis']],
      // Sharing without consent, and no reason why.
      [
        refer({ recipientOrganisationId: NORTHSHIRE, legalBasis: 'RISK_TO_ADULT' }),
        ['referral.legalBasisReason'],
      ],
      // Not an agency: another housing provider, and an id of nothing.
      [
        refer({ recipientOrganisationId: HILLCREST, legalBasis: 'RISK_TO_ADULT', legalBasisReason: 'Risk' }),
        ['referral.recipientOrganisationId'],
      ],
      [
        refer({
          recipientOrganisationId: randomUUID(),
          legalBasis: 'RISK_TO_ADULT',
          legalBasisReason: 'Risk',
        }),
        ['referral.recipientOrganisationId'],
      ],
      // A referral with any other decision.
      [refer({ ...toNorthshire }, { decision: 'OPEN_CASE' }), ['referral']],
    ];
    const before = await snapshot(id);
    for (const [input, fields] of cases) {
      const result = await gw.graphql(TRIAGE, { id, input }, lead);
      expect(refusal(result), JSON.stringify(input)).toEqual({ code: 'BAD_USER_INPUT', fields });
      expect(await snapshot(id)).toEqual(before);
    }
    expect(before.concern).toEqual([
      { status: 'RAISED', triage_decision: null, risk_level: null, version: 1 },
    ]);
  });

  it('is refused to those who may not triage, and another organisation’s concern is not found', async () => {
    const { id } = await raise(gw);
    const before = await snapshot(id);
    for (const who of [user('tom'), user('gareth'), officer]) {
      expect(refusal(await gw.graphql(TRIAGE, { id, input: refer(toNorthshire) }, who)).code, who.email).toBe(
        'FORBIDDEN',
      );
    }
    expect(refusal(await gw.graphql(TRIAGE, { id, input: refer(toNorthshire) }, otherLead)).code).toBe(
      'NOT_FOUND',
    );
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('referralDraft', () => {
  it('gives the prefilled summary, the consent, the suggested basis and the agencies; audited as a read of the concern', async () => {
    const { id, reference } = await raise(gw);
    const { referralDraft } = await ok<{ referralDraft: Draft }>(gw, DRAFT, { id }, champion);
    expect(referralDraft).toMatchObject({
      concernId: id,
      consentStatus: 'GIVEN',
      suggestedLegalBasis: 'CONSENT',
    });
    expect(referralDraft.summary).toMatch(
      new RegExp(`^Concern ${reference}, raised .*: urgent; self neglect\\.$`),
    );
    expect(referralDraft.agencies).toEqual([
      { id: NORTHSHIRE, name: 'Northshire Adult Social Care', agencyType: 'ADULT_SOCIAL_CARE' },
    ]);
    expect(
      await gw.sql(
        `select action, entity_type, actor_user_id from audit_event where entity_id = $1 and action = 'READ'`,
        [id],
      ),
    ).toEqual([{ action: 'READ', entity_type: 'Concern', actor_user_id: champion.id }]);

    // No consent: no basis suggested. After a triage, its reason is in the summary.
    const refused = await raise(gw, { consent: { status: 'REFUSED' } });
    await ok(gw, TRIAGE, {
      id: refused.id,
      input: { decision: 'OPEN_CASE', riskLevel: 'LOW', reason: 'Ours for now.' },
    });
    const second = await ok<{ referralDraft: Draft }>(gw, DRAFT, { id: refused.id });
    expect(second.referralDraft).toMatchObject({ consentStatus: 'REFUSED', suggestedLegalBasis: null });
    expect(second.referralDraft.summary).toMatch(/\nTriage: Ours for now\.$/);
  });

  it('is only for those who may triage, and only of their organisation’s concerns', async () => {
    const { id } = await raise(gw);
    for (const who of [user('tom'), user('gareth'), user('ana'), officer]) {
      expect(refusal(await gw.graphql(DRAFT, { id }, who)).code, who.email).toBe('FORBIDDEN');
    }
    expect(refusal(await gw.graphql(DRAFT, { id }, otherLead)).code).toBe('NOT_FOUND');
    expect(refusal(await gw.graphql(DRAFT, { id: 'nope' }, lead)).code).toBe('NOT_FOUND');
  });
});
