import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ROLES, storable } from '@doorstep/schema';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AUDIENCES, signToken, WIDGET_TOKEN_MAX_SECONDS } from '../../auth/tokens.js';
import { parseInput } from '../../common/input.js';
import { consume } from '../../common/rate-limit.js';
import type { Config } from '../../config.js';
import { publish } from '../../db/events.js';
import { inScope } from '../../db/request-scope.js';
import { DoorstepError } from '../../errors.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { ApiKey, PublicToken } from './credentials.entity.js';

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const KEY_FORMAT = /^dsk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Makes an API key for an organisation's portal back end. The key is returned once, never stored. */
export async function createApiKey(em: EntityManager, organisationId: string, label: string) {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  const row = em.create(ApiKey, {
    organisation: em.getReference(Organisation, organisationId),
    prefix,
    secretHash: digest(secret),
    label,
  });
  await em.flush();
  return { id: row.id, key: `dsk_${prefix}_${secret}` };
}

/**
 * Revokes an API key (as the database owner: the admin tool). Widget tokens exchanged with it stop
 * working, and live streams opened with them end, on every instance once `em`'s transaction commits.
 */
export async function revokeApiKey(em: EntityManager, key: ApiKey): Promise<void> {
  key.revokedAt ??= new Date();
  await em.flush();
  await publish(em, { type: 'revoked', organisationId: key.organisation.id, apiKeyId: key.id });
}

/** The live API key a presented key matches, compared in constant time; undefined otherwise. */
export async function findApiKey(em: EntityManager, presented: string): Promise<ApiKey | undefined> {
  const match = KEY_FORMAT.exec(presented);
  if (!match) return undefined;
  const row = await em.findOne(ApiKey, { prefix: match[1]!, revokedAt: null });
  if (!row) return undefined;
  const a = Buffer.from(row.secretHash, 'hex');
  const b = Buffer.from(digest(match[2]!), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? row : undefined;
}

/** Makes an organisation's public token (for its public forms). It does not expire; revoke it here. */
export async function createPublicToken(
  em: EntityManager,
  jwt: Config['jwt'],
  organisationId: string,
  label: string,
) {
  const row = em.create(PublicToken, { organisation: em.getReference(Organisation, organisationId), label });
  await em.flush();
  const { token } = await signToken(jwt, {
    audience: AUDIENCES.public,
    subject: row.id,
    claims: { org: organisationId },
  });
  return { id: row.id, token };
}

export class WidgetTokenError extends DoorstepError {}

const exchangeSchema = z
  .object({
    user: z
      .object({
        id: z.uuid({ error: 'Must be a Doorstep user id' }).optional(),
        email: z.email({ error: 'Must be an email address' }).optional(),
        externalSubject: z.string().min(1).max(200).check(storable()).optional(),
      })
      .refine((u) => [u.id, u.email, u.externalSubject].filter(Boolean).length === 1, {
        error: 'Give exactly one of id, email or externalSubject',
      })
      .optional(),
    tenant: z
      .object({
        reference: z
          .string({ error: 'Give the tenant site’s reference for the tenant' })
          .regex(/^[A-Za-z0-9._:@/-]{1,200}$/, { error: 'Use letters, digits and . _ : @ / - only' }),
      })
      .optional(),
    householdId: z.uuid({ error: 'Must be a household id' }).optional(),
    roles: z.array(z.enum(ROLES)).min(1).optional(),
    lifetimeSeconds: z
      .number()
      .int()
      .min(60, { error: 'At least 60 seconds' })
      .max(WIDGET_TOKEN_MAX_SECONDS, { error: `At most ${WIDGET_TOKEN_MAX_SECONDS} seconds` })
      .default(WIDGET_TOKEN_MAX_SECONDS),
  })
  .refine((b) => !!b.user !== !!b.tenant, { error: 'Give either user or tenant', path: ['user'] })
  .refine((b) => !(b.tenant && b.roles), { error: 'Roles are for staff only', path: ['roles'] });

export interface WidgetTokenAnswer {
  token: string;
  expiresAt: string;
  audience: string;
}

/**
 * The widget-token exchange: a portal's back end, holding an API key, swaps its signed-in user (a
 * member of staff known to Doorstep, or a tenant known by the portal's own reference) for a token
 * of at most 15 minutes with audience `widget`, optionally bound to one household. Audited.
 */
export async function exchangeWidgetToken(
  orm: MikroORM,
  config: Config,
  presentedKey: string | undefined,
  body: unknown,
  requestId: string,
): Promise<WidgetTokenAnswer> {
  const apiKey = presentedKey ? await findApiKey(orm.em.fork() as EntityManager, presentedKey) : undefined;
  if (!apiKey)
    throw new WidgetTokenError('UNAUTHENTICATED', 'The API key is missing, unknown or revoked', {
      http: { status: 401 },
    });
  const organisationId = apiKey.organisation.id;
  const input = parseInput(exchangeSchema, body);

  return inScope(orm, organisationId, async (em) => {
    await consume(em, [
      { key: `api-key:${apiKey.id}`, max: config.widgetTokenLimitPerKey, windowSeconds: 60 },
    ]);
    let subject: string;
    let claims: Record<string, unknown>;
    if (input.user) {
      const where = input.user.id
        ? { id: input.user.id }
        : input.user.email
          ? { email: input.user.email.toLowerCase() }
          : { externalSubject: input.user.externalSubject! };
      const user = await em.findOne(User, { ...where, organisation: organisationId, deactivatedAt: null });
      if (!user)
        throw new WidgetTokenError('UNKNOWN_USER', 'No active user of your organisation matches', {
          http: { status: 404 },
        });
      const roles = input.roles ? user.roles.filter((r) => input.roles!.includes(r)) : undefined;
      if (roles && roles.length === 0) {
        throw new WidgetTokenError('FORBIDDEN', 'The user holds none of the roles asked for', {
          http: { status: 403 },
        });
      }
      subject = user.id;
      claims = { kind: 'staff', org: organisationId, key: apiKey.id, ...(roles ? { roles } : {}) };
    } else {
      subject = input.tenant!.reference;
      claims = { kind: 'tenant', org: organisationId, key: apiKey.id };
    }
    if (input.householdId) claims.hh = input.householdId;
    const { token, expiresAt } = await signToken(config.jwt, {
      audience: AUDIENCES.widget,
      subject,
      claims,
      lifetimeSeconds: input.lifetimeSeconds,
    });
    em.create(AuditEvent, {
      organisationId,
      actorKind: 'system',
      actorUserId: null,
      actorRef: `api-key:${apiKey.id}`,
      action: 'GRANT',
      entityType: input.user ? 'WidgetTokenForUser' : 'WidgetTokenForTenant',
      entityId: input.user ? subject : null,
      reason: null,
      requestId,
    });
    await em.flush();
    return { token, expiresAt: expiresAt!.toISOString(), audience: AUDIENCES.widget };
  });
}
