import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../context.js';
import { audit } from '../modules/audit/audit.service.js';
import { testDatabase, user } from '../../test/harness.js';
import { seedDemo } from './demo.js';
import { commitScope, openScope } from './request-scope.js';

const lead = user('priya');

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
  await seedDemo(db.orm.em.fork());
});
afterAll(() => db.close());

const callerFor = (requestId: string): Caller => ({
  identity: {
    kind: 'staff',
    userId: lead.id,
    organisationId: lead.organisationId,
    roles: ['SAFEGUARDING_LEAD'],
  },
  requestId,
});

/** A request's unit of work that wrote its audit row, then met a failing statement it answered as a field error. */
async function abortedScope(requestId: string) {
  const em = await openScope(db.orm, lead.organisationId);
  audit(em, callerFor(requestId), 'READ', 'Person', [randomUUID()]);
  await em.flush();
  await expect(
    em.getConnection().execute('select 1 / 0', [], 'run', em.getTransactionContext()),
  ).rejects.toThrow(/division by zero/);
  return em;
}

const rowsOf = (requestId: string) => db.sql(`select id from audit_event where request_id = $1`, [requestId]);

describe('committing a request’s unit of work', () => {
  it('commits what it holds', async () => {
    const requestId = randomUUID();
    const em = await openScope(db.orm, lead.organisationId);
    audit(em, callerFor(requestId), 'READ', 'Person', [randomUUID()]);
    await commitScope(em);
    expect(await rowsOf(requestId)).toHaveLength(1);
  });

  it('fails, instead of rolling back in silence, when a statement in it failed', async () => {
    // What it guards against: PostgreSQL answers COMMIT on an aborted transaction with a ROLLBACK,
    // and the driver reports no error, so the audit row is gone without anyone being told.
    const silent = randomUUID();
    const plain = await abortedScope(silent);
    await expect(plain.commit()).resolves.toBeUndefined();
    expect(await rowsOf(silent)).toHaveLength(0);

    const requestId = randomUUID();
    const em = await abortedScope(requestId);
    await expect(commitScope(em)).rejects.toThrow(/current transaction is aborted/);
    await em.rollback();
    expect(await rowsOf(requestId)).toHaveLength(0);
  });
});
