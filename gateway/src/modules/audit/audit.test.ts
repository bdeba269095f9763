import type { EntityManager } from '@mikro-orm/postgresql';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, runTool, testGateway, user, validConcern } from '../../../test/harness.js';
import { sealAuditTrail, sealUntilCaughtUp, verifyAuditTrail } from './audit-chain.js';

const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference }
}`;
const LIST = `{ concerns(first: 5) { edges { node { id } } } }`;
const TRAIL = `query Trail($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id at actorKind actorUserId actorRef action entityType entityId requestId chainSeq } }
  }
}`;

const lead = user('priya');
const frontline = user('tom');
const auditor = user('sam');
const otherLead = user('morgan');

let gw: Awaited<ReturnType<typeof testGateway>>;
const owner = () => gw.orm.em.fork() as EntityManager;
const seal = () => sealAuditTrail(owner());
const verify = () => verifyAuditTrail(owner());

beforeAll(async () => {
  gw = await testGateway();
  // Activity in two organisations.
  for (let i = 0; i < 3; i++) {
    await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, frontline);
    await gw.graphql(LIST, {}, lead);
  }
  await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, otherLead);
  await gw.graphql(LIST, {}, otherLead);
});
afterAll(() => gw.close());

/** Runs SQL as the database owner with the append-only trigger off, as an attacker with full access would. */
const tamper = (sql: string, values: unknown[] = []) =>
  gw.sql(
    `alter table audit_event disable trigger audit_event_append_only;` +
      sql.replace(/\$(\d)/g, (_, n: string) => `'${String(values[Number(n) - 1])}'`) +
      `; alter table audit_event enable trigger audit_event_append_only;`,
  );

describe('the audit trail’s hash chain', () => {
  it('seals every row into its organisation’s chain, which then verifies', async () => {
    expect(await seal()).toBeGreaterThan(0);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, unsealed: 0 });
    const counts = await gw.sql<{ organisation_id: string; n: number; max: string }>(
      `select organisation_id, count(*)::int as n, max(chain_seq)::text as max from audit_event group by 1`,
    );
    expect(counts.length).toBe(2);
    for (const c of counts) expect(Number(c.max)).toBe(c.n); // places 1..n, no gaps
    expect(result.checked).toBe(counts.reduce((sum, c) => sum + c.n, 0));
  });

  it('keeps new rows unsealed until the sealer runs, then chains them after the last', async () => {
    await gw.graphql(LIST, {}, lead);
    expect((await verify()).unsealed).toBeGreaterThan(0);
    await seal();
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('seals each row once even when two sealers run at the same time', async () => {
    for (let i = 0; i < 5; i++) await gw.graphql(LIST, {}, lead);
    const [a, b] = await Promise.all([seal(), seal()]);
    expect(a + b).toBeGreaterThan(0);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('names the first row whose contents were changed', async () => {
    const [row] = await gw.sql<{ id: string; actor_ref: string }>(
      `select id::text, actor_ref from audit_event where organisation_id = $1 and chain_seq = 3`,
      [lead.organisationId],
    );
    await tamper(`update audit_event set actor_ref = 'someone-else' where id = $1`, [row!.id]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({
      organisationId: lead.organisationId,
      id: row!.id,
      chainSeq: '3',
    });
    expect(result.firstBad!.problem).toMatch(/changed/);
    await tamper(`update audit_event set actor_ref = $2 where id = $1`, [row!.id, row!.actor_ref]);
    expect((await verify()).ok).toBe(true);
  });

  it('notices a row that was deleted, and rows that were re-ordered', async () => {
    const [row] = await gw.sql<{ id: string }>(
      `select id::text from audit_event where organisation_id = $1 and chain_seq = 2`,
      [lead.organisationId],
    );
    const [copy] = await gw.sql<Record<string, unknown>>(`select * from audit_event where id = $1`, [
      row!.id,
    ]);
    await tamper(`delete from audit_event where id = $1`, [row!.id]);
    const deleted = await verify();
    expect(deleted.ok).toBe(false);
    expect(deleted.firstBad).toMatchObject({ chainSeq: '2' });
    expect(deleted.firstBad!.problem).toMatch(/missing/);

    // Put a different row in its place: the chain still breaks there.
    await tamper(
      `insert into audit_event (id, at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id, chain_seq, prev_hash, hash)
       select 999999, at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id, 2, prev_hash, hash
         from audit_event where organisation_id = $1 and chain_seq = 4`,
      [lead.organisationId],
    );
    const reordered = await verify();
    expect(reordered.ok).toBe(false);
    expect(reordered.firstBad).toMatchObject({ chainSeq: '2', id: '999999' });
    await tamper(`delete from audit_event where id = 999999`);
    await gw.sql(
      `alter table audit_event disable trigger audit_event_append_only;
       insert into audit_event select (json_populate_record(null::audit_event, $1::json)).*;
       alter table audit_event enable trigger audit_event_append_only;`.replace(
        '$1',
        `'${JSON.stringify(copy).replace(/'/g, "''")}'`,
      ),
    );
    expect((await verify()).ok).toBe(true);
  });

  it('refuses, even to the database owner, any change but sealing', async () => {
    const [sealed] = await gw.sql<{ id: string }>(
      `select id::text from audit_event where hash is not null limit 1`,
    );
    const attempts = [
      `update audit_event set reason = 'x' where id = ${sealed!.id}`,
      `update audit_event set hash = 'x' where id = ${sealed!.id}`,
      `delete from audit_event where id = ${sealed!.id}`,
      `truncate audit_event`,
    ];
    for (const sql of attempts) {
      await expect(gw.sql(sql), sql).rejects.toThrow(/append-only/);
    }
    expect((await verify()).ok).toBe(true);
  });
});

