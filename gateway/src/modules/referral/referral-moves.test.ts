import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { testGateway, user } from '../../../test/harness.js';
import { otherAgencyOfficer } from '../../../test/records.js';

/** The referral lifecycle against the real gateway and PostgreSQL, both sides and a stranger. */

const REFER = `mutation Refer($input: ReferConcernInput!) { referConcern(input: $input) { id version status } }`;
const FIELDS = `id status version moves { from to reason outcome outcomeDetail byName byAgency at }`;
const move = (name: string, input: string) =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const ACKNOWLEDGE = move('acknowledgeReferral', 'ReferralMoveInput');
const ACCEPT = move('acceptReferral', 'ReferralMoveInput');
const DECLINE = move('declineReferral', 'ReferralReasonInput');
const CLOSE = move('closeReferral', 'CloseReferralInput');
const WITHDRAW = move('withdrawReferral', 'ReferralReasonInput');
const ONE = `query One($id: ID!) { referral(id: $id) { ${FIELDS} } }`;

const lead = user('priya');
const champion = user('jo');
const officer = user('dee');
const otherLead = user('morgan');
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;

type Result = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};
type Moved = { id: string; status: string; version: number; moves: Record<string, unknown>[] };
const code = (result: Result) => result.errors?.[0]?.extensions?.code;

let gw: Awaited<ReturnType<typeof testGateway>>;
let concernId: string;
let personIds: string[];
let householdId: string | null;
let police: { token: string };
beforeAll(async () => {
  gw = await testGateway();
  const [concern] = await gw.sql<{ id: string; household_id: string | null }>(
    `select id, household_id from concern where subject_description like 'Older man living alone%'`,
  );
  concernId = concern!.id;
  householdId = concern!.household_id;
  personIds = (
    await gw.sql<{ person_id: string }>(
      `select person_id from concern_person where concern_id = $1 order by person_id`,
      [concernId],
    )
  ).map((r) => r.person_id);
  police = await otherAgencyOfficer(gw);
});
afterAll(() => gw.close());

/** A new referral from Riverside to Northshire Adult Social Care. */
async function refer(): Promise<string> {
  const sent = await gw.graphql<{ referConcern: { id: string } }>(
    REFER,
    {
      input: {
        concernId,
        recipientOrganisationId: NORTHSHIRE,
        reason: 'Needs a care and support assessment.',
        legalBasis: 'CONSENT',
        summary: 'Older man, confused, no heating or food.',
      },
    },
    lead,
  );
  expect(sent.errors).toBeUndefined();
  return sent.data!.referConcern.id;
}

async function act(
  doc: string,
  who: Parameters<typeof gw.graphql>[2],
  input: Record<string, unknown>,
): Promise<Result & { moved?: Moved }> {
  const result = (await gw.graphql(doc, { input }, who)) as Result;
  const moved = result.data ? (Object.values(result.data)[0] as Moved | null) : null;
  return { ...result, moved: moved ?? undefined };
}

const stateOf = async (id: string) =>
  (
    await gw.sql<{ status: string; version: number }>(`select status, version from referral where id = $1`, [
      id,
    ])
  )[0]!;
const movesIn = async (id: string) =>
  (
    await gw.sql<{ n: number }>(`select count(*)::int as n from referral_move where referral_id = $1`, [id])
  )[0]!.n;

