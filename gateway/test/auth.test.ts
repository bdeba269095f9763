import type { EntityManager } from '@mikro-orm/postgresql';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, signSessionToken, signToken } from '../src/auth/tokens.js';
import { createApiKey } from '../src/modules/access/credentials.service.js';
import { newKey, testGateway, user, validConcern } from './harness.js';

const LIST = '{ concerns { totalCount } }';
const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference }
}`;
const RAISE_PUBLIC = `mutation RaisePublic($key: String!, $input: PublicConcernInput!) {
  raisePublicConcern(idempotencyKey: $key, input: $input) { reference }
}`;

const lead = user('priya');
const champion = user('jo');
const frontline = user('tom');
const otherLead = user('morgan');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('a housing provider’s own sign-in (OpenID Connect)', () => {
  const issuer = 'https://login.riverside.example';
  const audience = 'doorstep-riverside';
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwksServer: http.Server;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256');
    stranger = await generateKeyPair('RS256');
    const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: 'riverside-1', alg: 'RS256', use: 'sig' };
    jwksServer = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const port = (jwksServer.address() as AddressInfo).port;
    await gw.sql(
      `insert into identity_provider (id, organisation_id, issuer, jwks_uri, audience, created_at)
       values (gen_random_uuid(), $1, $2, $3, $4, now())`,
      [lead.organisationId, issuer, `http://127.0.0.1:${port}/jwks`, audience],
    );
    await gw.sql(`update app_user set external_subject = 'riverside|priya' where id = $1`, [lead.id]);
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  const providerToken = (
    claims: { iss?: string; aud?: string; sub?: string; exp?: number },
    key = keys.privateKey,
    kid = 'riverside-1',
  ) =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setSubject(claims.sub ?? 'riverside|priya')
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(key);

  it('accepts the provider’s token for the user it names, with that user’s roles', async () => {
    const result = await gw.graphql<{ concerns: { totalCount: number } }>(
      LIST,
      {},
      { token: await providerToken({}) },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.concerns.totalCount).toBeGreaterThan(0);
  });

  it('refuses a wrong audience, an unknown issuer, a key not published, an unknown user and an expired token', async () => {
    const refused = [
      await providerToken({ aud: 'someone-else' }),
      await providerToken({ iss: 'https://login.unknown.example' }),
      await providerToken({}, stranger.privateKey),
      await providerToken({ sub: 'riverside|nobody' }),
      await providerToken({ exp: Math.floor(Date.now() / 1000) - 60 }),
    ];
    for (const token of refused) {
      const result = await gw.graphql(LIST, {}, { token });
      expect(result.status).toBe(401);
      expect(code(result)).toBe('UNAUTHENTICATED');
    }
  });
});

describe('Doorstep’s own tokens', () => {
  it('can narrow a user’s roles but never widen them', async () => {
    const narrowed = (
      await signSessionToken(gw.config.jwt, { ...champion, userId: champion.id, roles: ['FRONTLINE'] }, 600)
    ).token;
    expect(code(await gw.graphql(LIST, {}, { token: narrowed }))).toBe('FORBIDDEN');
    expect(code(await gw.graphql(LIST, {}, champion))).toBeUndefined();
    const widened = (
      await signSessionToken(
        gw.config.jwt,
        { ...frontline, userId: frontline.id, roles: ['SAFEGUARDING_LEAD'] },
        600,
      )
    ).token;
    const result = await gw.graphql(LIST, {}, { token: widened });
    expect(result.status).toBe(401);
  });

  it('stop working for a user who has left', async () => {
    await gw.sql(
      `insert into app_user (id, organisation_id, name, email, roles, created_at)
       values ('00000000-0000-4000-8000-00000000c0de', $1, 'Leaver', 'leaver@riverside.example', '{SAFEGUARDING_LEAD}', now())`,
      [lead.organisationId],
    );
    await gw.sql(
      `update app_user set deactivated_at = now() where id = '00000000-0000-4000-8000-00000000c0de'`,
    );
    const token = (
      await signSessionToken(
        gw.config.jwt,
        { userId: '00000000-0000-4000-8000-00000000c0de', organisationId: lead.organisationId },
        600,
      )
    ).token;
    expect((await gw.graphql(LIST, {}, { token })).status).toBe(401);
  });

  it('refuse a token naming a user of another organisation than its own', async () => {
    const token = (
      await signSessionToken(
        gw.config.jwt,
        { userId: lead.id, organisationId: otherLead.organisationId },
        600,
      )
    ).token;
    expect((await gw.graphql(LIST, {}, { token })).status).toBe(401);
  });

  it('refuse a widget token that lives longer than 15 minutes, and one with no expiry', async () => {
    for (const lifetimeSeconds of [16 * 60, undefined]) {
      const { token } = await signToken(gw.config.jwt, {
        audience: AUDIENCES.widget,
        subject: frontline.id,
        claims: { kind: 'staff', org: frontline.organisationId },
        ...(lifetimeSeconds ? { lifetimeSeconds } : {}),
      });
      expect((await gw.graphql(LIST, {}, { token })).status, String(lifetimeSeconds)).toBe(401);
    }
  });

  it('refuse an unsigned token and one signed with another secret', async () => {
    const unsigned =
      'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.' +
      Buffer.from(
        JSON.stringify({ sub: lead.id, org: lead.organisationId, iss: 'doorstep', aud: 'doorstep' }),
      ).toString('base64url') +
      '.';
    const forged = (
      await signSessionToken(
        { secret: new TextEncoder().encode('x'.repeat(40)), issuer: 'doorstep' },
        { userId: lead.id, organisationId: lead.organisationId },
        600,
      )
    ).token;
    for (const token of [unsigned, forged]) expect((await gw.graphql(LIST, {}, { token })).status).toBe(401);
  });
});

