import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUDIENCES, signSessionToken, signToken, WIDGET_TOKEN_MAX_SECONDS } from '../auth/tokens.js';
import { isUuid } from '../common/pagination.js';
import type { Config } from '../config.js';
import { DEMO_ORGANISATIONS } from '../db/demo.js';
import { PublicToken } from '../modules/access/credentials.entity.js';
import { createPublicToken } from '../modules/access/credentials.service.js';
import { User } from '../modules/organisation/user.entity.js';
import { BodyTooLargeError, readBody } from './respond.js';

/**
 * Development only: lets the example pages act as a demo user, a demo tenant or the public. In
 * production these routes do not exist (the router never reaches them) and the provider's own
 * sign-in, its portal's back end (the widget-token exchange) and `pnpm admin` issue tokens.
 */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export async function listDemoUsers(em: EntityManager) {
  const users = await em.find(
    User,
    { deactivatedAt: null },
    { populate: ['organisation'], orderBy: { id: 'asc' } },
  );
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      roles: u.roles,
      organisation: { id: u.organisation.id, name: u.organisation.name },
    })),
  };
}

export async function issueDemoToken(em: EntityManager, config: Config, userId: unknown) {
  if (typeof userId !== 'string' || !isUuid(userId)) return null;
  const user = await em.findOne(User, { id: userId, deactivatedAt: null });
  if (!user) return null;
  const { token, expiresAt } = await signSessionToken(
    config.jwt,
    { userId: user.id, organisationId: user.organisation.id },
    DEV_TOKEN_LIFETIME_SECONDS,
  );
  return { token, expiresAt: expiresAt!.toISOString() };
}

/** The demo housing provider's public token for its public forms (made on first use). */
async function demoPublicToken(em: EntityManager, config: Config) {
  const organisationId = DEMO_ORGANISATIONS[0].id;
  const existing = await em.findOne(PublicToken, {
    organisation: organisationId,
    label: 'Demo public forms',
    revokedAt: null,
  });
  if (existing) {
    const { token } = await signToken(config.jwt, {
      audience: AUDIENCES.public,
      subject: existing.id,
      claims: { org: organisationId },
    });
    return { token };
  }
  return { token: (await createPublicToken(em, config.jwt, organisationId, 'Demo public forms')).token };
}

/** A widget token for a demo tenant of the demo housing provider, as its tenant site would get one. */
async function demoTenantToken(config: Config, reference: unknown, householdId: unknown) {
  if (typeof reference !== 'string' || !/^[A-Za-z0-9._:@/-]{1,200}$/.test(reference)) return null;
  if (householdId !== undefined && (typeof householdId !== 'string' || !isUuid(householdId))) return null;
  const { token, expiresAt } = await signToken(config.jwt, {
    audience: AUDIENCES.widget,
    subject: reference,
    claims: { kind: 'tenant', org: DEMO_ORGANISATIONS[0].id, ...(householdId ? { hh: householdId } : {}) },
    lifetimeSeconds: WIDGET_TOKEN_MAX_SECONDS,
  });
  return { token, expiresAt: expiresAt!.toISOString() };
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readBody(req, 10_000)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    return {};
  }
}

/** Routes under /dev/ (development mode only). The owner's connection: these run before any sign-in. */
export async function handleDev(
  orm: MikroORM,
  config: Config,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  sendJson: (res: ServerResponse, status: number, value: unknown) => void,
) {
  const em = orm.em.fork() as EntityManager;
  if (path === '/dev/users' && req.method === 'GET') return sendJson(res, 200, await listDemoUsers(em));
  if (path === '/dev/token' && req.method === 'POST') {
    const issued = await issueDemoToken(em, config, (await jsonBody(req)).userId);
    return issued ? sendJson(res, 200, issued) : sendJson(res, 404, { error: 'No such demo user' });
  }
  if (path === '/dev/public-token' && req.method === 'GET')
    return sendJson(res, 200, await demoPublicToken(em, config));
  if (path === '/dev/tenant-token' && req.method === 'POST') {
    const body = await jsonBody(req);
    const issued = await demoTenantToken(config, body.reference, body.householdId);
    return issued ? sendJson(res, 200, issued) : sendJson(res, 400, { error: 'Give a tenant reference' });
  }
  return sendJson(res, 404, { error: 'Not found' });
}