describe('the referral lifecycle', () => {
  it('goes SENT → ACKNOWLEDGED → ACCEPTED → CLOSED by the agency, each move recorded, audited and in the sender’s chronology', async () => {
    const id = await refer();
    const acknowledged = await act(ACKNOWLEDGE, officer, { referralId: id, version: 1 });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.moved).toMatchObject({ status: 'ACKNOWLEDGED', version: 2 });
    const accepted = await act(ACCEPT, officer, { referralId: id, version: 2 });
    expect(accepted.moved).toMatchObject({ status: 'ACCEPTED', version: 3 });
    const closed = await act(CLOSE, officer, {
      referralId: id,
      version: 3,
      outcome: 'SECTION_42_ENQUIRY',
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.moved!.status).toBe('CLOSED');

    // Both sides read the same moves: who, when, and what the agency did.
    for (const who of [lead, officer]) {
      const one = (await gw.graphql<{ referral: Moved }>(ONE, { id }, who)).data!.referral;
      expect(one.moves.map((m) => [m.from, m.to, m.byName, m.byAgency])).toEqual([
        ['SENT', 'ACKNOWLEDGED', 'Dee Patel (social worker)', true],
        ['ACKNOWLEDGED', 'ACCEPTED', 'Dee Patel (social worker)', true],
        ['ACCEPTED', 'CLOSED', 'Dee Patel (social worker)', true],
      ]);
      expect(one.moves[2]).toMatchObject({ outcome: 'SECTION_42_ENQUIRY', outcomeDetail: null });
    }

    // In the agency's audit trail, as the officer.
    const audited = await gw.sql(
      `select organisation_id, actor_user_id, reason from audit_event
        where action = 'UPDATE' and entity_type = 'Referral' and entity_id = $1 order by reason`,
      [id],
    );
    expect(audited).toEqual(
      ['ACCEPTED', 'ACKNOWLEDGED', 'CLOSED'].map((reason) => ({
        organisation_id: NORTHSHIRE,
        actor_user_id: officer.id,
        reason,
      })),
    );

    // In the sender's chronology of the household and people the referral names.
    const entries = await gw.sql<{
      kind: string;
      organisation_id: string;
      household_id: string | null;
      person_ids: string[];
    }>(
      `select kind, organisation_id, household_id, person_ids from chronology_entry
        where source_type = 'Referral' and source_id = $1 and kind <> 'REFERRAL_SENT' order by occurred_at`,
      [id],
    );
    expect(entries.map((e) => e.kind)).toEqual([
      'REFERRAL_ACKNOWLEDGED',
      'REFERRAL_ACCEPTED',
      'REFERRAL_CLOSED',
    ]);
    for (const entry of entries) {
      expect(entry.organisation_id).toBe(lead.organisationId);
      expect(entry.household_id).toBe(householdId);
      expect([...entry.person_ids].sort()).toEqual(personIds);
    }
    expect(personIds.length).toBeGreaterThan(0);
  });

  it('lets the agency decline an acknowledged referral with a reason, and the sender withdraw an open one with a reason', async () => {
    const declined = await refer();
    await act(ACKNOWLEDGE, officer, { referralId: declined, version: 1 });
    const noReason = await act(DECLINE, officer, { referralId: declined, version: 2, reason: '  ' });
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect((noReason.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'reason',
    ]);
    expect(await stateOf(declined)).toEqual({ status: 'ACKNOWLEDGED', version: 2 });
    const ok = await act(DECLINE, officer, {
      referralId: declined,
      version: 2,
      reason: 'Already known to the community mental health team.',
    });
    expect(ok.moved).toMatchObject({ status: 'DECLINED', version: 3 });
    expect(ok.moved!.moves.at(-1)).toMatchObject({
      reason: 'Already known to the community mental health team.',
    });

    const withdrawn = await refer();
    await act(ACKNOWLEDGE, officer, { referralId: withdrawn, version: 1 });
    await act(ACCEPT, officer, { referralId: withdrawn, version: 2 });
    const missing = await act(WITHDRAW, champion, { referralId: withdrawn, version: 3 });
    expect(code(missing)).toBe('BAD_USER_INPUT');
    const done = await act(WITHDRAW, champion, {
      referralId: withdrawn,
      version: 3,
      reason: 'He has moved to his daughter’s.',
    });
    expect(done.errors).toBeUndefined();
    expect(done.moved!.status).toBe('WITHDRAWN');
    expect(done.moved!.moves.at(-1)).toMatchObject({
      byAgency: false,
      byName: expect.stringContaining('Jo Williams'),
    });
    const [entry] = await gw.sql(
      `select organisation_id, recorded_by_id from chronology_entry where source_id = $1 and kind = 'REFERRAL_WITHDRAWN'`,
      [withdrawn],
    );
    expect(entry).toEqual({ organisation_id: lead.organisationId, recorded_by_id: champion.id });
  });

  it('refuses a move out of order with INVALID_TRANSITION saying what is possible, and changes nothing', async () => {
    const id = await refer();
    const early = await act(CLOSE, officer, { referralId: id, version: 1, outcome: 'SIGNPOSTED' });
    expect(code(early)).toBe('INVALID_TRANSITION');
    expect(early.errors![0]!.message).toBe(
      'This referral is sent: you cannot close it. From here you may acknowledge it.',
    );
    expect(early.errors![0]!.extensions).toMatchObject({ from: 'SENT', to: 'CLOSED' });
    expect(code(await act(ACCEPT, officer, { referralId: id, version: 1 }))).toBe('INVALID_TRANSITION');
    await act(WITHDRAW, lead, { referralId: id, version: 1, reason: 'Sent in error.' });
    const final = await act(ACKNOWLEDGE, officer, { referralId: id, version: 2 });
    expect(code(final)).toBe('INVALID_TRANSITION');
    expect(final.errors![0]!.message).toMatch(/withdrawn: .*cannot move any further/);
    const again = await act(WITHDRAW, lead, { referralId: id, version: 2, reason: 'Twice.' });
    expect(code(again)).toBe('INVALID_TRANSITION');
    expect(await stateOf(id)).toEqual({ status: 'WITHDRAWN', version: 2 });
    expect(await movesIn(id)).toBe(1);
  });

  it('refuses a move on an old copy with STALE_VERSION, and changes nothing', async () => {
    const id = await refer();
    await act(ACKNOWLEDGE, officer, { referralId: id, version: 1 });
    // Someone acting on the copy they loaded before the acknowledgement.
    const stale = await act(WITHDRAW, lead, { referralId: id, version: 1, reason: 'No longer needed.' });
    expect(code(stale)).toBe('STALE_VERSION');
    expect(stale.errors![0]!.extensions).toMatchObject({ currentVersion: 2 });
    const staleAccept = await act(ACCEPT, officer, { referralId: id, version: 1 });
    expect(code(staleAccept)).toBe('STALE_VERSION');
    expect(await stateOf(id)).toEqual({ status: 'ACKNOWLEDGED', version: 2 });
    expect(await movesIn(id)).toBe(1);
  });

  it('needs an outcome to close, and words for OTHER', async () => {
    const id = await refer();
    await act(ACKNOWLEDGE, officer, { referralId: id, version: 1 });
    await act(ACCEPT, officer, { referralId: id, version: 2 });
    const none = await gw.graphql(CLOSE, { input: { referralId: id, version: 3 } }, officer);
    expect(code(none)).toBe('BAD_USER_INPUT');
    const other = await act(CLOSE, officer, { referralId: id, version: 3, outcome: 'OTHER' });
    expect(code(other)).toBe('BAD_USER_INPUT');
    expect((other.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'outcomeDetail',
    ]);
    expect(await stateOf(id)).toEqual({ status: 'ACCEPTED', version: 3 });
    const closed = await act(CLOSE, officer, {
      referralId: id,
      version: 3,
      outcome: 'OTHER',
      outcomeDetail: 'Welfare visit by the duty team.',
    });
    expect(closed.moved!.moves.at(-1)).toMatchObject({
      outcome: 'OTHER',
      outcomeDetail: 'Welfare visit by the duty team.',
    });
  });

  it('is NOT_FOUND for an unknown id, another organisation’s referral, or the wrong side; FORBIDDEN for the wrong role', async () => {
    const id = await refer();
    const unknown = randomUUID();
    expect(code(await act(ACKNOWLEDGE, officer, { referralId: unknown, version: 1 }))).toBe('NOT_FOUND');
    expect(code(await act(WITHDRAW, lead, { referralId: unknown, version: 1, reason: 'x' }))).toBe(
      'NOT_FOUND',
    );
    // Another agency, another housing provider.
    expect(code(await act(ACKNOWLEDGE, police, { referralId: id, version: 1 }))).toBe('NOT_FOUND');
    expect(code(await act(WITHDRAW, otherLead, { referralId: id, version: 1, reason: 'x' }))).toBe(
      'NOT_FOUND',
    );
    // The sender's staff cannot make the agency's moves, nor the agency withdraw.
    expect(code(await act(ACKNOWLEDGE, lead, { referralId: id, version: 1 }))).toBe('FORBIDDEN');
    expect(code(await act(WITHDRAW, officer, { referralId: id, version: 1, reason: 'x' }))).toBe('FORBIDDEN');
    for (const who of [user('tom'), user('ana'), user('sam')]) {
      expect(code(await act(WITHDRAW, who, { referralId: id, version: 1, reason: 'x' })), who.email).toBe(
        'FORBIDDEN',
      );
    }
    expect(code(await act(ACKNOWLEDGE, officer, { referralId: 'not-an-id', version: 1 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await stateOf(id)).toEqual({ status: 'SENT', version: 1 });
    expect(await movesIn(id)).toBe(0);

    // Moves are read only with their referral: another organisation sees neither.
    await act(ACKNOWLEDGE, officer, { referralId: id, version: 1 });
    expect(code(await gw.graphql(ONE, { id }, police))).toBe('NOT_FOUND');
    expect(code(await gw.graphql(ONE, { id }, otherLead))).toBe('NOT_FOUND');
  });
});

const MESSAGE = `mutation Send($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id body byName byAgency sentAt } }`;
const THREAD = `query Thread($id: ID!) { referral(id: $id) { messages { body byName byAgency } } }`;
const messagesIn = async (id: string) =>
  (
    await gw.sql<{ n: number }>(`select count(*)::int as n from referral_message where referral_id = $1`, [
      id,
    ])
  )[0]!.n;

describe('the message thread', () => {
  it('carries the agency’s question and the sender’s answer, both sides read them, each audited in the writer’s trail', async () => {
    const id = await refer();
    const asked = await gw.graphql<{ sendReferralMessage: { id: string } }>(
      MESSAGE,
      { input: { referralId: id, body: 'Is there a key safe, and who holds the code?' } },
      officer,
    );
    expect(asked.errors).toBeUndefined();
    await act(ACKNOWLEDGE, officer, { referralId: id, version: 1 });
    const answered = await gw.graphql<{ sendReferralMessage: { id: string } }>(
      MESSAGE,
      { input: { referralId: id, body: 'Yes, by the front door; his daughter has the code.' } },
      champion,
    );
    expect(answered.errors).toBeUndefined();
    for (const who of [lead, officer]) {
      const thread = await gw.graphql<{ referral: { messages: Record<string, unknown>[] } }>(
        THREAD,
        { id },
        who,
      );
      expect(thread.data!.referral.messages).toEqual([
        {
          body: 'Is there a key safe, and who holds the code?',
          byName: 'Dee Patel (social worker)',
          byAgency: true,
        },
        {
          body: 'Yes, by the front door; his daughter has the code.',
          byName: 'Jo Williams (safeguarding champion)',
          byAgency: false,
        },
      ]);
    }
    const audited = await gw.sql(
      `select organisation_id, actor_user_id, entity_id from audit_event where action = 'CREATE' and entity_type = 'ReferralMessage' and entity_id = any($1::uuid[]) order by at`,
      [[asked.data!.sendReferralMessage.id, answered.data!.sendReferralMessage.id]],
    );
    expect(audited).toEqual([
      {
        organisation_id: NORTHSHIRE,
        actor_user_id: officer.id,
        entity_id: asked.data!.sendReferralMessage.id,
      },
      {
        organisation_id: lead.organisationId,
        actor_user_id: champion.id,
        entity_id: answered.data!.sendReferralMessage.id,
      },
    ]);
  });

  it('is refused, changing nothing, for an empty message, a closed referral, another organisation or the wrong role', async () => {
    const id = await refer();
    const empty = await gw.graphql(MESSAGE, { input: { referralId: id, body: ' ' } }, officer);
    expect(code(empty)).toBe('BAD_USER_INPUT');
    for (const who of [police, otherLead]) {
      expect(code(await gw.graphql(MESSAGE, { input: { referralId: id, body: 'Hello' } }, who))).toBe(
        'NOT_FOUND',
      );
    }
    expect(
      code(await gw.graphql(MESSAGE, { input: { referralId: randomUUID(), body: 'Hello' } }, lead)),
    ).toBe('NOT_FOUND');
    expect(code(await gw.graphql(MESSAGE, { input: { referralId: id, body: 'Hello' } }, user('tom')))).toBe(
      'FORBIDDEN',
    );
    await act(WITHDRAW, lead, { referralId: id, version: 1, reason: 'Sent in error.' });
    const late = await gw.graphql(MESSAGE, { input: { referralId: id, body: 'Any news?' } }, officer);
    expect(code(late)).toBe('INVALID_TRANSITION');
    expect(late.errors![0]!.message).toBe(
      'This referral is withdrawn: messages can be sent only while it is open.',
    );
    expect(await messagesIn(id)).toBe(0);
    // Another organisation reads no thread.
    expect(code(await gw.graphql(THREAD, { id }, police))).toBe('NOT_FOUND');
  });
});
