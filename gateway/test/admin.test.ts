import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/tokens.js';
import { randomUUID } from 'node:crypto';
import { runTool, testGateway, user, validConcern } from './harness.js';

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

/** The built `pnpm admin`, against the test database. */
const admin = (...args: string[]) =>
  runTool('admin', args, {
    DATABASE_URL: gw.url,
    JWT_SECRET: new TextDecoder().decode(gw.config.jwt.secret),
    DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-admin-test'),
  });

const lead = user('priya');

describe('pnpm admin', () => {
  it('adds a member of staff who can then sign in, and deactivates them', async () => {
    const added = await admin(
      'user:add',
      '--org',
      'Riverside Homes',
      '--name',
      'Rhian Morgan',
      '--email',
      'Rhian.Morgan@riverside.example',
      '--role',
      'SAFEGUARDING_LEAD',
      '--role',
      'MANAGER',
    );
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.trim();
    const [row] = await gw.sql(`select email, roles, organisation_id from app_user where id = $1`, [id]);
    expect(row).toEqual({
      email: 'rhian.morgan@riverside.example',
      roles: ['SAFEGUARDING_LEAD', 'MANAGER'],
      organisation_id: lead.organisationId,
    });
    const rhian = { ...lead, id, email: 'rhian.morgan@riverside.example' };
    expect((await gw.graphql('{ concerns { totalCount } }', {}, rhian)).errors).toBeUndefined();

    expect((await admin('user:deactivate', '--email', 'rhian.morgan@riverside.example')).code).toBe(0);
    // A token the gateway has not seen (identities are cached 15 seconds: see docs/security.md).
    const fresh = await signSessionToken(
      gw.config.jwt,
      { userId: id, organisationId: lead.organisationId, roles: ['MANAGER'] },
      600,
    );
    expect(
      (await gw.graphql('{ warningsDueForReview { totalCount } }', {}, { token: fresh.token })).status,
    ).toBe(401);
    const [audit] = await gw.sql(
      `select action, actor_kind, entity_type from audit_event where entity_id = $1 order by id desc limit 1`,
      [id],
    );
    expect(audit).toEqual({ action: 'UPDATE', actor_kind: 'system', entity_type: 'User' });
  });

  it('adds a team, puts staff in it, and a concern they raise keeps the team they were in', async () => {
    const added = await admin('team:add', '--org', 'Riverside Homes', '--name', 'North patch');
    expect(added.code, added.stderr).toBe(0);
    const team = added.stdout.trim();
    expect((await admin('team:add', '--org', 'Riverside Homes', '--name', 'North patch')).code).toBe(2);
    const tom = user('tom');
    const moved = await admin('user:team', '--email', tom.email, '--team', 'North patch');
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toBe(`${tom.email}: North patch\n`);
    expect((await admin('teams', '--org', 'Riverside Homes')).stdout).toContain(
      `${team}  North patch  1 member\n`,
    );
    expect((await admin('user:team', '--email', tom.email, '--team', 'Nowhere')).code).toBe(2);

    const raised = await gw.graphql<{ raiseConcern: { reference: string } }>(
      `mutation($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }`,
      { key: randomUUID(), input: validConcern() },
      tom,
    );
    expect((await admin('user:team', '--email', tom.email, '--team', 'none')).stdout).toBe(
      `${tom.email}: no team\n`,
    );
    const [concern] = await gw.sql(`select team_id from concern where reference = $1`, [
      raised.data!.raiseConcern.reference,
    ]);
    expect(concern).toEqual({ team_id: team });
    const audits = await gw.sql(
      `select action, entity_type from audit_event where actor_kind = 'system' and entity_id in ($1, $2) order by id`,
      [team, tom.id],
    );
    expect(audits).toEqual([
      { action: 'CREATE', entity_type: 'Team' },
      { action: 'UPDATE', entity_type: 'User' },
      { action: 'UPDATE', entity_type: 'User' },
    ]);
  }, 120_000); // seven runs of the built program

  it('makes an API key that a portal can exchange, and revokes it', async () => {
    const made = await admin('api-key:create', '--org', lead.organisationId, '--label', 'Staff portal');
    expect(made.code, made.stderr).toBe(0);
    const key = made.stdout.trim();
    expect(key).toMatch(/^dsk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/not shown again/);
    const exchange = () =>
      fetch(`${gw.base}/auth/widget-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
        body: JSON.stringify({ user: { email: lead.email } }),
      });
    expect((await exchange()).status).toBe(200);
    const [stored] = await gw.sql<{ id: string; secret_hash: string }>(
      `select id, secret_hash from api_key order by created_at desc limit 1`,
    );
    expect(key).not.toContain(stored!.secret_hash);
    expect((await admin('api-key:revoke', '--id', stored!.id)).code).toBe(0);
    expect((await exchange()).status).toBe(401);
  });

  it('makes a public token that works for the public forms', async () => {
    const made = await admin('public-token:create', '--org', 'Riverside Homes', '--label', 'Tenant site');
    expect(made.code, made.stderr).toBe(0);
    const result = await gw.graphql(
      `mutation ($key: String!, $input: PublicConcernInput!) { raisePublicConcern(idempotencyKey: $key, input: $input) { reference } }`,
      {
        key: 'admin-test-public-0001',
        input: {
          urgency: 'ROUTINE',
          aboutSelf: false,
          subjectDescription: 'A neighbour',
          location: '2 Oak Row',
          whatHappened: 'Shouting every night.',
        },
      },
      { token: made.stdout.trim() },
    );
    expect(result.errors).toBeUndefined();
  });

  it('sets the web origins allowed to call the API, refusing anything that is not an origin', async () => {
    const set = await admin(
      'origins:set',
      '--org',
      'Riverside Homes',
      '--origin',
      'https://portal.riverside.example',
      '--origin',
      'https://tenants.riverside.example',
    );
    expect(set.code, set.stderr).toBe(0);
    const [row] = await gw.sql(`select allowed_origins from organisation where id = $1`, [
      lead.organisationId,
    ]);
    expect(row).toEqual({
      allowed_origins: ['https://portal.riverside.example', 'https://tenants.riverside.example'],
    });
    const bad = await admin(
      'origins:set',
      '--org',
      'Riverside Homes',
      '--origin',
      'https://portal.riverside.example/path',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a web origin/);
  });

  it('registers an identity provider, and refuses a key address that is not https', async () => {
    const http = await admin(
      'identity-provider:add',
      '--org',
      'Hillcrest Housing Trust',
      '--issuer',
      'https://login.hillcrest.example',
      '--jwks',
      'http://login.hillcrest.example/keys',
      '--audience',
      'doorstep',
    );
    expect(http.code).toBe(2);
    const ok = await admin(
      'identity-provider:add',
      '--org',
      'Hillcrest Housing Trust',
      '--issuer',
      'https://login.hillcrest.example',
      '--jwks',
      'https://login.hillcrest.example/keys',
      '--audience',
      'doorstep',
    );
    expect(ok.code, ok.stderr).toBe(0);
    const [row] = await gw.sql(`select issuer, jwks_uri from identity_provider where id = $1`, [
      ok.stdout.trim(),
    ]);
    expect(row).toEqual({
      issuer: 'https://login.hillcrest.example',
      jwks_uri: 'https://login.hillcrest.example/keys',
    });
  });

  it('adds, lists, rotates and removes an agency’s webhook endpoints, refusing an address that is not https', async () => {
    const org = 'Northshire Adult Social Care';
    const added = await admin(
      'webhook:add',
      '--org',
      org,
      '--url',
      'https://hooks.northshire.example/doorstep',
    );
    expect(added.code, added.stderr).toBe(0);
    const secret = added.stdout.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [endpoint] = await gw.sql<{ id: string; secret: string }>(
      `select id, secret from webhook_endpoint where url = 'https://hooks.northshire.example/doorstep'`,
    );
    expect(endpoint!.secret).toBe(secret);
    const listed = await admin('webhook:list', '--org', org);
    expect(listed.stdout).toContain(`${endpoint!.id}  https://hooks.northshire.example/doorstep`);
    expect(listed.stdout).not.toContain(secret);

    const rotated = await admin('webhook:rotate', '--org', org, '--id', endpoint!.id);
    expect(rotated.code, rotated.stderr).toBe(0);
    const [after] = await gw.sql<{ secret: string; previous_secret: string }>(
      `select secret, previous_secret from webhook_endpoint where id = $1`,
      [endpoint!.id],
    );
    expect(after).toEqual({ secret: rotated.stdout.trim(), previous_secret: secret });

    const removed = await admin('webhook:remove', '--org', org, '--id', endpoint!.id);
    expect(removed.code, removed.stderr).toBe(0);
    const [gone] = await gw.sql(
      `select removed_at is not null as removed, secret from webhook_endpoint where id = $1`,
      [endpoint!.id],
    );
    expect(gone).toEqual({ removed: true, secret: null });
    const audited = await gw.sql(
      `select action, actor_kind from audit_event where entity_type = 'WebhookEndpoint' and entity_id = $1 order by id`,
      [endpoint!.id],
    );
    expect(audited).toEqual([
      { action: 'CREATE', actor_kind: 'system' },
      { action: 'UPDATE', actor_kind: 'system' },
      { action: 'UPDATE', actor_kind: 'system' },
    ]);

    const plain = await admin('webhook:add', '--org', org, '--url', 'http://hooks.northshire.example/');
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      'admin webhook:add: --url: Must be an https:// address (http:// only to localhost, outside production)\n',
    );
  });

  it('explains its commands, and says plainly what is wrong', async () => {
    const help = await admin('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('api-key:create');
    const missing = await admin('user:add', '--org', 'Riverside Homes');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'admin user:add: --role is one or more of CONTRACTOR, FRONTLINE, SAFEGUARDING_CHAMPION, SAFEGUARDING_LEAD, MANAGER, AUDITOR, ADMIN, AGENCY_OFFICER\n',
    );
  });
});
