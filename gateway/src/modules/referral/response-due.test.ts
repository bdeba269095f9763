import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMaintenance } from '../../db/maintenance.js';
import { createLogger } from '../../logger.js';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { workingDaysAfter } from '../../common/working-days.js';
import { testGateway, user } from '../../../test/harness.js';
import { isOverdue, raiseOverdueTasks } from './response-due.service.js';

const POLICIES = `{ referralResponsePolicies { agencyType workingDays setByOrganisation updatedAt } }`;
const SET = `mutation Set($input: ResponsePolicyInput!) {
  setReferralResponsePolicy(input: $input) { agencyType workingDays setByOrganisation }
}`;
const REFER = `mutation Refer($input: ReferConcernInput!) {
  referConcern(input: $input) { id sentAt respondBy overdue }
}`;
const SENT = `query Sent($overdue: Boolean) { referralsSent(overdue: $overdue) { totalCount edges { node { id overdue } } } }`;
const RECEIVED = `query Received($overdue: Boolean) {
  referralsReceived(overdue: $overdue) { totalCount edges { node { id overdue } } }
}`;

const lead = user('priya');
const manager = user('ana');
const frontline = user('tom');
const officer = user('dee');
const otherLead = user('morgan');
const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;

type Policy = { agencyType: string; workingDays: number; setByOrganisation: boolean };
const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

let gw: Awaited<ReturnType<typeof testGateway>>;
let concernId: string;
beforeAll(async () => {
  gw = await testGateway();
  concernId = (
    await gw.sql<{ id: string }>(
      `select id from concern where subject_description like 'Older man living alone%'`,
    )
  )[0]!.id;
});
afterAll(() => gw.close());

const policies = async (who = lead) =>
  (await gw.graphql<{ referralResponsePolicies: Policy[] }>(POLICIES, {}, who)).data!
    .referralResponsePolicies;

describe('response policies', () => {
  it('are the defaults until set: one working day for children’s social care, two for adults', async () => {
    const all = await policies();
    expect(all).toHaveLength(10);
    expect(all.find((p) => p.agencyType === 'CHILDRENS_SOCIAL_CARE')).toMatchObject({
      workingDays: 1,
      setByOrganisation: false,
    });
    expect(all.find((p) => p.agencyType === 'ADULT_SOCIAL_CARE')).toMatchObject({ workingDays: 2 });
  });

  it('a manager sets one for their organisation only; audited', async () => {
    const set = await gw.graphql<{ setReferralResponsePolicy: Policy }>(
      SET,
      { input: { agencyType: 'ADULT_SOCIAL_CARE', workingDays: 3 } },
      manager,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setReferralResponsePolicy).toEqual({
      agencyType: 'ADULT_SOCIAL_CARE',
      workingDays: 3,
      setByOrganisation: true,
    });
    expect((await policies()).find((p) => p.agencyType === 'ADULT_SOCIAL_CARE')!.workingDays).toBe(3);
    expect((await policies(otherLead)).find((p) => p.agencyType === 'ADULT_SOCIAL_CARE')!.workingDays).toBe(
      2,
    );
    const audited = await gw.sql(
      `select entity_id, reason from audit_event where action = 'UPDATE' and entity_type = 'ReferralResponsePolicy'`,
    );
    expect(audited).toEqual([{ entity_id: RIVERSIDE, reason: 'ADULT_SOCIAL_CARE: 3 working days' }]);
  });

  it('refuses bad numbers field by field, saving nothing, and refuses those who may not set it', async () => {
    for (const workingDays of [-1, 31]) {
      const bad = await gw.graphql(SET, { input: { agencyType: 'POLICE', workingDays } }, lead);
      expect(code(bad)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad.errors)).toContain('workingDays');
    }
    for (const who of [frontline, officer]) {
      expect(code(await gw.graphql(SET, { input: { agencyType: 'POLICE', workingDays: 2 } }, who))).toBe(
        'FORBIDDEN',
      );
    }
    expect(await gw.sql(`select 1 from referral_response_policy where agency_type = 'POLICE'`)).toEqual([]);
  });
});