describe('the widget-token exchange', () => {
  let apiKey: string;
  beforeAll(async () => {
    apiKey = (await createApiKey(gw.orm.em.fork() as EntityManager, lead.organisationId, 'Staff portal')).key;
  });

  const exchange = (body: unknown, key: string | null = apiKey) =>
    fetch(`${gw.base}/auth/widget-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `ApiKey ${key}` } : {}) },
      body: JSON.stringify(body),
    });

  it('swaps a portal’s signed-in member of staff for a 15-minute widget token that works', async () => {
    const before = Date.now();
    const response = await exchange({ user: { email: frontline.email } });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { token: string; expiresAt: string; audience: string };
    expect(answer.audience).toBe('widget');
    expect(Date.parse(answer.expiresAt) - before).toBeLessThanOrEqual(15 * 60 * 1000 + 1000);
    const raised = await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, { token: answer.token });
    expect(raised.errors).toBeUndefined();
    const [grant] = await gw.sql(
      `select action, entity_type, entity_id, actor_kind from audit_event where entity_type = 'WidgetTokenForUser' order by id desc limit 1`,
    );
    expect(grant).toEqual({
      action: 'GRANT',
      entity_type: 'WidgetTokenForUser',
      entity_id: frontline.id,
      actor_kind: 'system',
    });
  });

  it('gives a tenant a token for the tenant forms only', async () => {
    const response = await exchange({ tenant: { reference: 'TEN-1001' } });
    const { token } = (await response.json()) as { token: string };
    const tenantRaise = await gw.graphql(
      RAISE_PUBLIC,
      {
        key: newKey(),
        input: {
          urgency: 'ROUTINE',
          aboutSelf: true,
          consent: 'GIVEN',
          subjectDescription: 'Me',
          location: 'Flat 9',
          whatHappened: 'My neighbour threatens me.',
        },
      },
      { token },
    );
    expect(tenantRaise.errors).toBeUndefined();
    expect(code(await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, { token }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await gw.graphql(LIST, {}, { token }))).toBe('FORBIDDEN');
  });

  it('refuses a missing, wrong or revoked key', async () => {
    expect((await exchange({ user: { email: frontline.email } }, null)).status).toBe(401);
    expect((await exchange({ user: { email: frontline.email } }, apiKey.slice(0, -2) + 'xx')).status).toBe(
      401,
    );
    const revoked = await createApiKey(gw.orm.em.fork() as EntityManager, lead.organisationId, 'Old portal');
    await gw.sql(`update api_key set revoked_at = now() where id = $1`, [revoked.id]);
    expect((await exchange({ user: { email: frontline.email } }, revoked.key)).status).toBe(401);
  });

  it('will not mint a token for another organisation’s user, a longer life, or widened roles', async () => {
    const foreign = await exchange({ user: { email: otherLead.email } });
    expect(foreign.status).toBe(404);
    expect(
      ((await foreign.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNKNOWN_USER');
    const long = await exchange({ user: { email: frontline.email }, lifetimeSeconds: 3600 });
    expect(long.status).toBe(400);
    const widened = await exchange({ user: { email: frontline.email }, roles: ['SAFEGUARDING_LEAD'] });
    expect(widened.status).toBe(403);
  });
});

describe('the widget-token exchange’s limit per API key', () => {
  let limited: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    limited = await testGateway({ widgetTokenLimitPerKey: 3 });
  });
  afterAll(() => limited.close());

  const exchangeWith = (key: string) =>
    fetch(`${limited.base}/auth/widget-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
      body: JSON.stringify({ user: { email: frontline.email } }),
    });

  it('refuses a key’s fourth token in a minute with RATE_LIMITED and a Retry-After; another key is counted apart', async () => {
    const em = () => limited.orm.em.fork() as EntityManager;
    const busy = (await createApiKey(em(), lead.organisationId, 'Busy portal')).key;
    const other = (await createApiKey(em(), lead.organisationId, 'Quiet portal')).key;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await exchangeWith(busy)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await exchangeWith(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[]; token?: string };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.token).toBeUndefined();
    expect((await exchangeWith(other)).status).toBe(200);
    // Three tokens granted with the busy key, one with the other: the refused one was not.
    const [granted] = await limited.sql<{ n: string }>(
      `select count(*) as n from audit_event where entity_type = 'WidgetTokenForUser'`,
    );
    expect(Number(granted!.n)).toBe(4);
  });
});
