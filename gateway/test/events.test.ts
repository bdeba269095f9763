import type { EntityManager } from '@mikro-orm/postgresql';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/tokens.js';
import { createApiKey } from '../src/modules/access/credentials.service.js';
import { User } from '../src/modules/organisation/user.entity.js';
import { runTool, testGateway, user } from './harness.js';

/** Live event streams (GET /events) end when the access behind them ends, not at token expiry. */
const LIST = '{ notifications { totalCount } }';
const lead = user('priya');
const frontline = user('tom');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  // The periodic check is a minute away: what ends a stream here is the announcement.
  gw = await testGateway({ eventsRecheckSeconds: 60 });
});
afterAll(() => gw.close());

/** The built `pnpm admin`, against the test database. */
async function admin(...args: string[]) {
  const result = await runTool('admin', args, {
    DATABASE_URL: gw.url,
    JWT_SECRET: new TextDecoder().decode(gw.config.jwt.secret),
    DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-events-test'),
  });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout.trim();
}

/** A member of staff of their own, and a token for them. */
async function newStaff(email: string) {
  const em = gw.orm.em.fork();
  const staff = em.create(User, {
    organisation: lead.organisationId,
    name: 'Sam Hughes',
    email,
    roles: ['FRONTLINE'],
  });
  await em.flush();
  const { token } = await signSessionToken(
    gw.config.jwt,
    { userId: staff.id, organisationId: lead.organisationId },
    600,
  );
  return { id: staff.id, token };
}

/** A widget token for `email`, exchanged with `key` as a portal's back end does. */
async function widgetToken(key: string, email: string) {
  const response = await fetch(`${gw.base}/auth/widget-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
    body: JSON.stringify({ user: { email } }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

describe('a live event stream', () => {
  it('ends at once when its user is deactivated, and their token stops working; others stay open', async () => {
    const sam = await newStaff('sam.hughes@riverside.example');
    const leaving = await gw.listen({ token: sam.token });
    const staying = await gw.listen(lead);
    try {
      expect(leaving.response.status).toBe(200);
      expect(staying.response.status).toBe(200);
      expect((await gw.graphql(LIST, {}, { token: sam.token })).status).toBe(200);

      await admin('user:deactivate', '--email', 'sam.hughes@riverside.example');
      await expect.poll(() => leaving.ended(), { timeout: 5_000 }).toBe(true);
      // Not in 15 seconds, when the remembered identity would have run out: now.
      expect((await gw.graphql(LIST, {}, { token: sam.token })).status).toBe(401);
      expect((await gw.listen({ token: sam.token })).response.status).toBe(401);
      expect(staying.ended()).toBe(false);
      expect((await gw.graphql(LIST, {}, lead)).status).toBe(200);
    } finally {
      leaving.close();
      staying.close();
    }
  });

  it('ends at once when the API key its widget token came from is revoked, and the token stops working', async () => {
    const em = () => gw.orm.em.fork() as EntityManager;
    const revoked = await createApiKey(em(), lead.organisationId, 'Old portal');
    const kept = await createApiKey(em(), lead.organisationId, 'New portal');
    const fromRevoked = await widgetToken(revoked.key, frontline.email);
    const fromKept = await widgetToken(kept.key, lead.email);
    const ending = await gw.listen({ token: fromRevoked });
    const otherKey = await gw.listen({ token: fromKept });
    // The same member of staff, signed in otherwise: the key is revoked, not the user.
    const sameUser = await gw.listen(frontline);
    try {
      for (const stream of [ending, otherKey, sameUser]) expect(stream.response.status).toBe(200);
      expect((await gw.graphql(LIST, {}, { token: fromRevoked })).status).toBe(200);

      await admin('api-key:revoke', '--id', revoked.id);
      await expect.poll(() => ending.ended(), { timeout: 5_000 }).toBe(true);
      expect((await gw.graphql(LIST, {}, { token: fromRevoked })).status).toBe(401);
      expect((await gw.listen({ token: fromRevoked })).response.status).toBe(401);
      expect(otherKey.ended()).toBe(false);
      expect(sameUser.ended()).toBe(false);
      expect((await gw.graphql(LIST, {}, { token: fromKept })).status).toBe(200);
      expect((await gw.graphql(LIST, {}, frontline)).status).toBe(200);
    } finally {
      for (const stream of [ending, otherKey, sameUser]) stream.close();
    }
  });
});

describe('a live event stream’s periodic check', () => {
  let checked: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    checked = await testGateway({ eventsRecheckSeconds: 1 });
  });
  afterAll(() => checked.close());

  it('ends the stream of a user deactivated without an announcement (straight in the database)', async () => {
    const staying = await checked.listen(lead);
    const leaving = await checked.listen(frontline);
    try {
      expect(leaving.response.status).toBe(200);
      await checked.sql(`update app_user set deactivated_at = now() where id = $1`, [frontline.id]);
      await expect.poll(() => leaving.ended(), { timeout: 10_000 }).toBe(true);
      expect(staying.ended()).toBe(false);
    } finally {
      leaving.close();
      staying.close();
    }
  });
});
