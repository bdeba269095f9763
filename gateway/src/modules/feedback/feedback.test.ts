import type { EntityManager } from '@mikro-orm/postgresql';
import { FEEDBACK_PRINCIPLES } from '@doorstep/schema';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PEOPLE, DEMO_HOUSEHOLDS } from '../../db/demo.js';
import os from 'node:os';
import path from 'node:path';
import { newKey, runTool, testGateway, user } from '../../../test/harness.js';
import { count, ok, raise } from '../../../test/records.js';
import { createPublicToken } from '../access/credentials.service.js';
import { sealAuditTrail, verifyAuditTrail } from '../audit/audit-chain.js';
import { ukDayStart } from '../../common/uk-days.js';

const SUBMIT = `mutation Submit($key: String!, $input: FeedbackInput!) {
  submitFeedback(idempotencyKey: $key, input: $input) { receivedAt }
}`;
const RECORD = `mutation Record($key: String!, $input: FeedbackInput!) {
  recordFeedback(idempotencyKey: $key, input: $input) { receivedAt }
}`;
const STATUS = `query Status($token: String!) { feedbackLink(token: $token) { status expiresAt } }`;
const CREATE_LINK = `mutation Link($concernId: ID!, $validDays: Int) {
  createFeedbackLink(concernId: $concernId, validDays: $validDays) { token expiresAt }
}`;
const LIST = `query List($first: Int, $after: String, $from: String, $to: String) {
  feedback(first: $first, after: $after, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id receivedAt ratings { principle score } comment anonymous name phone email
                   language channel fromLink concernReference } }
  }
}`;
const SUMMARY = `query Summary($from: String, $to: String) {
  feedbackSummary(from: $from, to: $to) {
    responses withComment fromLinks byPrinciple { principle responses averageScore }
  }
}`;
const PUBLISH = `mutation Publish($input: YouSaidWeDidInput!) {
  publishYouSaidWeDid(input: $input) { id youSaid weDid principle publishedAt withdrawnAt }
}`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawYouSaidWeDid(id: $id) { id withdrawnAt } }`;
const PUBLISHED = `{ youSaidWeDid { totalCount edges { node { id youSaid weDid principle publishedAt } } } }`;

const lead = user('priya');
const champion = user('jo');
const manager = user('ana');
const frontline = user('tom');
const contractor = user('gareth');
const auditor = user('sam');
const admin = user('chris');
const officer = user('dee');
const otherLead = user('morgan');
const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;

type Gateway = Awaited<ReturnType<typeof testGateway>>;
type Result = {
  errors?: { message: string; extensions?: { code?: string; fields?: { field: string }[] } }[];
};
const code = (result: Result) => result.errors?.[0]?.extensions?.code;
const fields = (result: Result) => result.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort();
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

const feedback = (overrides: Record<string, unknown> = {}) => ({
  anonymous: true,
  language: 'en',
  ratings: [{ principle: 'EMPOWERMENT', score: 4 }],
  ...overrides,
});

const publicTokenOf = async (gw: Gateway, organisationId: string = RIVERSIDE) =>
  (
    await createPublicToken(
      gw.orm.em.fork() as EntityManager,
      gw.config.jwt,
      organisationId,
      'Feedback tests',
    )
  ).token;

const tenantToken = (gw: Gateway, reference: string) => gw.tenantToken(reference);

/** Raises, triages and closes a concern about a demo household and its lead tenant. */
async function closedConcern(
  gw: Gateway,
  as = lead,
  about: { householdId?: string; subjectIds?: string[] } = {},
) {
  const concern = await raise(gw, about, as);
  await ok(
    gw,
    `mutation($id: ID!) { triageConcern(id: $id, input: { decision: NO_FURTHER_ACTION, riskLevel: LOW, reason: "Resolved at the visit" }) { id } }`,
    { id: concern.id },
    as,
  );
  await ok(
    gw,
    `mutation($id: ID!) { closeConcern(id: $id, input: { reason: "Support in place" }) { id } }`,
    { id: concern.id },
    as,
  );
  return concern;
}

const makeLink = async (gw: Gateway, concernId: string, as = lead, validDays?: number) =>
  (
    await ok<{ createFeedbackLink: { token: string; expiresAt: string } }>(
      gw,
      CREATE_LINK,
      { concernId, validDays },
      as,
    )
  ).createFeedbackLink;

let gw: Gateway;
let publicToken: string;
const feedbackRows = () => count(gw, `select count(*) as n from feedback`);

beforeAll(async () => {
  gw = await testGateway();
  publicToken = await publicTokenOf(gw);
});
afterAll(() => gw.close());

describe('giving feedback', () => {
  it('takes anonymous feedback with the public token, keeping no name or contact details', async () => {
    const result = await gw.graphql<{ submitFeedback: { receivedAt: string } }>(
      SUBMIT,
      {
        key: newKey(),
        input: feedback({
          name: 'Should go',
          phone: '01632 960 001',
          email: 'gone@example.com',
          comment: 'Anonymous marker 5d1e',
          ratings: [
            { principle: 'PREVENTION', score: 2 },
            { principle: 'EMPOWERMENT', score: 5 },
          ],
        }),
      },
      { token: publicToken },
    );
    expect(result.errors).toBeUndefined();
    expect(Date.parse(result.data!.submitFeedback.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    const [row] = await gw.sql<{ id: string }>(
      `select id, organisation_id, anonymous, name, phone, email, language, channel, tenant_ref, link_id, concern_id
         from feedback where comment = 'Anonymous marker 5d1e'`,
    );
    expect(row).toEqual({
      id: expect.any(String),
      organisation_id: RIVERSIDE,
      anonymous: true,
      name: null,
      phone: null,
      email: null,
      language: 'en',
      channel: 'WEB',
      tenant_ref: null,
      link_id: null,
      concern_id: null,
    });
    expect(
      await gw.sql(
        `select principle, score, organisation_id from feedback_rating where feedback_id = $1 order by principle`,
        [row!.id],
      ),
    ).toEqual([
      { principle: 'EMPOWERMENT', score: 5, organisation_id: RIVERSIDE },
      { principle: 'PREVENTION', score: 2, organisation_id: RIVERSIDE },
    ]);
    expect(
      await gw.sql(
        `select action, actor_kind from audit_event where entity_type = 'Feedback' and entity_id = $1`,
        [row!.id],
      ),
    ).toEqual([{ action: 'CREATE', actor_kind: 'anonymous' }]);
  });

  it('is anonymous in the audit trail when anonymous: the action, the record and the organisation, no one', async () => {
    const tenant = { token: await tenantToken(gw, 'TEN-8803') };
    const give = async (as: { token: string } | typeof frontline, input: Record<string, unknown>) => {
      const result = await gw.graphql(as === frontline ? RECORD : SUBMIT, { key: newKey(), input }, as);
      expect(result.errors).toBeUndefined();
      const [row] = await gw.sql<{ id: string }>(`select id from feedback where comment = $1`, [
        input.comment,
      ]);
      return gw
        .sql(
          `select organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, reason
           from audit_event where request_id = $1 order by id`,
          [result.headers.get('x-request-id')],
        )
        .then((rows) => ({ id: row!.id, rows }));
    };
    const nobody = (id: string) => ({
      organisation_id: RIVERSIDE,
      actor_kind: 'anonymous',
      actor_user_id: null,
      actor_ref: 'anonymous',
      action: 'CREATE',
      entity_type: 'Feedback',
      entity_id: id,
      reason: null,
    });
    const fromTenant = await give(tenant, feedback({ comment: 'Audit marker a1' }));
    expect(fromTenant.rows).toEqual([nobody(fromTenant.id)]);
    const fromPublic = await give({ token: publicToken }, feedback({ comment: 'Audit marker a2' }));
    expect(fromPublic.rows).toEqual([nobody(fromPublic.id)]);
    expect(await count(gw, `select count(*) as n from audit_event where actor_ref = 'TEN-8803'`)).toBe(0);
    // Named feedback names who gave it; staff entering a tenant's anonymous answers are named.
    const named = await give(tenant, feedback({ anonymous: false, name: 'Sam', comment: 'Audit marker a3' }));
    expect(named.rows).toMatchObject([{ actor_kind: 'tenant', actor_ref: 'TEN-8803', entity_id: named.id }]);
    const entered = await give(frontline, feedback({ channel: 'PHONE', comment: 'Audit marker a4' }));
    expect(entered.rows).toMatchObject([
      { actor_kind: 'staff', actor_user_id: frontline.id, entity_id: entered.id },
    ]);
  });

  it('keeps the name and contact details of named feedback, and records a tenant’s reference', async () => {
    const token = await tenantToken(gw, 'TEN-8801');
    const result = await gw.graphql(
      SUBMIT,
      {
        key: newKey(),
        input: feedback({
          anonymous: false,
          name: ' Sam Jones ',
          phone: '01632 960 002',
          email: 'sam@example.com',
          language: 'cy',
          comment: 'Named marker 2a7c',
        }),
      },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(
      await gw.sql(
        `select anonymous, name, phone, email, language, channel, tenant_ref from feedback where comment = 'Named marker 2a7c'`,
      ),
    ).toEqual([
      {
        anonymous: false,
        name: 'Sam Jones',
        phone: '01632 960 002',
        email: 'sam@example.com',
        language: 'cy',
        channel: 'WEB',
        tenant_ref: 'TEN-8801',
      },
    ]);
  });

  it('refuses bad input with BAD_USER_INPUT and a message per field, and saves nothing', async () => {
    const before = await feedbackRows();
    const keys = await count(gw, `select count(*) as n from idempotency_record`);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ anonymous: true, language: 'en' }, ['ratings']],
      [feedback({ anonymous: false }), ['name']],
      [
        feedback({ language: 'fr', ratings: [{ principle: 'EMPOWERMENT', score: 9 }] }),
        ['language', 'ratings.0.score'],
      ],
      [
        feedback({
          ratings: [
            { principle: 'PROTECTION', score: 3 },
            { principle: 'PROTECTION', score: 4 },
          ],
        }),
        ['ratings'],
      ],
      [feedback({ anonymous: false, name: 'Sam', email: 'sam at example' }), ['email']],
      [feedback({ comment: 'x'.repeat(5001) }), ['comment']],
      [feedback({ link: 'not-a-link' }), ['link']],
    ];
    for (const [input, expected] of cases) {
      const result = await gw.graphql(SUBMIT, { key: newKey(), input }, { token: publicToken });
      expect(code(result), JSON.stringify(input).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(fields(result)).toEqual(expected);
    }
    const badKey = await gw.graphql(SUBMIT, { key: 'short', input: feedback() }, { token: publicToken });
    expect(fields(badKey)).toEqual(['idempotencyKey']);
    expect(await feedbackRows()).toBe(before);
    expect(await count(gw, `select count(*) as n from idempotency_record`)).toBe(keys);
  });

  it('stores a retried submission once and answers it with the first receipt', async () => {
    const key = newKey();
    const input = feedback({ comment: 'Retry marker 77f0' });
    const first = await gw.graphql<{ submitFeedback: { receivedAt: string } }>(
      SUBMIT,
      { key, input },
      { token: publicToken },
    );
    const again = await gw.graphql<{ submitFeedback: { receivedAt: string } }>(
      SUBMIT,
      { key, input },
      { token: publicToken },
    );
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitFeedback).toEqual(first.data!.submitFeedback);
    const parallelKey = newKey();
    const parallel = await Promise.all(
      Array.from({ length: 6 }, () =>
        gw.graphql(
          SUBMIT,
          { key: parallelKey, input: feedback({ comment: 'Retry marker 77f0' }) },
          { token: publicToken },
        ),
      ),
    );
    expect(parallel.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(await count(gw, `select count(*) as n from feedback where comment = 'Retry marker 77f0'`)).toBe(2);

    const changed = await gw.graphql(
      SUBMIT,
      { key, input: feedback({ comment: 'Other input' }) },
      { token: publicToken },
    );
    expect(code(changed)).toBe('IDEMPOTENCY_CONFLICT');
    expect(await count(gw, `select count(*) as n from feedback where comment = 'Other input'`)).toBe(0);
  });

  it('is for the public and tenants only', async () => {
    for (const who of [lead, manager, frontline, contractor, officer]) {
      const result = await gw.graphql(SUBMIT, { key: newKey(), input: feedback() }, who);
      expect(code(result), who.email).toBe('FORBIDDEN');
    }
    expect(code(await gw.graphql(SUBMIT, { key: newKey(), input: feedback() }))).toBe('UNAUTHENTICATED');
  });

  it('is the web form’s: another channel, which only staff may enter, is refused and nothing saved', async () => {
    const before = await feedbackRows();
    const keys = await count(gw, `select count(*) as n from idempotency_record`);
    const tenant = { token: await tenantToken(gw, 'TEN-8802') };
    for (const as of [tenant, { token: publicToken }]) {
      for (const channel of ['PHONE', 'PAPER', 'IN_PERSON']) {
        const input = feedback({
          anonymous: false,
          name: 'Sam Jones',
          channel,
          comment: 'Claim marker 9e04',
        });
        const result = await gw.graphql(SUBMIT, { key: newKey(), input }, as);
        expect(code(result), channel).toBe('BAD_USER_INPUT');
        expect(fields(result)).toEqual(['channel']);
      }
      const web = await gw.graphql(SUBMIT, { key: newKey(), input: feedback({ channel: 'WEB' }) }, as);
      expect(web.errors).toBeUndefined();
    }
    expect(await count(gw, `select count(*) as n from feedback where comment = 'Claim marker 9e04'`)).toBe(0);
    expect(await feedbackRows()).toBe(before + 2);
    expect(await count(gw, `select count(*) as n from idempotency_record`)).toBe(keys + 2);
  });

  it('never writes what was said into the logs', async () => {
    const marker = 'Marker-f33d my neighbour heard everything';
    await gw.graphql(
      SUBMIT,
      { key: newKey(), input: feedback({ anonymous: false, name: marker, comment: marker }) },
      { token: publicToken },
    );
    await gw.graphql(LIST, {}, lead);
    expect(gw.logs.length).toBeGreaterThan(0);
    expect(gw.logs.join('\n')).not.toContain('Marker-f33d');
  });
});

describe('feedback a tenant gave by phone, on paper or in person', () => {
  it('is entered by staff who deal with tenants, once per key, anonymous or named as the tenant chose', async () => {
    const key = newKey();
    const input = feedback({ channel: 'PHONE', comment: 'Phone marker 71b2', name: 'Dropped: anonymous' });
    const first = await gw.graphql<{ recordFeedback: { receivedAt: string } }>(
      RECORD,
      { key, input },
      frontline,
    );
    expect(first.errors).toBeUndefined();
    const again = await gw.graphql<{ recordFeedback: { receivedAt: string } }>(
      RECORD,
      { key, input },
      frontline,
    );
    expect(again.data!.recordFeedback.receivedAt).toBe(first.data!.recordFeedback.receivedAt);
    const rows = await gw.sql<{ id: string; channel: string; anonymous: boolean; name: string | null }>(
      `select id, channel, anonymous, name, tenant_ref from feedback where comment = 'Phone marker 71b2'`,
    );
    expect(rows).toEqual([
      { id: rows[0]!.id, channel: 'PHONE', anonymous: true, name: null, tenant_ref: null },
    ]);
    // Who entered it is in the audit trail, not in the feedback.
    const [row] = await gw.sql<{ actor_user_id: string }>(
      `select actor_user_id::text from audit_event where action = 'CREATE' and entity_type = 'Feedback' and entity_id = $1`,
      [rows[0]!.id],
    );
    expect(row!.actor_user_id).toBe(frontline.id);
    const named = await gw.graphql(
      RECORD,
      {
        key: newKey(),
        input: feedback({
          channel: 'PAPER',
          anonymous: false,
          name: 'Mrs Edith Marsh',
          comment: 'Paper marker 71b2',
        }),
      },
      manager,
    );
    expect(named.errors).toBeUndefined();
    expect(await gw.sql(`select channel, name from feedback where comment = 'Paper marker 71b2'`)).toEqual([
      { channel: 'PAPER', name: 'Mrs Edith Marsh' },
    ]);
  });

  it('is refused as a web form’s, through a one-time link, or from anyone else', async () => {
    const before = await count(gw, 'select count(*) as n from feedback');
    const web = await gw.graphql(RECORD, { key: newKey(), input: feedback({ comment: 'x' }) }, lead);
    expect(fields(web)).toEqual(['channel']);
    const linked = await gw.graphql(
      RECORD,
      { key: newKey(), input: feedback({ channel: 'PHONE', link: `fb_${'a'.repeat(43)}` }) },
      lead,
    );
    expect(fields(linked)).toEqual(['link']);
    for (const as of [contractor, auditor, admin, officer]) {
      expect(
        code(await gw.graphql(RECORD, { key: newKey(), input: feedback({ channel: 'PHONE' }) }, as)),
      ).toBe('FORBIDDEN');
    }
    const input = feedback({ channel: 'PHONE' });
    expect(code(await gw.graphql(RECORD, { key: newKey(), input }, { token: publicToken }))).toBe(
      'FORBIDDEN',
    );
    expect(await count(gw, 'select count(*) as n from feedback')).toBe(before);
  });
});

describe('one-time feedback links', () => {
  let concern: { id: string; reference: string };
  const walter = DEMO_PEOPLE.find((p) => p.givenName === 'Walter')!;
  const alder = DEMO_HOUSEHOLDS[0]!;
  beforeAll(async () => {
    concern = await closedConcern(gw, lead, { householdId: alder.id, subjectIds: [walter.id] });
  });

  it('are made only for a closed concern, open 28 days unless said, and only by leads and champions', async () => {
    const open = await raise(gw);
    const refused = await gw.graphql(CREATE_LINK, { concernId: open.id }, lead);
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.fields).toEqual([
      {
        field: 'concernId',
        code: 'not_closed',
        message: 'You can only ask for feedback on a concern once it is closed',
      },
    ]);
    const tooLong = await gw.graphql(CREATE_LINK, { concernId: concern.id, validDays: 91 }, lead);
    expect(fields(tooLong)).toEqual(['validDays']);

    const made = await makeLink(gw, concern.id, champion);
    expect(made.token).toMatch(/^fb_[A-Za-z0-9_-]{43}$/);
    const days = (Date.parse(made.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(27.9);
    expect(days).toBeLessThanOrEqual(28);
    const short = await makeLink(gw, concern.id, lead, 3);
    expect(Math.round((Date.parse(short.expiresAt) - Date.now()) / 86_400_000)).toBe(3);

    for (const who of [manager, frontline, contractor, auditor, admin, officer]) {
      expect(code(await gw.graphql(CREATE_LINK, { concernId: concern.id }, who)), who.email).toBe(
        'FORBIDDEN',
      );
    }
    expect(code(await gw.graphql(CREATE_LINK, { concernId: concern.id }, { token: publicToken }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gw.graphql(CREATE_LINK, { concernId: concern.id }, otherLead))).toBe('NOT_FOUND');
  });

  it('keep only the token’s digest, and are audited and in the chronology of the people named', async () => {
    const { token } = await makeLink(gw, concern.id);
    const [row] = await gw.sql<{ id: string; token_hash: string; concern_id: string }>(
      `select id, token_hash, concern_id from feedback_link where token_hash = $1`,
      [digest(token)],
    );
    expect(row!.concern_id).toBe(concern.id);
    const stored = await gw.sql<{ n: string }>(
      `select (select count(*) from feedback_link where token_hash = $1)
            + (select count(*) from audit_event where coalesce(reason, '') like '%' || $1 || '%')
            + (select count(*) from chronology_entry where summary like '%' || $1 || '%' or detail::text like '%' || $1 || '%') as n`,
      [token],
    );
    expect(Number(stored[0]!.n)).toBe(0);
    expect(
      await gw.sql(
        `select action, actor_user_id from audit_event where entity_type = 'FeedbackLink' and entity_id = $1`,
        [row!.id],
      ),
    ).toEqual([{ action: 'CREATE', actor_user_id: lead.id }]);
    expect(
      await gw.sql(
        `select kind, household_id, person_ids, summary from chronology_entry where source_type = 'FeedbackLink' and source_id = $1`,
        [row!.id],
      ),
    ).toEqual([
      {
        kind: 'FEEDBACK_LINK_SENT',
        household_id: alder.id,
        person_ids: [walter.id],
        summary: `Feedback link for ${concern.reference} made, open for 28 days`,
      },
    ]);
  });

  it('say whether they can be used, then tie named feedback to the concern once and only once', async () => {
    const { token, expiresAt } = await makeLink(gw, concern.id);
    const tenant = { token: await tenantToken(gw, 'TEN-5100') };
    const status = await gw.graphql<{ feedbackLink: Record<string, unknown> }>(STATUS, { token }, tenant);
    expect(status.data!.feedbackLink).toEqual({ status: 'VALID', expiresAt });

    const used = await gw.graphql(
      SUBMIT,
      {
        key: newKey(),
        input: feedback({ anonymous: false, name: 'Walter', link: token, comment: 'Via link 91b' }),
      },
      tenant,
    );
    expect(used.errors).toBeUndefined();
    const [row] = await gw.sql(
      `select f.concern_id, f.tenant_ref, l.token_hash, l.used_at is not null as used
         from feedback f join feedback_link l on l.id = f.link_id
        where f.comment = 'Via link 91b'`,
    );
    expect(row).toEqual({
      concern_id: concern.id,
      tenant_ref: 'TEN-5100',
      token_hash: digest(token),
      used: true,
    });
    expect(
      (await gw.graphql<{ feedbackLink: unknown }>(STATUS, { token }, tenant)).data!.feedbackLink,
    ).toEqual({
      status: 'USED',
      expiresAt: null,
    });

    const before = await feedbackRows();
    const again = await gw.graphql(
      SUBMIT,
      { key: newKey(), input: feedback({ link: token }) },
      { token: publicToken },
    );
    expect(code(again)).toBe('FEEDBACK_LINK_USED');
    expect(await feedbackRows()).toBe(before);
  });

  it('are used up by anonymous feedback, which keeps no trace of the link, its concern or the tenant', async () => {
    const { token } = await makeLink(gw, concern.id);
    const [link] = await gw.sql<{ id: string }>(`select id from feedback_link where token_hash = $1`, [
      digest(token),
    ]);
    const tenant = { token: await tenantToken(gw, 'TEN-5200') };
    const traces = async () => ({
      chronology: await count(gw, `select count(*) as n from chronology_entry`),
      notifications: await count(gw, `select count(*) as n from notification`),
      tasks: await count(gw, `select count(*) as n from task`),
      aboutLinkOrConcern: await count(
        gw,
        `select count(*) as n from audit_event where entity_id in ($1, $2)`,
        [link!.id, concern.id],
      ),
    });
    const before = await traces();
    const input = feedback({
      name: 'Should go',
      email: 'gone@example.com',
      link: token,
      comment: 'Anon link 4c2',
    });
    const key = newKey();
    const sent = await gw.graphql<{ submitFeedback: { receivedAt: string } }>(SUBMIT, { key, input }, tenant);
    expect(sent.errors).toBeUndefined();

    const [row] = await gw.sql<{ id: string }>(
      `select id, anonymous, name, email, tenant_ref, link_id, concern_id from feedback where comment = 'Anon link 4c2'`,
    );
    expect(row).toEqual({
      id: expect.any(String),
      anonymous: true,
      name: null,
      email: null,
      tenant_ref: null,
      link_id: null,
      concern_id: null,
    });
    // Used up, on a day and no finer: the moment of use cannot be matched to the feedback.
    const [used] = await gw.sql(
      `select used_at is not null as used, used_at = date_trunc('day', used_at, 'UTC') as day_only
         from feedback_link where id = $1`,
      [link!.id],
    );
    expect(used).toEqual({ used: true, day_only: true });
    expect(
      (await gw.graphql<{ feedbackLink: unknown }>(STATUS, { token }, tenant)).data!.feedbackLink,
    ).toEqual({ status: 'USED', expiresAt: null });
    const again = await gw.graphql(SUBMIT, { key: newKey(), input }, tenant);
    expect(code(again)).toBe('FEEDBACK_LINK_USED');
    expect(await count(gw, `select count(*) as n from feedback where comment = 'Anon link 4c2'`)).toBe(1);
    // Nothing else written names the link or the concern.
    expect(await traces()).toEqual(before);
    expect(
      await gw.sql(
        `select action, entity_type, actor_kind, actor_ref from audit_event where entity_id = $1`,
        [row!.id],
      ),
    ).toEqual([
      { action: 'CREATE', entity_type: 'Feedback', actor_kind: 'anonymous', actor_ref: 'anonymous' },
    ]);
    // The idempotency record does not depend on the token (whoever made the link knows it): the
    // same key and answers with another link are the same submission, and that link stays unused.
    const other = await makeLink(gw, concern.id);
    const retried = await gw.graphql<{ submitFeedback: { receivedAt: string } }>(
      SUBMIT,
      { key, input: { ...input, link: other.token } },
      tenant,
    );
    expect(retried.data?.submitFeedback).toEqual(sent.data!.submitFeedback);
    expect(
      (await gw.graphql<{ feedbackLink: { status: string } }>(STATUS, { token: other.token }, tenant)).data!
        .feedbackLink.status,
    ).toBe('VALID');

    const listed = await gw.graphql<{
      feedback: { edges: { node: { id: string; fromLink: boolean; concernReference: string | null } }[] };
    }>(LIST, { first: 100 }, lead);
    expect(listed.data!.feedback.edges.find((e) => e.node.id === row!.id)!.node).toMatchObject({
      fromLink: false,
      concernReference: null,
    });
  });

  it('are used once when two submissions through the same link arrive at once', async () => {
    const { token } = await makeLink(gw, concern.id);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gw.graphql(
          SUBMIT,
          {
            key: newKey(),
            input: feedback({ anonymous: false, name: 'Walter', link: token, comment: `Parallel link ${i}` }),
          },
          { token: publicToken },
        ),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => code(r) === 'FEEDBACK_LINK_USED').length).toBe(5);
    expect(
      await count(
        gw,
        `select count(*) as n from feedback f join feedback_link l on l.id = f.link_id where l.token_hash = $1`,
        [digest(token)],
      ),
    ).toBe(1);
  });

  it('expire', async () => {
    const { token } = await makeLink(gw, concern.id);
    await gw.sql(
      `update feedback_link set expires_at = date_trunc('milliseconds', now()) - interval '1 day' where token_hash = $1`,
      [digest(token)],
    );
    const [{ expires_at }] = (await gw.sql<{ expires_at: Date }>(
      `select expires_at from feedback_link where token_hash = $1`,
      [digest(token)],
    )) as [{ expires_at: Date }];
    const status = await gw.graphql<{ feedbackLink: unknown }>(STATUS, { token }, { token: publicToken });
    expect(status.data!.feedbackLink).toEqual({ status: 'EXPIRED', expiresAt: expires_at.toISOString() });
    const before = await feedbackRows();
    const late = await gw.graphql(
      SUBMIT,
      { key: newKey(), input: feedback({ link: token }) },
      { token: publicToken },
    );
    expect(code(late)).toBe('FEEDBACK_LINK_EXPIRED');
    expect(await feedbackRows()).toBe(before);
    expect(
      await count(
        gw,
        `select count(*) as n from feedback_link where token_hash = $1 and used_at is not null`,
        [digest(token)],
      ),
    ).toBe(0);
  });

  it('are unknown to every other organisation, and say nothing of a token that is not a link', async () => {
    const theirs = await closedConcern(gw, otherLead);
    const { token } = await makeLink(gw, theirs.id, otherLead);
    const hillcrest = { token: await publicTokenOf(gw, HILLCREST) };
    expect(
      (await gw.graphql<{ feedbackLink: { status: string } }>(STATUS, { token }, hillcrest)).data!
        .feedbackLink.status,
    ).toBe('VALID');

    const before = await feedbackRows();
    const status = await gw.graphql<{ feedbackLink: unknown }>(STATUS, { token }, { token: publicToken });
    expect(status.data!.feedbackLink).toEqual({ status: 'INVALID', expiresAt: null });
    const submitted = await gw.graphql(
      SUBMIT,
      { key: newKey(), input: feedback({ link: token }) },
      { token: publicToken },
    );
    expect(code(submitted)).toBe('FEEDBACK_LINK_INVALID');
    expect(await feedbackRows()).toBe(before);
    // Still theirs to use.
    expect(
      await count(gw, `select count(*) as n from feedback_link where token_hash = $1 and used_at is null`, [
        digest(token),
      ]),
    ).toBe(1);

    for (const guess of [`fb_${randomBytes(32).toString('base64url')}`, 'nonsense', 'x'.repeat(5000)]) {
      const result = await gw.graphql<{ feedbackLink: unknown }>(
        STATUS,
        { token: guess },
        { token: publicToken },
      );
      expect(result.data!.feedbackLink).toEqual({ status: 'INVALID', expiresAt: null });
    }
    const unknown = await gw.graphql(
      SUBMIT,
      { key: newKey(), input: feedback({ link: `fb_${randomBytes(32).toString('base64url')}` }) },
      { token: publicToken },
    );
    expect(code(unknown)).toBe('FEEDBACK_LINK_INVALID');
    for (const who of [lead, frontline]) {
      expect(code(await gw.graphql(STATUS, { token }, who))).toBe('FORBIDDEN');
    }
  });
});

describe('rate limits', () => {
  let limited: Gateway;
  let token: string;
  beforeAll(async () => {
    limited = await testGateway({
      publicLimits: { perToken: { max: 100, windowSeconds: 60 }, perAddress: { max: 4, windowSeconds: 60 } },
    });
    token = await publicTokenOf(limited);
  });
  afterAll(() => limited.close());

  it('count submissions, refused ones and link checks together, per address, before anything else', async () => {
    const fake = `fb_${randomBytes(32).toString('base64url')}`;
    const results = [
      await limited.graphql(SUBMIT, { key: newKey(), input: feedback() }, { token }),
      await limited.graphql(SUBMIT, { key: newKey(), input: feedback({ link: fake }) }, { token }),
      await limited.graphql(SUBMIT, { key: newKey(), input: { anonymous: true, language: 'en' } }, { token }),
      await limited.graphql(STATUS, { token: fake }, { token }),
      await limited.graphql(STATUS, { token: fake }, { token }),
      await limited.graphql(SUBMIT, { key: newKey(), input: feedback() }, { token }),
    ];
    expect(results.map(code)).toEqual([
      undefined,
      'FEEDBACK_LINK_INVALID',
      'BAD_USER_INPUT',
      undefined,
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    expect(results[5]!.status).toBe(429);
    expect(Number(results[5]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await count(limited, `select count(*) as n from feedback`)).toBe(1);
  });
});

describe('reading feedback', () => {
  let fresh: Gateway;
  let linkConcern: { reference: string };
  beforeAll(async () => {
    fresh = await testGateway();
    const token = { token: await publicTokenOf(fresh) };
    const tenant = { token: await tenantToken(fresh, 'TEN-3003') };
    const concern = await closedConcern(fresh);
    linkConcern = concern;
    const { token: link } = await makeLink(fresh, concern.id);
    const { token: namedLink } = await makeLink(fresh, concern.id);
    const send = async (as: { token: string } | typeof frontline, input: Record<string, unknown>) => {
      const result = await fresh.graphql(input.channel ? RECORD : SUBMIT, { key: newKey(), input }, as);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    };
    await send(token, {
      anonymous: true,
      language: 'en',
      comment: 'Nobody called me back',
      ratings: [
        { principle: 'PREVENTION', score: 3 },
        { principle: 'EMPOWERMENT', score: 5 },
      ],
    });
    await send(frontline, {
      anonymous: false,
      name: 'Sam Jones',
      email: 'sam@example.com',
      language: 'cy',
      channel: 'PHONE',
      ratings: [
        { principle: 'EMPOWERMENT', score: 4 },
        { principle: 'PROTECTION', score: 2 },
      ],
    });
    await send(tenant, {
      anonymous: true,
      language: 'en',
      link,
      comment: 'Thank you',
      ratings: [{ principle: 'EMPOWERMENT', score: 2 }],
    });
    await send(tenant, {
      anonymous: false,
      name: 'Alex Reid',
      language: 'en',
      link: namedLink,
      comment: 'You listened',
    });
  });
  afterAll(() => fresh.close());

  type Node = Record<string, unknown> & { id: string; ratings: unknown[] };
  type List = {
    feedback: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: Node }[];
    };
  };

  it('lists it newest first, as it was given, with the concern only when named and through a link', async () => {
    const result = await fresh.graphql<List>(LIST, {}, manager);
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.feedback.edges.map((e) => e.node);
    expect(result.data!.feedback.totalCount).toBe(4);
    expect(nodes.map(({ id: _id, receivedAt: _at, ...rest }) => rest)).toEqual([
      {
        ratings: [],
        comment: 'You listened',
        anonymous: false,
        name: 'Alex Reid',
        phone: null,
        email: null,
        language: 'en',
        channel: 'WEB',
        fromLink: true,
        concernReference: linkConcern.reference,
      },
      {
        ratings: [{ principle: 'EMPOWERMENT', score: 2 }],
        comment: 'Thank you',
        anonymous: true,
        name: null,
        phone: null,
        email: null,
        language: 'en',
        channel: 'WEB',
        fromLink: false,
        concernReference: null,
      },
      {
        ratings: [
          { principle: 'EMPOWERMENT', score: 4 },
          { principle: 'PROTECTION', score: 2 },
        ],
        comment: null,
        anonymous: false,
        name: 'Sam Jones',
        phone: null,
        email: 'sam@example.com',
        language: 'cy',
        channel: 'PHONE',
        fromLink: false,
        concernReference: null,
      },
      {
        ratings: [
          { principle: 'EMPOWERMENT', score: 5 },
          { principle: 'PREVENTION', score: 3 },
        ],
        comment: 'Nobody called me back',
        anonymous: true,
        name: null,
        phone: null,
        email: null,
        language: 'en',
        channel: 'WEB',
        fromLink: false,
        concernReference: null,
      },
    ]);
    const audited = await fresh.sql<{ entity_id: string }>(
      `select entity_id from audit_event where action = 'READ' and entity_type = 'Feedback' and actor_user_id = $1`,
      [manager.id],
    );
    expect(audited.map((a) => a.entity_id).sort()).toEqual(nodes.map((n) => n.id).sort());

    const first = await fresh.graphql<List>(LIST, { first: 2 }, lead);
    expect(first.data!.feedback.pageInfo.hasNextPage).toBe(true);
    const rest = await fresh.graphql<List>(
      LIST,
      { first: 2, after: first.data!.feedback.pageInfo.endCursor },
      champion,
    );
    expect(rest.data!.feedback.edges.map((e) => e.node.id)).toEqual([nodes[2]!.id, nodes[3]!.id]);
  });

  it('counts it in one summary: responses, each principle’s responses and mean score, comments, named links', async () => {
    const result = await fresh.graphql<{ feedbackSummary: Record<string, unknown> }>(SUMMARY, {}, manager);
    expect(result.errors).toBeUndefined();
    const expected = { EMPOWERMENT: [3, 3.67], PREVENTION: [1, 3], PROTECTION: [1, 2] } as Record<
      string,
      [number, number]
    >;
    expect(result.data!.feedbackSummary).toEqual({
      responses: 4,
      withComment: 3,
      fromLinks: 1,
      byPrinciple: FEEDBACK_PRINCIPLES.map((principle) => ({
        principle,
        responses: expected[principle]?.[0] ?? 0,
        averageScore: expected[principle]?.[1] ?? null,
      })),
    });
  });

  it('takes a period of UK days, inclusive, for both', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const inToday = await fresh.graphql<List>(LIST, { from: today, to: today }, lead);
    expect(inToday.data!.feedback.totalCount).toBe(4);
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
    const [oldest] = await fresh.sql<{ id: string }>(`select id from feedback order by received_at limit 1`);
    await fresh.sql(`update feedback set received_at = '2026-06-30T23:30:00Z' where id = $1`, [oldest!.id]);
    const july = await fresh.graphql<List>(LIST, { from: '2026-07-01', to: '2026-07-01' }, lead);
    expect(july.data!.feedback.edges.map((e) => e.node.id)).toEqual([oldest!.id]);
    const june = await fresh.graphql<List>(LIST, { to: '2026-06-30' }, lead);
    expect(june.data!.feedback.totalCount).toBe(0);
    const summary = await fresh.graphql<{ feedbackSummary: { responses: number; withComment: number } }>(
      SUMMARY,
      { from: '2026-07-01', to: '2026-07-01' },
      lead,
    );
    expect(summary.data!.feedbackSummary).toMatchObject({ responses: 1, withComment: 1 });
    expect(ukDayStart('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(ukDayStart('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(ukDayStart('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(ukDayStart('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');

    expect(fields(await fresh.graphql(LIST, { from: '2026-02-30' }, lead))).toEqual(['from']);
    expect(fields(await fresh.graphql(SUMMARY, { from: '2026-02-02', to: '2026-02-01' }, lead))).toEqual([
      'to',
    ]);
  });

  it('is for leads, champions and managers of the organisation only', async () => {
    for (const who of [frontline, contractor, auditor, admin, officer]) {
      expect(code(await fresh.graphql(LIST, {}, who)), who.email).toBe('FORBIDDEN');
      expect(code(await fresh.graphql(SUMMARY, {}, who)), who.email).toBe('FORBIDDEN');
    }
    const publicToken = { token: await publicTokenOf(fresh) };
    expect(code(await fresh.graphql(LIST, {}, publicToken))).toBe('FORBIDDEN');
    expect(code(await fresh.graphql(SUMMARY, {}, { token: await tenantToken(fresh, 'TEN-3003') }))).toBe(
      'FORBIDDEN',
    );
    const theirs = await fresh.graphql<List>(LIST, {}, otherLead);
    expect(theirs.data!.feedback.totalCount).toBe(0);
    const theirSummary = await fresh.graphql<{ feedbackSummary: { responses: number } }>(
      SUMMARY,
      {},
      otherLead,
    );
    expect(theirSummary.data!.feedbackSummary.responses).toBe(0);
  });
});

describe('you said, we did', () => {
  type Published = { youSaidWeDid: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
  const published = async (as: Parameters<Gateway['graphql']>[2]) =>
    (await gw.graphql<Published>(PUBLISHED, {}, as)).data!.youSaidWeDid;

  it('starts with the demo answers', async () => {
    const list = await published({ token: publicToken });
    expect(list.totalCount).toBe(2);
    expect(list.edges.map((e) => e.node.principle).sort()).toEqual(['ACCOUNTABILITY', 'PREVENTION']);
  });

  it('is published by leads and managers, and read by the organisation’s public, tenants and staff', async () => {
    const made = await gw.graphql<{ publishYouSaidWeDid: Record<string, unknown> & { id: string } }>(
      PUBLISH,
      {
        input: {
          youSaid: ' You said the phone line closed too early. ',
          weDid: 'It is open until 8pm.',
          principle: 'PROTECTION',
        },
      },
      manager,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data!.publishYouSaidWeDid).toMatchObject({
      youSaid: 'You said the phone line closed too early.',
      weDid: 'It is open until 8pm.',
      principle: 'PROTECTION',
      withdrawnAt: null,
    });
    const id = made.data!.publishYouSaidWeDid.id;
    expect(
      await gw.sql(
        `select action, actor_user_id from audit_event where entity_type = 'YouSaidWeDid' and entity_id = $1`,
        [id],
      ),
    ).toEqual([{ action: 'CREATE', actor_user_id: manager.id }]);

    const tenant = { token: await tenantToken(gw, 'TEN-1234') };
    for (const who of [{ token: publicToken }, tenant, contractor, frontline, auditor, admin, lead]) {
      const list = await published(who);
      expect(list.edges[0]!.node, JSON.stringify(who).slice(0, 40)).toEqual({
        id,
        youSaid: 'You said the phone line closed too early.',
        weDid: 'It is open until 8pm.',
        principle: 'PROTECTION',
        publishedAt: made.data!.publishYouSaidWeDid.publishedAt,
      });
    }
    // Other organisations see their own (none), not Riverside's.
    expect((await published({ token: await publicTokenOf(gw, HILLCREST) })).totalCount).toBe(0);
    expect((await published(officer)).totalCount).toBe(0);
    // Only those who publish see when an answer was withdrawn.
    const withdrawnField = `{ youSaidWeDid { edges { node { id withdrawnAt } } } }`;
    expect(code(await gw.graphql(withdrawnField, {}, { token: publicToken }))).toBe('FORBIDDEN');
    expect((await gw.graphql(withdrawnField, {}, lead)).errors).toBeUndefined();

    for (const who of [champion, frontline, contractor, auditor, admin, officer]) {
      expect(code(await gw.graphql(PUBLISH, { input: { youSaid: 'a', weDid: 'b' } }, who)), who.email).toBe(
        'FORBIDDEN',
      );
    }
    expect(
      code(await gw.graphql(PUBLISH, { input: { youSaid: 'a', weDid: 'b' } }, { token: publicToken })),
    ).toBe('FORBIDDEN');
    const bad = await gw.graphql(PUBLISH, { input: { youSaid: ' ', weDid: 'w'.repeat(2001) } }, lead);
    expect(fields(bad)).toEqual(['weDid', 'youSaid']);
  });

  it('withdrawn, is no longer shown, and stays withdrawn', async () => {
    const made = await ok<{ publishYouSaidWeDid: { id: string } }>(gw, PUBLISH, {
      input: {
        youSaid: 'You said repairs visits were not explained.',
        weDid: 'Every visit now starts with who we are.',
      },
    });
    const id = made.publishYouSaidWeDid.id;
    expect((await published({ token: publicToken })).edges.map((e) => e.node.id)).toContain(id);

    expect(code(await gw.graphql(WITHDRAW, { id }, otherLead))).toBe('NOT_FOUND');
    expect(code(await gw.graphql(WITHDRAW, { id }, champion))).toBe('FORBIDDEN');
    expect(code(await gw.graphql(WITHDRAW, { id: 'nope' }, lead))).toBe('NOT_FOUND');

    const withdrawn = await gw.graphql<{ withdrawYouSaidWeDid: { id: string; withdrawnAt: string } }>(
      WITHDRAW,
      { id },
      lead,
    );
    expect(withdrawn.errors).toBeUndefined();
    const at = withdrawn.data!.withdrawYouSaidWeDid.withdrawnAt;
    expect(Date.parse(at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await published({ token: publicToken })).edges.map((e) => e.node.id)).not.toContain(id);
    const again = await gw.graphql<{ withdrawYouSaidWeDid: { withdrawnAt: string } }>(
      WITHDRAW,
      { id },
      manager,
    );
    expect(again.data!.withdrawYouSaidWeDid.withdrawnAt).toBe(at);
    expect(
      await gw.sql(
        `select action from audit_event where entity_type = 'YouSaidWeDid' and entity_id = $1 order by id`,
        [id],
      ),
    ).toEqual([{ action: 'CREATE' }, { action: 'UPDATE' }]);
  });
});

describe('anonymous feedback stored before it was kept apart from its link and tenant', () => {
  /** The migration that made anonymous feedback anonymous everywhere. */
  const ANONYMOUS = 'Migration20261206223748_anonymous_feedback';
  let old: Gateway;
  beforeAll(async () => {
    old = await testGateway();
  });
  afterAll(() => old.close());

  it('keeps no link, concern or tenant reference after the migration; the audit trail is untouched and verifies', async () => {
    const concern = await closedConcern(old);
    const linkFor = async () => {
      const { token } = await makeLink(old, concern.id);
      return (
        await old.sql<{ id: string }>(`select id from feedback_link where token_hash = $1`, [digest(token)])
      )[0]!.id;
    };
    const anonLink = await linkFor();
    const namedLink = await linkFor();
    await old.orm.getMigrator().down({ to: ANONYMOUS });

    // As the gateway stored it before: the link used at the moment, and anonymous feedback keeping
    // the link, its concern and the tenant's reference, with an audit row under that reference.
    const moment = '2026-11-20T14:23:45.123Z';
    await old.sql(`update feedback_link set used_at = $1 where id = any($2::uuid[])`, [
      moment,
      [anonLink, namedLink],
    ]);
    const stored = async (comment: string, anonymous: boolean, tenantRef: string, link: string | null) => {
      const [row] = await old.sql<{ id: string }>(
        `insert into feedback (id, organisation_id, received_at, comment, anonymous, name, language, channel,
                               tenant_ref, link_id, concern_id)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, 'en', 'WEB', $6, $7, $8) returning id`,
        [
          RIVERSIDE,
          moment,
          comment,
          anonymous,
          anonymous ? null : 'Sam',
          tenantRef,
          link,
          link ? concern.id : null,
        ],
      );
      await old.sql(
        `insert into audit_event (at, organisation_id, actor_kind, actor_ref, action, entity_type, entity_id, request_id)
         values ($1, $2, 'tenant', $3, 'CREATE', 'Feedback', $4, $5)`,
        [moment, RIVERSIDE, tenantRef, row!.id, `old-${comment}`],
      );
      return row!.id;
    };
    const throughLink = await stored('Old anonymous via link', true, 'TEN-OLD1', anonLink);
    const plain = await stored('Old anonymous', true, 'TEN-OLD2', null);
    const named = await stored('Old named via link', false, 'TEN-OLD3', namedLink);
    const owner = () => old.orm.em.fork() as EntityManager;
    expect(await sealAuditTrail(owner())).toBeGreaterThan(0);
    const trail = () => old.sql(`select * from audit_event order by id`);
    const trailBefore = await trail();

    // Up to it only: later migrations (reverted with it) are not what this is about.
    expect((await old.orm.getMigrator().up({ to: ANONYMOUS })).map((m) => m.name)).toEqual([ANONYMOUS]);

    const rows = await old.sql(
      `select id, anonymous, tenant_ref, link_id, concern_id from feedback where id = any($1::uuid[]) order by comment`,
      [[throughLink, plain, named]],
    );
    expect(rows).toEqual([
      { id: plain, anonymous: true, tenant_ref: null, link_id: null, concern_id: null },
      { id: throughLink, anonymous: true, tenant_ref: null, link_id: null, concern_id: null },
      { id: named, anonymous: false, tenant_ref: 'TEN-OLD3', link_id: namedLink, concern_id: concern.id },
    ]);
    // Links keep the day they were used, no finer.
    expect(
      await old.sql(
        `select to_char(used_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as used_at from feedback_link
          where id = any($1::uuid[])`,
        [[anonLink, namedLink]],
      ),
    ).toEqual([{ used_at: '2026-11-20 00:00:00.000000' }, { used_at: '2026-11-20 00:00:00.000000' }]);

    // Rows already written stay as they are, and every chain still verifies, with new rows after.
    expect(await trail()).toEqual(trailBefore);
    expect(await verifyAuditTrail(owner())).toMatchObject({ ok: true, unsealed: 0 });
    await old.graphql(
      SUBMIT,
      { key: newKey(), input: feedback() },
      { token: await tenantToken(old, 'TEN-NEW') },
    );
    const verified = await runTool('audit-verify', ['--seal'], {
      DATABASE_URL: old.url,
      DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-verify'),
    });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/Audit trail intact/);
  });
});
