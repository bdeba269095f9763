import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, DEMO_PEOPLE } from '../../db/demo.js';
import { testGateway, user } from '../../../test/harness.js';

const BREAK = `mutation Break($input: BreakGlassInput!) {
  breakGlass(input: $input) { id kind reason expiresAt subjectType subjectId user { id name } }
}`;
const GRANT = `mutation Grant($input: GrantAccessInput!) { grantAccess(input: $input) { id kind expiresAt } }`;
const REVOKE = `mutation Revoke($id: ID!) { revokeAccessGrant(id: $id) { id revokedAt } }`;
const REPORT = `query Report($kind: GrantKind) {
  accessGrants(kind: $kind) { totalCount edges { node { id kind reason subjectType subjectId user { name } grantedBy { name } } } }
}`;
const VISIT = `query Visit($id: ID!) { visitHousehold(id: $id) { id address } }`;
const PERSON = `query Person($id: ID!) { person(id: $id) { id givenName } }`;
const NOTIFICATIONS = `{ notifications(unreadOnly: true) { totalCount edges { node { id kind subjectType subjectId } } } }`;
const READ = `mutation Read($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

const lead = user('priya');
const frontline = user('tom');
const champion = user('jo');
const contractor = user('gareth');
const otherLead = user('morgan');

const household = (address: string) => DEMO_HOUSEHOLDS.find((h) => h.addressLine1 === address)!.id;
const ELM_ROW = household('21 Elm Row'); // Tom is not assigned here
const sophie = DEMO_PEOPLE.find((p) => p.givenName === 'Sophie')!.id; // restricted by Priya

const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;
const reason = 'Tenant rang in distress about a neighbour at this address; visiting now.';

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

/** Opens a lead's live event stream and collects what arrives. */
async function listen(who: typeof lead) {
  const stream = await gw.listen(who);
  expect(stream.response.status).toBe(200);
  expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
  return stream;
}

describe('break-glass', () => {
  it('lets frontline staff into a household they do not work with, tells every lead at once, and audits the reason', async () => {
    expect(code(await gw.graphql(VISIT, { id: ELM_ROW }, frontline))).toBe('NOT_FOUND');
    const stream = await listen(lead);
    try {
      const broke = await gw.graphql<{ breakGlass: Record<string, unknown> }>(
        BREAK,
        { input: { subjectType: 'Household', subjectId: ELM_ROW, reason, minutes: 30 } },
        frontline,
      );
      expect(broke.errors).toBeUndefined();
      const grant = broke.data!.breakGlass;
      expect(grant).toMatchObject({
        kind: 'BREAK_GLASS',
        reason,
        subjectType: 'Household',
        subjectId: ELM_ROW,
      });
      expect((grant.user as { id: string }).id).toBe(frontline.id);
      expect(Date.parse(grant.expiresAt as string) - Date.now()).toBeLessThanOrEqual(30 * 60_000 + 1000);

      const visit = await gw.graphql<{ visitHousehold: { id: string } }>(VISIT, { id: ELM_ROW }, frontline);
      expect(visit.errors).toBeUndefined();
      expect(visit.data!.visitHousehold.id).toBe(ELM_ROW);

      const [row] = await gw.sql(
        `select action, entity_type, entity_id, reason, actor_user_id from audit_event where action = 'BREAK_GLASS'`,
      );
      expect(row).toEqual({
        action: 'BREAK_GLASS',
        entity_type: 'Household',
        entity_id: ELM_ROW,
        reason,
        actor_user_id: frontline.id,
      });

      await expect.poll(() => stream.events.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(stream.events[0]).toEqual({
        event: 'notification',
        data: {
          id: expect.any(String),
          kind: 'BREAK_GLASS',
          subjectType: 'AccessGrant',
          subjectId: grant.id,
        },
      });
      const notes = await gw.graphql<{
        notifications: { edges: { node: { kind: string; subjectId: string } }[] };
      }>(NOTIFICATIONS, {}, lead);
      expect(notes.data!.notifications.edges.map((e) => e.node)).toContainEqual(
        expect.objectContaining({ kind: 'BREAK_GLASS', subjectId: grant.id }),
      );
    } finally {
      stream.close();
    }
  });

  it('ends when it expires', async () => {
    await gw.sql(`update access_grant set expires_at = now() - interval '1 second' where subject_id = $1`, [
      ELM_ROW,
    ]);
    // The identity cache does not hold grants: access ends at once.
    expect(code(await gw.graphql(VISIT, { id: ELM_ROW }, frontline))).toBe('NOT_FOUND');
  });

  it('opens a restricted person to a champion, and no one else', async () => {
    expect(code(await gw.graphql(PERSON, { id: sophie }, champion))).toBe('NOT_FOUND');
    const broke = await gw.graphql(
      BREAK,
      {
        input: {
          subjectType: 'Person',
          subjectId: sophie,
          reason: 'Police on the phone asking about her safety now.',
        },
      },
      champion,
    );
    expect(broke.errors).toBeUndefined();
    const seen = await gw.graphql<{ person: { givenName: string } }>(PERSON, { id: sophie }, champion);
    expect(seen.data?.person.givenName).toBe('Sophie');
    // A lead of another organisation still does not see her.
    expect(code(await gw.graphql(PERSON, { id: sophie }, user('morgan')))).toBe('NOT_FOUND');
  });

  it('needs a real reason, a record that exists in your organisation, and a role that may', async () => {
    const short = await gw.graphql(
      BREAK,
      { input: { subjectType: 'Household', subjectId: ELM_ROW, reason: 'urgent' } },
      frontline,
    );
    expect(code(short)).toBe('BAD_USER_INPUT');
    const long = await gw.graphql(
      BREAK,
      { input: { subjectType: 'Household', subjectId: ELM_ROW, reason, minutes: 600 } },
      frontline,
    );
    expect(code(long)).toBe('BAD_USER_INPUT');
    const missing = await gw.graphql(
      BREAK,
      { input: { subjectType: 'Household', subjectId: '00000000-0000-4000-8000-00000000beef', reason } },
      frontline,
    );
    expect(code(missing)).toBe('NOT_FOUND');
    const theirs = await gw.graphql(
      BREAK,
      { input: { subjectType: 'Household', subjectId: ELM_ROW, reason } },
      otherLead,
    );
    expect(code(theirs)).toBe('NOT_FOUND');
    for (const who of [contractor, user('sam'), user('chris')]) {
      const refused = await gw.graphql(
        BREAK,
        { input: { subjectType: 'Household', subjectId: ELM_ROW, reason } },
        who,
      );
      expect(code(refused), who.email).toBe('FORBIDDEN');
    }
  });
});

describe('grants and the break-glass report', () => {
  it('lets a lead give a member of staff time-limited access, tells them, and take it back', async () => {
    expect(code(await gw.graphql(VISIT, { id: ELM_ROW }, frontline))).toBe('NOT_FOUND');
    const given = await gw.graphql<{ grantAccess: { id: string; kind: string } }>(
      GRANT,
      {
        input: {
          userId: frontline.id,
          subjectType: 'Household',
          subjectId: ELM_ROW,
          reason: 'Covering this household while its housing officer is away.',
          days: 7,
        },
      },
      lead,
    );
    expect(given.errors).toBeUndefined();
    expect(given.data!.grantAccess.kind).toBe('GRANT');
    expect((await gw.graphql(VISIT, { id: ELM_ROW }, frontline)).errors).toBeUndefined();
    const notes = await gw.graphql<{ notifications: { edges: { node: { id: string; kind: string } }[] } }>(
      NOTIFICATIONS,
      {},
      frontline,
    );
    const note = notes.data!.notifications.edges.find((e) => e.node.kind === 'ACCESS_GRANTED')!.node;
    // Marking read: one's own notifications only.
    expect((await gw.graphql(READ, { ids: [note.id] }, lead)).data).toEqual({ markNotificationsRead: 0 });
    expect((await gw.graphql(READ, { ids: [note.id] }, frontline)).data).toEqual({
      markNotificationsRead: 1,
    });

    await gw.graphql(REVOKE, { id: given.data!.grantAccess.id }, lead);
    expect(code(await gw.graphql(VISIT, { id: ELM_ROW }, frontline))).toBe('NOT_FOUND');
  });

  it('shows leads every use of break-glass with its reason; nobody else', async () => {
    const report = await gw.graphql<{
      accessGrants: { edges: { node: { kind: string; reason: string; user: { name: string } } }[] };
    }>(REPORT, { kind: 'BREAK_GLASS' }, lead);
    expect(report.errors).toBeUndefined();
    const nodes = report.data!.accessGrants.edges.map((e) => e.node);
    expect(nodes.length).toBe(2);
    expect(nodes.every((n) => n.kind === 'BREAK_GLASS')).toBe(true);
    expect(nodes.map((n) => n.reason)).toContain(reason);
    for (const who of [champion, frontline, user('sam'), user('ana')]) {
      expect(code(await gw.graphql(REPORT, {}, who)), who.email).toBe('FORBIDDEN');
    }
  });

  it('refuses a grant for someone outside the organisation', async () => {
    const result = await gw.graphql(
      GRANT,
      {
        input: {
          userId: otherLead.id,
          subjectType: 'Person',
          subjectId: sophie,
          reason: 'A reason long enough to pass.',
        },
      },
      lead,
    );
    expect(code(result)).toBe('NOT_FOUND');
  });
});

describe('who is told', () => {
  const manager = user('ana');
  const breakGlassNotes = async (who: typeof lead) => {
    const notes = await gw.graphql<{
      notifications: { edges: { node: { kind: string; subjectId: string } }[] };
    }>(NOTIFICATIONS, {}, who);
    return notes.data!.notifications.edges.map((e) => e.node).filter((n) => n.kind === 'BREAK_GLASS');
  };
  const breakInto = async (who: typeof lead) => {
    const broke = await gw.graphql<{ breakGlass: { id: string } }>(
      BREAK,
      { input: { subjectType: 'Household', subjectId: ELM_ROW, reason, minutes: 15 } },
      who,
    );
    expect(broke.errors).toBeUndefined();
    return broke.data!.breakGlass.id;
  };

  it('tells the leads, not the managers, while there is a lead other than the one who broke the glass', async () => {
    const grant = await breakInto(champion);
    expect((await breakGlassNotes(lead)).map((n) => n.subjectId)).toContain(grant);
    expect((await breakGlassNotes(manager)).map((n) => n.subjectId)).not.toContain(grant);
  });

  it('tells the managers when the organisation’s only lead broke the glass', async () => {
    const before = (await breakGlassNotes(lead)).length;
    const grant = await breakInto(lead);
    expect((await breakGlassNotes(manager)).map((n) => n.subjectId)).toContain(grant);
    expect(await breakGlassNotes(lead)).toHaveLength(before); // not told of their own
  });
});

describe('the live event stream', () => {
  it('needs a staff token in the Authorization header', async () => {
    expect((await fetch(`${gw.base}/events`)).status).toBe(401);
    const forged = await fetch(`${gw.base}/events`, { headers: { authorization: 'Bearer nonsense' } });
    expect(forged.status).toBe(401);
  });
});
