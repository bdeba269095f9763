import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScope } from '../src/db/request-scope.js';
import { DEMO_ORGANISATIONS, seedDemo } from '../src/db/demo.js';
import { Concern } from '../src/modules/concern/concern.entity.js';
import { SHARED_TABLES } from './distribution.js';
import { asApp as asAppIn, testDatabase, user } from './harness.js';

const riverside = user('priya');
const hillcrest = user('morgan');

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
  await seedDemo(db.orm.em.fork());
});
afterAll(() => db.close());

/** Runs statements as the application role for one organisation, in a transaction rolled back after. */
const asApp = <T>(organisationId: string, work: (client: pg.Client) => Promise<T>) =>
  asAppIn(db.url, organisationId, work);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { code?: string; message: string }) => error.code ?? error.message,
  );

/** Runs a statement in a savepoint: `ok <rows>`, or the error's code (the transaction goes on). */
const attempt = async (client: pg.Client, sql: string, params: readonly unknown[] = []) => {
  await client.query('savepoint attempt');
  try {
    const result = await client.query(sql, [...params]);
    await client.query('release savepoint attempt');
    return `ok ${result.rowCount}`;
  } catch (error) {
    await client.query('rollback to savepoint attempt');
    return (error as { code?: string }).code;
  }
};