describe('a referral’s respondBy and overdue', () => {
  let referralId: string;

  it('is set when sent, from the sender’s policy at that moment, in working days', async () => {
    const sent = await gw.graphql<{
      referConcern: { id: string; sentAt: string; respondBy: string; overdue: boolean };
    }>(
      REFER,
      {
        input: {
          concernId,
          recipientOrganisationId: NORTHSHIRE,
          reason: 'Needs a care and support assessment.',
          legalBasis: 'CONSENT',
          summary: 'Older man, no heating or food.',
        },
      },
      lead,
    );
    expect(sent.errors).toBeUndefined();
    const { id, sentAt, respondBy, overdue } = sent.data!.referConcern;
    referralId = id;
    // Northshire is adult social care, for which Riverside set three working days above.
    expect(respondBy).toBe(workingDaysAfter(new Date(sentAt), 3).toISOString());
    expect(overdue).toBe(false);
  });

  it('is overdue for both sides once the date passes unanswered, and the lists filter on it', async () => {
    const sent = async (overdue?: boolean) =>
      (
        await gw.graphql<{ referralsSent: { edges: { node: { id: string; overdue: boolean } }[] } }>(
          SENT,
          { overdue },
          lead,
        )
      ).data!.referralsSent.edges.map((e) => e.node);
    const received = async (overdue?: boolean) =>
      (
        await gw.graphql<{ referralsReceived: { edges: { node: { id: string; overdue: boolean } }[] } }>(
          RECEIVED,
          { overdue },
          officer,
        )
      ).data!.referralsReceived.edges.map((e) => e.node);

    expect(await sent(true)).toEqual([]);
    expect(await received(false)).toEqual([{ id: referralId, overdue: false }]);

    await gw.sql(`update referral set respond_by = now() - interval '1 minute' where id = $1`, [referralId]);
    expect(await sent()).toEqual([{ id: referralId, overdue: true }]);
    expect(await sent(true)).toEqual([{ id: referralId, overdue: true }]);
    expect(await sent(false)).toEqual([]);
    expect(await received(true)).toEqual([{ id: referralId, overdue: true }]);
    expect(await received(false)).toEqual([]);
  });

  it('a referral the agency has decided (accepted or declined), or that was withdrawn, is not overdue; an acknowledgement alone does not stop the clock', () => {
    const past = new Date(Date.now() - 1000);
    expect(isOverdue({ status: 'SENT', respondBy: past })).toBe(true);
    expect(isOverdue({ status: 'ACKNOWLEDGED', respondBy: past })).toBe(true);
    for (const status of ['ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN'] as const) {
      expect(isOverdue({ status, respondBy: past }), status).toBe(false);
    }
    expect(isOverdue({ status: 'SENT', respondBy: null })).toBe(false);
  });

  it('raises one task for the sender’s safeguarding team, however many instances check at once', async () => {
    const em = () => gw.orm.em.fork() as EntityManager;
    const raised = await Promise.all([
      raiseOverdueTasks(em()),
      raiseOverdueTasks(em()),
      raiseOverdueTasks(em()),
    ]);
    expect(raised.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await raiseOverdueTasks(em())).toBe(0);

    const [respondBy] = await gw.sql<{ respond_by: Date }>(`select respond_by from referral where id = $1`, [
      referralId,
    ]);
    type Tasks = { tasks: { kind: string; sourceType: string; sourceId: string; dueAt: string }[] };
    const tasks = await gw.graphql<Tasks>(
      `{ tasks(status: OPEN) { kind sourceType sourceId dueAt } }`,
      {},
      lead,
    );
    expect(tasks.data!.tasks.filter((t) => t.kind === 'REFERRAL_OVERDUE')).toEqual([
      {
        kind: 'REFERRAL_OVERDUE',
        sourceType: 'Referral',
        sourceId: referralId,
        dueAt: respondBy!.respond_by.toISOString(),
      },
    ]);
    // Not the agency's task, nor another housing provider's.
    const elsewhere = await gw.sql(`select organisation_id from task where kind = 'REFERRAL_OVERDUE'`);
    expect(elsewhere).toEqual([{ organisation_id: RIVERSIDE }]);
  });

  it('marks the task done at the next check once the agency has decided', async () => {
    const em = () => gw.orm.em.fork() as EntityManager;
    const open = () =>
      gw.sql<{ status: string }>(
        `select status from task where kind = 'REFERRAL_OVERDUE' and source_id = $1`,
        [referralId],
      );
    expect(await open()).toEqual([{ status: 'OPEN' }]);
    await gw.sql(`update referral set status = 'ACKNOWLEDGED' where id = $1`, [referralId]);
    await raiseOverdueTasks(em());
    expect(await open()).toEqual([{ status: 'OPEN' }]); // acknowledged, not yet decided
    await gw.sql(`update referral set status = 'ACCEPTED' where id = $1`, [referralId]);
    await raiseOverdueTasks(em());
    expect(await open()).toEqual([{ status: 'DONE' }]);
    await gw.sql(`update referral set status = 'SENT' where id = $1`, [referralId]);
  });

  it('raises none for a referral not yet due', async () => {
    await gw.sql(`delete from task where kind = 'REFERRAL_OVERDUE'`);
    await gw.sql(`update referral set respond_by = now() + interval '1 hour' where id = $1`, [referralId]);
    expect(await raiseOverdueTasks(gw.orm.em.fork() as EntityManager)).toBe(0);
  });

  it('is checked by the gateway’s maintenance at start and then every hour', async () => {
    const HOUR = 60 * 60 * 1000;
    const overdueTasks = async () =>
      (await gw.sql(`select 1 from task where kind = 'REFERRAL_OVERDUE' and source_id = $1`, [referralId]))
        .length;
    await gw.sql(`update referral set respond_by = now() - interval '1 minute' where id = $1`, [referralId]);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const maintenance = startMaintenance(gw.orm, createLogger('silent'), 2 * HOUR);
    try {
      await maintenance.sealNow(); // runs after the check at start
      expect(await overdueTasks()).toBe(1);
      await gw.sql(`delete from task where kind = 'REFERRAL_OVERDUE'`);
      vi.advanceTimersByTime(HOUR - 1);
      await maintenance.sealNow();
      expect(await overdueTasks()).toBe(0);
      vi.advanceTimersByTime(1);
      await maintenance.sealNow();
      expect(await overdueTasks()).toBe(1);
    } finally {
      await maintenance.stop();
      vi.useRealTimers();
    }
  });
});