/** Runs the built `pnpm audit:verify` against the test database. */
const runVerify = (...args: string[]) =>
  runTool('audit-verify', args, {
    DATABASE_URL: gw.url,
    DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-verify'),
  });

describe('a backlog of unsealed rows', () => {
  /** `n` unsealed rows, written straight in, as a burst of requests would leave them. */
  const backlog = (n: number) =>
    gw.sql(
      `insert into audit_event (at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id)
       select now(), $1, 'staff', $2::uuid, $2::text, 'READ', 'Person', gen_random_uuid(), 'backlog-' || n
         from generate_series(1, $3::int) as n`,
      [lead.organisationId, lead.id, n],
    );

  it('is sealed in one run, a batch at a time, until the chain has caught up', async () => {
    await seal();
    await backlog(2_500);
    expect(await sealUntilCaughtUp(owner, { batch: 1_000 })).toBe(2_500);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('is left for the next run once the run’s time is up, and that run goes on from there', async () => {
    await backlog(2_500);
    expect(await sealUntilCaughtUp(owner, { batch: 1_000, budgetMs: 0 })).toBe(1_000);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 1_500 });
    expect(await sealUntilCaughtUp(owner, { batch: 1_000 })).toBe(1_500);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0 });
  });
});

describe('one row per record a request read', () => {
  it('however many times the answer names it (a member, a relative, a concern’s subject)', async () => {
    const [household] = await gw.sql<{ id: string }>(
      `select m.household_id as id from household_member m
         join person_relationship r on r.person_id = m.person_id
         join household_member o on o.person_id = r.related_person_id and o.household_id = m.household_id
        where m.organisation_id = $1 and m.left_on is null and o.left_on is null limit 1`,
      [lead.organisationId],
    );
    expect(household, 'the demo set has a household whose members are related').toBeDefined();
    const result = await gw.graphql(
      `query($id: ID!) { household(id: $id) {
         members { person { id relationships { relatedPerson { id } } } }
         concerns(first: 20) { edges { node { subjects { person { id } } } } } } }`,
      { id: household!.id },
      lead,
    );
    expect(result.errors).toBeUndefined();
    const rows = await gw.sql<{ entity_type: string; entity_id: string; n: number }>(
      `select entity_type, entity_id::text, count(*)::int as n from audit_event where request_id = $1 group by 1, 2`,
      [result.headers.get('x-request-id')],
    );
    const people = (result.data as { household: { members: { person: { id: string } }[] } }).household
      .members;
    expect(rows.filter((r) => r.entity_type === 'Person').map((r) => r.entity_id)).toEqual(
      expect.arrayContaining(people.map((m) => m.person.id)),
    );
    expect(rows.filter((r) => r.n > 1)).toEqual([]);
  });
});