describe('row-level security', () => {
  it('is on every organisation-owned table, and every other table says why it is shared', async () => {
    const tables = await db.sql<{ name: string; rls: boolean; org: boolean; policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls,
              exists (select 1 from information_schema.columns
                       where table_schema = 'public' and table_name = c.relname and column_name = 'organisation_id') as org,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'mikro_orm_migrations'`,
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      if (table.org) {
        expect(table.rls, `${table.name}: row-level security`).toBe(true);
        expect(table.policies, `${table.name}: policies`).toBeGreaterThan(0);
      } else {
        expect(
          Object.keys(SHARED_TABLES),
          `${table.name} has no organisation_id: isolate it or list why`,
        ).toContain(table.name);
      }
    }
  });

  it('gives the application role nothing on the migrations table, and no way to change the audit trail', async () => {
    const rows = await db.sql<{ table_name: string; privilege_type: string }>(
      `select table_name, privilege_type from information_schema.role_table_grants
        where grantee = 'doorstep_app' and (table_name = 'mikro_orm_migrations'
           or (table_name = 'audit_event' and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')))`,
    );
    expect(rows).toEqual([]);
  });

  it('hides, and refuses changes to, another organisation’s rows even for a query with no checks of its own', async () => {
    const [theirs] = await db.sql<{ id: string }>(
      `select id from concern where organisation_id = $1 limit 1`,
      [riverside.organisationId],
    );
    expect(theirs).toBeDefined();
    await asApp(hillcrest.organisationId, async (client) => {
      expect((await client.query('select * from concern')).rows).toEqual([]);
      expect(
        (await client.query('select * from app_user where organisation_id = $1', [riverside.organisationId]))
          .rows,
      ).toEqual([]);
      const updated = await client.query(`update concern set what_happened = 'changed' where id = $1`, [
        theirs!.id,
      ]);
      expect(updated.rowCount).toBe(0);
      expect((await client.query('select * from audit_event')).rows).toEqual([]);
    });
    // Writing a row into another organisation breaks the policy's check.
    const inserted = await asApp(hillcrest.organisationId, (client) =>
      failure(
        client.query(
          `insert into audit_event (at, organisation_id, actor_kind, actor_ref, action, entity_type, request_id)
           values (now(), $1, 'staff', 'x', 'READ', 'Concern', 'r')`,
          [riverside.organisationId],
        ),
      ),
    );
    expect(inserted).toBe('42501');
    const deleted = await asApp(riverside.organisationId, (client) =>
      failure(client.query('delete from concern')),
    );
    expect(deleted).toBe('42501');
    expect(
      Number(
        (await db.sql<{ n: string }>(`select count(*) as n from concern where what_happened = 'changed'`))[0]!
          .n,
      ),
    ).toBe(0);
  });

  it('keeps DASH checklists and capacity assessments to their organisation: not even a MARAC sees the rows', async () => {
    const [link] = await db.sql<{ concern_id: string; person_id: string }>(
      `select concern_id, person_id from concern_person where organisation_id = $1 and role = 'SUBJECT' limit 1`,
      [riverside.organisationId],
    );
    const checklist = randomUUID();
    const assessment = randomUUID();
    const row = [riverside.organisationId, link!.concern_id, link!.person_id, riverside.id];
    await db.sql(
      `insert into dash_checklist (organisation_id, id, concern_id, person_id, recorded_by_id, assessed_on, answers,
         score, level, police_callouts, incidents_in_last_12_months, marac_criteria, recorded_at, updated_at)
       values ($1, $5, $2, $3, $4, current_date, '[]', 14, 'HIGH', '[]', 0, '{VISIBLE_HIGH_RISK}', now(), now())`,
      [...row, checklist],
    );
    await db.sql(
      `insert into capacity_assessment (organisation_id, id, concern_id, person_id, recorded_by_id, decision, assessed_on,
         assessor_name, assessor_role, practicable_steps, impairment, reasons, lacks_capacity, recorded_at, updated_at)
       values ($1, $5, $2, $3, $4, 'Where to live', current_date, 'Sam', 'Social worker', 'Time', false, 'Weighed it', false, now(), now())`,
      [...row, assessment],
    );
    // Another housing provider, and the agency side (a MARAC reads only what a referral copied).
    for (const other of [hillcrest.organisationId, DEMO_ORGANISATIONS[2].id]) {
      await asApp(other, async (client) => {
        for (const table of ['dash_checklist', 'capacity_assessment']) {
          expect((await client.query(`select * from ${table}`)).rows, table).toEqual([]);
          expect(
            await attempt(client, `update ${table} set version = 9 where id = any($1)`, [
              [checklist, assessment],
            ]),
          ).toBe('ok 0');
        }
        expect(
          await attempt(
            client,
            `insert into dash_checklist (organisation_id, id, concern_id, person_id, recorded_by_id, assessed_on, answers,
               score, level, police_callouts, incidents_in_last_12_months, marac_criteria, recorded_at, updated_at)
             values ($1, $5, $2, $3, $4, current_date, '[]', 0, 'STANDARD', '[]', 0, '{}', now(), now())`,
            [...row, randomUUID()],
          ),
        ).toBe('42501');
      });
    }
    // Their own organisation reads and corrects them, and deletes neither.
    await asApp(riverside.organisationId, async (client) => {
      expect(await attempt(client, `update dash_checklist set version = 2 where id = $1`, [checklist])).toBe(
        'ok 1',
      );
      expect(await attempt(client, `delete from dash_checklist where id = $1`, [checklist])).toBe('42501');
      expect(await attempt(client, `delete from capacity_assessment where id = $1`, [assessment])).toBe(
        '42501',
      );
    });
  });

  it('keeps webhook endpoints, deliveries and attempts to their organisation, and never shows a secret', async () => {
    const endpoint = randomUUID();
    const delivery = randomUUID();
    await db.sql(
      `insert into webhook_endpoint (organisation_id, id, url, secret, created_at) values ($1, $2, 'https://hooks.example/', 'whsec_x', now())`,
      [riverside.organisationId, endpoint],
    );
    await db.sql(
      `insert into webhook_delivery (organisation_id, id, endpoint_id, event_id, payload, next_attempt_at, created_at)
       values ($1, $2, $3, 1, '{}', now(), now())`,
      [riverside.organisationId, delivery, endpoint],
    );
    await db.sql(
      `insert into webhook_attempt (organisation_id, delivery_id, endpoint_id, event_id, event_type, attempt, at, duration_ms, ok)
       values ($1, $2, $3, 1, 'referral.sent', 1, now(), 5, true)`,
      [riverside.organisationId, delivery, endpoint],
    );
    const tables = ['webhook_endpoint', 'webhook_delivery', 'webhook_attempt'];
    await asApp(hillcrest.organisationId, async (client) => {
      for (const table of tables) {
        expect((await client.query(`select organisation_id, id from ${table}`)).rows, table).toEqual([]);
      }
      const changed = await client.query(
        `update webhook_endpoint set url = 'https://evil.example/' where id = $1`,
        [endpoint],
      );
      expect(changed.rowCount).toBe(0);
      expect(
        await failure(
          client.query(
            `insert into webhook_endpoint (organisation_id, id, url, created_at) values ($1, $2, 'https://x.example/', now())`,
            [riverside.organisationId, randomUUID()],
          ),
        ),
      ).toBe('42501');
    });
    await asApp(riverside.organisationId, async (client) => {
      for (const table of tables)
        expect((await client.query(`select id from ${table}`)).rowCount, table).toBe(1);
      expect(await attempt(client, `select secret from webhook_endpoint`)).toBe('42501');
      expect(await attempt(client, `select previous_secret from webhook_endpoint`)).toBe('42501');
      // The outbox and the log are written by the dispatcher alone.
      expect(await attempt(client, `update webhook_delivery set state = 'DELIVERED'`)).toBe('42501');
      expect(await attempt(client, `delete from webhook_attempt`)).toBe('42501');
    });
  });

  it('keeps cases, their people, concerns, plan, notes, reviews and review policy to their organisation; notes are never changed', async () => {
    const org = riverside.organisationId;
    const caseId = randomUUID();
    const [person] = await db.sql<{ id: string }>(
      `select id from person where organisation_id = $1 limit 1`,
      [org],
    );
    const [concern] = await db.sql<{ id: string }>(
      `select id from concern where organisation_id = $1 limit 1`,
      [org],
    );
    await db.sql(
      `insert into safeguarding_case (organisation_id, id, lead_worker_id, opened_by_id, opened_at, review_every_weeks, next_review_due, desired_outcomes_status)
       values ($1, $2, $3, $3, now(), 4, now(), 'ASKED_NONE_EXPRESSED')`,
      [org, caseId, riverside.id],
    );
    await db.sql(
      `insert into case_person (organisation_id, id, case_id, person_id, ordinal) values ($1, $2, $3, $4, 0)`,
      [org, randomUUID(), caseId, person!.id],
    );
    await db.sql(
      `insert into case_concern (organisation_id, id, case_id, concern_id, attached_at) values ($1, $2, $3, $4, now())`,
      [org, randomUUID(), caseId, concern!.id],
    );
    await db.sql(
      `insert into case_action (organisation_id, id, case_id, what, who, due_on, created_by_id, created_at) values ($1, $2, $3, 'Visit', 'Jo', current_date, $4, now())`,
      [org, randomUUID(), caseId, riverside.id],
    );
    await db.sql(
      `insert into case_note (organisation_id, id, case_id, type, occurred_at, body, author_id, recorded_at) values ($1, $2, $3, 'CALL', now(), 'Rang', $4, now())`,
      [org, randomUUID(), caseId, riverside.id],
    );
    await db.sql(
      `insert into case_review (organisation_id, id, case_id, summary, desired_outcomes_changed, desired_outcomes_status, reviewed_by_id, reviewed_at)
       values ($1, $2, $3, 'Fine', false, 'ASKED_NONE_EXPRESSED', $4, now())`,
      [org, randomUUID(), caseId, riverside.id],
    );
    await db.sql(`insert into case_review_policy (organisation_id, review_every_weeks) values ($1, 2)`, [
      org,
    ]);
    const tables = [
      'safeguarding_case',
      'case_person',
      'case_concern',
      'case_action',
      'case_note',
      'case_review',
      'case_review_policy',
    ];
    await asApp(hillcrest.organisationId, async (client) => {
      for (const table of tables) {
        expect((await client.query(`select * from ${table}`)).rows, table).toEqual([]);
      }
      expect(
        await attempt(client, `update safeguarding_case set status = 'CLOSED' where id = $1`, [caseId]),
      ).toBe('ok 0');
      expect(await attempt(client, `update case_review set status = 'SIGNED_OFF'`)).toBe('ok 0');
      expect(
        await attempt(
          client,
          `insert into case_note (organisation_id, id, case_id, type, occurred_at, body, author_id, recorded_at) values ($1, $2, $3, 'CALL', now(), 'x', $4, now())`,
          [org, randomUUID(), caseId, riverside.id],
        ),
      ).toBe('42501');
    });
    await asApp(org, async (client) => {
      for (const table of tables) {
        expect((await client.query(`select * from ${table}`)).rows.length, table).toBeGreaterThan(0);
      }
      // What was written stays written: no note, link or case is changed or deleted by the application.
      expect(await attempt(client, `update case_note set body = 'changed'`)).toBe('42501');
      for (const table of [
        'safeguarding_case',
        'case_person',
        'case_concern',
        'case_action',
        'case_note',
        'case_review',
      ]) {
        expect(await attempt(client, `delete from ${table}`), table).toBe('42501');
      }
      expect(await attempt(client, `update case_person set ordinal = 1`)).toBe('42501');
    });
    await db.sql(`delete from case_review_policy where organisation_id = $1`, [org]);
  });

  it('keeps teams and the open periods of cases to their organisation; the application only reads them', async () => {
    const org = riverside.organisationId;
    const team = randomUUID();
    const caseId = randomUUID();
    await db.sql(
      `insert into team (organisation_id, id, name, created_at) values ($1, $2, 'Lettings', now())`,
      [org, team],
    );
    // Opening a case starts its first open period (a trigger, as the owner).
    await db.sql(
      `insert into safeguarding_case (organisation_id, id, lead_worker_id, opened_by_id, opened_at, review_every_weeks, next_review_due, desired_outcomes_status)
       values ($1, $2, $3, $3, now(), 4, now(), 'ASKED_NONE_EXPRESSED')`,
      [org, caseId, riverside.id],
    );
    await asApp(hillcrest.organisationId, async (client) => {
      expect((await client.query(`select * from team where id = $1`, [team])).rows).toEqual([]);
      expect(
        (await client.query(`select * from case_open_period where case_id = $1`, [caseId])).rows,
      ).toEqual([]);
    });
    await asApp(org, async (client) => {
      expect((await client.query(`select name from team where id = $1`, [team])).rows).toEqual([
        { name: 'Lettings' },
      ]);
      expect(
        (await client.query(`select * from case_open_period where case_id = $1`, [caseId])).rows,
      ).toHaveLength(1);
      expect(
        await attempt(
          client,
          `insert into team (organisation_id, id, name, created_at) values ($1, $2, 'x', now())`,
          [org, randomUUID()],
        ),
      ).toBe('42501');
      expect(await attempt(client, `update team set name = 'x'`)).toBe('42501');
      expect(await attempt(client, `update case_open_period set closed_at = now()`)).toBe('42501');
      expect(await attempt(client, `delete from case_open_period`)).toBe('42501');
      // Closing the case (as the application may) ends the period, through the trigger.
      expect(
        await attempt(
          client,
          `update safeguarding_case set status = 'CLOSED', closed_at = now() where id = $1`,
          [caseId],
        ),
      ).toBe('ok 1');
      const [period] = (
        await client.query(`select closed_at from case_open_period where case_id = $1`, [caseId])
      ).rows as { closed_at: Date | null }[];
      expect(period!.closed_at).not.toBeNull();
    });
  });

  it('sees nothing at all without an organisation', async () => {
    await asApp('', async (client) => {
      expect((await client.query('select * from concern')).rows).toEqual([]);
      expect((await client.query('select * from app_user')).rows).toEqual([]);
    });
  });

  it('backs the gateway: a request’s entity manager, asked for every concern, gets only its own', async () => {
    const em = await openScope(db.orm, hillcrest.organisationId);
    try {
      const all = await em.find(Concern, {});
      expect(all.every((c) => c.organisation.id === hillcrest.organisationId)).toBe(true);
      const [theirs] = await db.sql<{ id: string }>(
        `select id from concern where organisation_id = $1 limit 1`,
        [riverside.organisationId],
      );
      expect(await em.findOne(Concern, { id: theirs!.id })).toBeNull();
      em.create(Concern, {
        id: randomUUID(),
        reference: 'SG-1999-000001',
        organisation: riverside.organisationId,
        reporterKind: 'STAFF',
        urgency: 'ROUTINE',
        categories: [],
        subjectDescription: 'x',
        location: 'x',
        whatHappened: 'x',
        viewsStatus: 'ASKED_NONE_EXPRESSED',
        consentStatus: 'GIVEN',
      });
      expect(await failure(em.flush())).toMatch(/row-level security|42501/);
    } finally {
      await em.rollback().catch(() => undefined);
    }
  });

  describe('referrals: the sender’s rows, moved by the agency they were sent to', () => {
    const northshire = DEMO_ORGANISATIONS[2].id;
    const officer = user('dee');
    let referralId: string;
    let personId: string;
    let householdId: string;
    beforeAll(async () => {
      [{ personId, householdId }] = (await db.sql<{ personId: string; householdId: string }>(
        `select person_id as "personId", household_id as "householdId" from household_member
          where organisation_id = $1 limit 1`,
        [riverside.organisationId],
      )) as [{ personId: string; householdId: string }];
      referralId = randomUUID();
      const [concern] = await db.sql<{ id: string }>(
        `select id from concern where organisation_id = $1 limit 1`,
        [riverside.organisationId],
      );
      await db.sql(
        `insert into referral (organisation_id, id, recipient_organisation_id, concern_id, reason, legal_basis,
                               shared, status, version, person_ids, sent_by_id, sent_at)
         values ($1, $2, $3, $4, 'r', 'CONSENT', '{}', 'SENT', 1, '{}', $5, now())`,
        [riverside.organisationId, referralId, northshire, concern!.id, riverside.id],
      );
      // A committed move and message of the sender's, for the others to be kept from.
      await db.sql(
        `insert into referral_move (organisation_id, id, referral_id, "from", "to", by_organisation_id, by_user_id, by_name, at)
         values ($1, $2, $3, 'SENT', 'WITHDRAWN', $1, $4, 'x', now())`,
        [riverside.organisationId, randomUUID(), referralId, riverside.id],
      );
      await db.sql(
        `insert into referral_message (organisation_id, id, referral_id, body, by_organisation_id, by_user_id, by_name, sent_at)
         values ($1, $2, $3, 'x', $1, $4, 'x', now())`,
        [riverside.organisationId, randomUUID(), referralId, riverside.id],
      );
    });

    /** Runs one statement in a savepoint: its error code, or 'ok' and the rows it touched. */
    const move = (by: string, id = randomUUID()) =>
      [
        `insert into referral_move (organisation_id, id, referral_id, "from", "to", by_organisation_id, by_user_id, by_name, at)
       values ($1, $2, $3, 'SENT', 'ACKNOWLEDGED', $4, $5, 'x', now())`,
        [riverside.organisationId, id, referralId, by, officer.id],
      ] as const;
    const message = (by: string) =>
      [
        `insert into referral_message (organisation_id, id, referral_id, body, by_organisation_id, by_user_id, by_name, sent_at)
         values ($1, $2, $3, 'x', $4, $5, 'x', now())`,
        [riverside.organisationId, randomUUID(), referralId, by, officer.id],
      ] as const;
    const entry = (
      sourceType: string,
      sourceId: string,
      {
        kind = 'REFERRAL_ACKNOWLEDGED',
        personIds = [] as string[],
        householdId = null as string | null,
      } = {},
    ) =>
      [
        `insert into chronology_entry (organisation_id, id, kind, occurred_at, recorded_at, person_ids, source_type,
                                     source_id, summary, detail, household_id)
       values ($1, $2, $5, now(), now(), $6, $3, $4, 'x', '{}', $7)`,
        [riverside.organisationId, randomUUID(), sourceType, sourceId, kind, personIds, householdId],
      ] as const;

    it('lets the agency change its status and version, nothing else, and add moves and the sender’s chronology entry for it', async () => {
      await asApp(northshire, async (client) => {
        expect(
          await attempt(client, `update referral set status = 'ACKNOWLEDGED', version = 2 where id = $1`, [
            referralId,
          ]),
        ).toBe('ok 1');
        expect(
          await attempt(client, `update referral set reason = 'changed' where id = $1`, [referralId]),
        ).toBe('42501');
        expect(await attempt(client, `update referral set shared = '{}' where id = $1`, [referralId])).toBe(
          '42501',
        );
        expect(await attempt(client, ...move(northshire))).toBe('ok 1');
        // A move in another organisation's name.
        expect(await attempt(client, ...move(riverside.organisationId))).toBe('42501');
        expect(await attempt(client, ...message(northshire))).toBe('ok 1');
        expect(await attempt(client, ...message(riverside.organisationId))).toBe('42501');
        expect((await client.query('select id from referral_message')).rows).toHaveLength(2);
        expect((await client.query('select id from referral_move')).rows).toHaveLength(2);
        expect(await attempt(client, ...entry('Referral', referralId))).toBe('ok 1');
        // Anything else in the sender's chronology: refused; and it reads none of it.
        const [concern] = (await client.query<{ id: string }>('select concern_id as id from referral')).rows;
        expect(await attempt(client, ...entry('Concern', concern!.id))).toBe('42501');
        expect(await attempt(client, ...entry('Referral', randomUUID()))).toBe('42501');
        // About the referral, but not one of the agency's moves, or naming what the referral does not.
        expect(await attempt(client, ...entry('Referral', referralId, { kind: 'CONCERN_CLOSED' }))).toBe(
          '42501',
        );
        expect(await attempt(client, ...entry('Referral', referralId, { kind: 'REFERRAL_SENT' }))).toBe(
          '42501',
        );
        expect(await attempt(client, ...entry('Referral', referralId, { personIds: [personId] }))).toBe(
          '42501',
        );
        expect(await attempt(client, ...entry('Referral', referralId, { householdId }))).toBe('42501');
        expect((await client.query('select * from chronology_entry')).rows).toEqual([]);
      });
    });

    it('lets the lists’ filters and the batched threads read only the referrals sent to the agency', async () => {
      // Another of Riverside's referrals, to someone else, with a move of its own.
      const elsewhere = randomUUID();
      await db.sql(
        `insert into referral (organisation_id, id, recipient_organisation_id, concern_id, reason, legal_basis,
                               shared, status, version, person_ids, sent_by_id, sent_at)
         select organisation_id, $2, $3, concern_id, 'r', 'CONSENT', '{}', 'SENT', 1, '{}', sent_by_id, now()
           from referral where id = $1`,
        [referralId, elsewhere, hillcrest.organisationId],
      );
      await db.sql(
        `insert into referral_move (organisation_id, id, referral_id, "from", "to", by_organisation_id, by_user_id, by_name, at)
         values ($1, $2, $3, 'SENT', 'WITHDRAWN', $1, $4, 'x', now())`,
        [riverside.organisationId, randomUUID(), elsewhere, riverside.id],
      );
      await asApp(northshire, async (client) => {
        // Filtered by the sender: Riverside's referrals to Northshire, not its others.
        const bySender = await client.query(`select id from referral where organisation_id = $1`, [
          riverside.organisationId,
        ]);
        expect(bySender.rows).toEqual([{ id: referralId }]);
        // The batched read of a page's moves, asked for both: only the one sent here.
        const moves = await client.query<{ referral_id: string }>(
          `select distinct referral_id from referral_move where (organisation_id, referral_id) in (($1, $2), ($1, $3))`,
          [riverside.organisationId, referralId, elsewhere],
        );
        expect(moves.rows).toEqual([{ referral_id: referralId }]);
        // Never the records behind it.
        expect((await client.query('select id from concern')).rows).toEqual([]);
        expect((await client.query('select id from person')).rows).toEqual([]);
      });
      await asApp(hillcrest.organisationId, async (client) => {
        // Another provider filtering by the agency: none of Riverside's.
        expect(
          (await client.query(`select id from referral where recipient_organisation_id = $1`, [northshire]))
            .rows,
        ).toEqual([]);
      });
      await db.sql(`delete from referral_move where referral_id = $1`, [elsewhere]);
      await db.sql(`delete from referral where id = $1`, [elsewhere]);
    });

    it('gives another organisation nothing: no referral, no moves, no changes, no chronology entries', async () => {
      await asApp(riverside.organisationId, async (client) => {
        expect(await attempt(client, ...move(riverside.organisationId))).toBe('ok 1');
        expect(await attempt(client, ...message(riverside.organisationId))).toBe('ok 1');
      });
      await asApp(hillcrest.organisationId, async (client) => {
        expect((await client.query('select * from referral')).rows).toEqual([]);
        expect((await client.query('select * from referral_move')).rows).toEqual([]);
        expect((await client.query('select * from referral_message')).rows).toEqual([]);
        expect(
          await attempt(client, `update referral set status = 'WITHDRAWN' where id = $1`, [referralId]),
        ).toBe('ok 0');
        expect(await attempt(client, ...move(hillcrest.organisationId))).toBe('42501');
        expect(await attempt(client, ...message(hillcrest.organisationId))).toBe('42501');
        expect(await attempt(client, ...entry('Referral', referralId))).toBe('42501');
      });
      expect((await db.sql(`select status from referral where id = $1`, [referralId]))[0]).toEqual({
        status: 'SENT',
      });
    });
  });
});
