import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  connectionOf,
  decodeIdCursor,
  encodeIdCursor,
  isUuid,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { NotFoundError, fieldError } from '../../errors.js';
import { checkWebhookUrl } from './webhook-address.js';
import { newWebhookSecret } from './webhook-signature.js';
import { WebhookAttempt, WebhookEndpoint } from './webhook.entity.js';

/**
 * An organisation's webhook endpoints and their delivery log. Used by the API (as the request's
 * database role, for the caller's organisation) and by `pnpm admin` (as the owner, with the
 * organisation set for the transaction the same way): both go through these, and both audit.
 */

/** How long the old secret still signs deliveries after a rotation. */
export const SECRET_OVERLAP_HOURS = 24;

/** An endpoint with its secret: the only time the secret is shown. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/** Sets the organisation for the rest of `em`'s transaction (what a request's scope does). */
export async function actAsOrganisation(em: EntityManager, organisationId: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      `select set_config('doorstep.organisation_id', ?, true)`,
      [organisationId],
      'run',
      em.getTransactionContext(),
    );
}

const sql = (em: EntityManager, query: string, params: unknown[]) =>
  em.getConnection().execute(query, params, 'run', em.getTransactionContext());

export async function addWebhookEndpoint(
  em: EntityManager,
  organisationId: string,
  rawUrl: unknown,
  publicOnly: boolean,
): Promise<EndpointWithSecret> {
  const url = await checkWebhookUrl(rawUrl, publicOnly);
  const secret = newWebhookSecret();
  const endpoint = new WebhookEndpoint();
  // Written by SQL: the entity never holds the secret, so nothing reads or logs it back.
  await sql(
    em,
    `insert into webhook_endpoint (organisation_id, id, url, secret, created_at) values (?, ?, ?, ?, ?)`,
    [organisationId, endpoint.id, url, secret, endpoint.createdAt],
  );
  return { endpoint: await activeEndpoint(em, organisationId, endpoint.id), secret };
}

export function listWebhookEndpoints(em: EntityManager, organisationId: string): Promise<WebhookEndpoint[]> {
  return em.find(
    WebhookEndpoint,
    { organisation: organisationId, removedAt: null },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
}

async function activeEndpoint(
  em: EntityManager,
  organisationId: string,
  id: unknown,
): Promise<WebhookEndpoint> {
  if (typeof id !== 'string' || !isUuid(id))
    throw fieldError('id', 'Not a webhook endpoint id', 'invalid_id');
  const found = await em.findOne(
    WebhookEndpoint,
    { organisation: organisationId, id, removedAt: null },
    { refresh: true },
  );
  if (!found) throw new NotFoundError('Webhook endpoint');
  return found;
}

/**
 * A new secret for an endpoint, shown once. Deliveries are signed with both the new and the old
 * one for `SECRET_OVERLAP_HOURS`, so the receiver can switch without missing any. The application
 * role cannot read the old secret to keep it, so the migration's `doorstep_rotate_webhook_secret`
 * (its own organisation's endpoints only) moves it.
 */
export async function rotateWebhookSecret(
  em: EntityManager,
  organisationId: string,
  id: unknown,
): Promise<EndpointWithSecret> {
  const endpoint = await activeEndpoint(em, organisationId, id);
  const secret = newWebhookSecret();
  await sql(em, `select doorstep_rotate_webhook_secret(?, ?, make_interval(hours => ?))`, [
    endpoint.id,
    secret,
    SECRET_OVERLAP_HOURS,
  ]);
  return { endpoint: await activeEndpoint(em, organisationId, endpoint.id), secret };
}

/** Stops deliveries to an endpoint and forgets its secrets; its delivery log stays. */
export async function removeWebhookEndpoint(
  em: EntityManager,
  organisationId: string,
  id: unknown,
): Promise<WebhookEndpoint> {
  const endpoint = await activeEndpoint(em, organisationId, id);
  await sql(
    em,
    `update webhook_endpoint set removed_at = now(), secret = null, previous_secret = null, previous_secret_until = null
      where organisation_id = ? and id = ?`,
    [organisationId, endpoint.id],
  );
  await em.refresh(endpoint);
  return endpoint;
}

/** The delivery log, newest attempt first: all, one endpoint's, and/or only failed attempts. */
export async function listWebhookAttempts(
  em: EntityManager,
  organisationId: string,
  filter: { endpointId?: string | null; failed?: boolean | null },
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<WebhookAttempt>> {
  const limit = pageSize(args.first);
  const where: FilterQuery<WebhookAttempt> = { organisation: organisationId };
  if (filter.endpointId !== null && filter.endpointId !== undefined) {
    if (!isUuid(filter.endpointId)) throw fieldError('endpointId', 'Not a webhook endpoint id', 'invalid_id');
    where.endpoint = [organisationId, filter.endpointId];
  }
  if (filter.failed !== null && filter.failed !== undefined) where.ok = !filter.failed;
  const page = args.after ? { ...where, id: { $lt: decodeIdCursor(args.after) } } : where;
  const rows = await em.find(WebhookAttempt, page, { orderBy: { id: 'desc' }, limit: limit + 1 });
  const totalCount = await em.count(WebhookAttempt, where);
  return connectionOf(rows, limit, totalCount, (node) => encodeIdCursor(node.id));
}

/**
 * Queues a referral event for every active endpoint of its two organisations, in the event's own
 * transaction (the outbox): the migration's `doorstep_queue_webhooks`, since row-level security
 * hides the other organisation's endpoints from the caller. Returns how many were queued.
 */
export async function queueWebhooks(
  em: EntityManager,
  organisationId: string,
  eventId: string,
): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ queued: number }[]>(
      `select doorstep_queue_webhooks(?, ?) as queued`,
      [organisationId, eventId],
      'all',
      em.getTransactionContext(),
    );
  return row?.queued ?? 0;
}

/** How long the delivery log keeps an attempt, and the outbox a delivery that is done. */
export const WEBHOOK_LOG_KEEP_DAYS = 30;

/**
 * Forgets attempts older than `WEBHOOK_LOG_KEEP_DAYS`, and deliveries made that long ago that are
 * done (delivered, given up or cancelled) and have no attempt left in the log. Hourly, with the
 * gateway's other clean-up (`db/maintenance.ts`), on the owner's connection.
 */
export async function purgeWebhookLog(em: EntityManager): Promise<void> {
  const connection = em.getConnection();
  await connection.execute(`delete from webhook_attempt where at < now() - make_interval(days => ?)`, [
    WEBHOOK_LOG_KEEP_DAYS,
  ]);
  await connection.execute(
    `delete from webhook_delivery d
      where d.state <> 'PENDING' and d.created_at < now() - make_interval(days => ?)
        and not exists (select 1 from webhook_attempt a where a.organisation_id = d.organisation_id and a.delivery_id = d.id)`,
    [WEBHOOK_LOG_KEEP_DAYS],
  );
}