describe('pnpm audit:verify (the built command)', () => {
  it('says the trail is intact, seals new rows when asked, and names the row someone changed', async () => {
    await gw.graphql(LIST, {}, lead);
    const sealing = await runVerify('--seal');
    expect(sealing.code).toBe(0);
    expect(sealing.stdout).toMatch(
      /^Sealed \d+ new rows\.\nAudit trail intact: [\d,]+ sealed rows checked\.\n$/,
    );

    const [row] = await gw.sql<{ id: string; reason: string | null }>(
      `select id::text, reason from audit_event where organisation_id = $1 and chain_seq = 5`,
      [lead.organisationId],
    );
    await tamper(`update audit_event set reason = 'nothing to see here' where id = $1`, [row!.id]);
    const tampered = await runVerify();
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(
      `Audit trail NOT intact. Organisation ${lead.organisationId}, place 5 in its chain (audit row ${row!.id}): its contents were changed after it was written.`,
    );
    await tamper(`update audit_event set reason = null where id = $1`, [row!.id]);
    expect((await runVerify()).code).toBe(0);
  });
});

describe('every read is audited in the same transaction', () => {
  it('answers nothing when its audit row cannot be written', async () => {
    await gw.sql(`revoke insert on audit_event from doorstep_app`);
    try {
      const result = await gw.graphql(LIST, {}, lead);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await gw.sql(`grant insert on audit_event to doorstep_app`);
    }
  });
});

describe('auditors', () => {
  type Trail = {
    auditEvents: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: Record<string, string | null> }[];
    };
  };

  it('read their organisation’s trail, newest first, filtered, a page at a time', async () => {
    const all = await gw.graphql<Trail>(TRAIL, { first: 100 }, auditor);
    expect(all.errors).toBeUndefined();
    const ids = all.data!.auditEvents.edges.map((e) => Number(e.node.id));
    expect(ids.length).toBeGreaterThan(5);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const creates = await gw.graphql<Trail>(
      TRAIL,
      { filter: { actions: ['CREATE'], entityType: 'Concern' } },
      auditor,
    );
    const nodes = creates.data!.auditEvents.edges.map((e) => e.node);
    const [{ n }] = (await gw.sql<{ n: number }>(
      `select count(*)::int as n from audit_event where organisation_id = $1 and action = 'CREATE' and entity_type = 'Concern'`,
      [lead.organisationId],
    )) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(3);
    expect(nodes.length).toBe(n);
    expect(nodes.every((node) => node.action === 'CREATE' && node.entityType === 'Concern')).toBe(true);
    expect(
      nodes.filter((node) => node.actorUserId === frontline.id && node.actorKind === 'STAFF').length,
    ).toBeGreaterThanOrEqual(3);
    const first = await gw.graphql<Trail>(TRAIL, { first: 2 }, auditor);
    const second = await gw.graphql<Trail>(
      TRAIL,
      { first: 2, after: first.data!.auditEvents.pageInfo.endCursor },
      auditor,
    );
    const a = first.data!.auditEvents.edges.map((e) => Number(e.node.id));
    const b = second.data!.auditEvents.edges.map((e) => Number(e.node.id));
    expect(Math.min(...a)).toBeGreaterThan(Math.max(...b));
  });

  it('see none of another organisation’s trail', async () => {
    const all = await gw.graphql<Trail>(TRAIL, { first: 100 }, auditor);
    const otherIds = await gw.sql<{ id: string }>(
      `select id::text from audit_event where organisation_id = $1`,
      [otherLead.organisationId],
    );
    expect(otherIds.length).toBeGreaterThan(0);
    const seen = new Set(all.data!.auditEvents.edges.map((e) => e.node.id));
    expect(otherIds.filter((r) => seen.has(r.id))).toEqual([]);
  });

  it('leave a trace of their own reading', async () => {
    await gw.graphql(TRAIL, {}, auditor);
    const rows = await gw.sql(
      `select action, entity_type, entity_id from audit_event where actor_user_id = $1 order by id desc limit 1`,
      [auditor.id],
    );
    expect(rows).toEqual([{ action: 'READ', entity_type: 'AuditTrail', entity_id: null }]);
  });

  it('are the only ones who read it', async () => {
    for (const who of [lead, frontline, otherLead]) {
      const result = await gw.graphql(TRAIL, {}, who);
      expect(result.errors?.[0]?.extensions?.code, who.email).toBe('FORBIDDEN');
    }
  });

  it('refuse a bad filter with BAD_USER_INPUT', async () => {
    const result = await gw.graphql(TRAIL, { filter: { entityId: 'nope' } }, auditor);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a chain cut short', () => {
  const lastRow = async (organisationId: string) =>
    (
      await gw.sql<{ id: string; seq: string }>(
        `select id::text, chain_seq::text as seq from audit_event
          where organisation_id = $1 and chain_seq is not null order by chain_seq desc limit 1`,
        [organisationId],
      )
    )[0]!;

  it('is caught against the heads of an earlier check, and a chain rewritten after the cut too', async () => {
    await gw.graphql(LIST, {}, lead);
    await seal();
    const before = await verify();
    expect(before.ok).toBe(true);
    const end = await lastRow(lead.organisationId);
    expect(before.heads[lead.organisationId]).toEqual({
      seq: end.seq,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await verifyAuditTrail(owner(), { since: before.heads })).ok).toBe(true);

    await tamper(`delete from audit_event where id = $1`, [end.id]);
    // On its own the shortened chain checks out: that is the limit a checkpoint closes.
    expect((await verify()).ok).toBe(true);
    const cut = await verifyAuditTrail(owner(), { since: before.heads });
    expect(cut.ok).toBe(false);
    expect(cut.firstBad).toMatchObject({ organisationId: lead.organisationId, chainSeq: end.seq, id: null });
    expect(cut.firstBad!.problem).toBe(
      `the chain ends at place ${BigInt(end.seq) - 1n}, but it reached place ${end.seq} at the last check: rows were removed from its end`,
    );

    // New activity sealed into the place of the removed row: the chain is whole again, but not the same.
    await gw.graphql(LIST, {}, lead);
    await seal();
    expect((await verify()).ok).toBe(true);
    const rewritten = await verifyAuditTrail(owner(), { since: before.heads });
    expect(rewritten.ok).toBe(false);
    expect(rewritten.firstBad).toMatchObject({ organisationId: lead.organisationId, chainSeq: end.seq });
    expect(rewritten.firstBad!.problem).toMatch(/not the row that ended the chain at the last check/);
  });

  it('is caught by pnpm audit:verify --checkpoint, which keeps the file as it was when a check fails', async () => {
    const file = path.join(os.tmpdir(), `doorstep-checkpoint-${process.pid}.json`);
    await rm(file, { force: true });
    try {
      const first = await runVerify('--seal', '--checkpoint', file);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`Where each chain ends now is in ${file}.`);
      const written = JSON.parse(await readFile(file, 'utf8')) as { heads: Record<string, { seq: string }> };
      const end = await lastRow(otherLead.organisationId);
      expect(written.heads[otherLead.organisationId]!.seq).toBe(end.seq);

      const again = await runVerify('--checkpoint', file);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/Every chain still reaches where it ended at the check of \d{4}-/);

      const kept = await readFile(file, 'utf8');
      await tamper(`delete from audit_event where id = $1`, [end.id]);
      const cut = await runVerify('--checkpoint', file);
      expect(cut.code).toBe(1);
      expect(cut.stdout).toContain(
        `Audit trail NOT intact. Organisation ${otherLead.organisationId}, place ${end.seq} in its chain: the chain ends at place`,
      );
      expect(await readFile(file, 'utf8')).toBe(kept);

      await writeFile(file, '{"heads": "nope"}');
      const garbled = await runVerify('--checkpoint', file);
      expect(garbled).toMatchObject({ code: 2 });
    } finally {
      await rm(file, { force: true });
    }
  });
});
