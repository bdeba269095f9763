import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import http from 'node:http';
import https from 'node:https';
import { isDatabaseUnavailable, unavailableCode } from '../../db/availability.js';
import type { Logger } from '../../logger.js';
import { isInternalAddress, publicOnlyLookup } from './webhook-address.js';
import { signatureHeader } from './webhook-signature.js';

/**
 * Delivers the webhook outbox (`webhook_delivery`), in every gateway instance, on the owner's
 * connection (like the audit sealer). Each poll claims due deliveries with `for update skip
 * locked` and a lease, so instances never send the same delivery at once, and a delivery claimed by
 * an instance that was killed is claimed again once its lease has run out: every event reaches
 * every endpoint at least once. Each attempt is POSTed, signed, with a time limit; any 2xx answer
 * delivers it, anything else is tried again after an exponentially growing, jittered delay, until
 * the last attempt. Each attempt is written to the delivery log (`webhook_attempt`). Logs hold ids,
 * status codes and error codes only.
 */
export interface DispatcherOptions {
  /** How long one attempt may take, whole (connect, send, the answer's status line). */
  timeoutMs: number;
  /** Refuse internal addresses at connection time (production). */
  publicOnly: boolean;
  /** How often to look for due deliveries (also after each batch that was not full). */
  pollMs?: number;
  /** The delay after the first failed attempt; it doubles after each (before jitter). */
  retryBaseMs?: number;
  /** The longest delay between attempts. */
  retryCapMs?: number;
  /** Attempts before a delivery is given up (FAILED). */
  maxAttempts?: number;
  /** Deliveries claimed (and sent at once) per poll. */
  batch?: number;
}

export const WEBHOOK_RETRY = { baseMs: 30_000, capMs: 6 * 60 * 60_000, maxAttempts: 12 } as const;

/**
 * The delay before attempt `failed + 1`, after `failed` failed attempts: base × 2^(failed−1),
 * at most `capMs`, then jittered to between 75% and 125% of that, so receivers that were down
 * together are not all retried in the same instant. `random` is for tests.
 */
export function retryDelayMs(
  failed: number,
  options: { baseMs?: number; capMs?: number } = {},
  random: () => number = Math.random,
): number {
  const base = options.baseMs ?? WEBHOOK_RETRY.baseMs;
  const cap = options.capMs ?? WEBHOOK_RETRY.capMs;
  const nominal = Math.min(base * 2 ** Math.max(failed - 1, 0), cap);
  return Math.round(nominal * (0.75 + 0.5 * random()));
}

interface Claimed {
  organisation_id: string;
  id: string;
  endpoint_id: string;
  event_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string | null;
  /** The secret before the last rotation, while it is still valid. */
  previous_secret: string | null;
  removed_at: string | null;
}

type Outcome = { status: number } | { error: string };

/** POSTs `body` to `url`; resolves with the answer's status or an error code, never rejects. */
export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; publicOnly: boolean },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // Node looks up names only: an address written in the URL is checked here.
    if (options.publicOnly && /^[\d.]+$|:/.test(host) && isInternalAddress(host)) {
      return resolve({ error: 'REFUSED_ADDRESS' });
    }
    const client = target.protocol === 'https:' ? https : http;
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = client.request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
      ...(options.publicOnly ? { lookup: publicOnlyLookup } : {}),
      agent: false,
    });
    const timer = setTimeout(() => {
      settle({ error: 'TIMEOUT' });
      request.destroy();
    }, options.timeoutMs);
    request.on('response', (response) => {
      response.resume(); // the answer's body is not read: only its status counts
      settle({ status: response.statusCode ?? 0 });
    });
    request.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? 'NETWORK_ERROR' }));
    request.end(body);
  });
}

/**
 * Claims up to `batch` due deliveries for `leaseSeconds`: those waiting for their next attempt
 * whose lease (if any) has run out, oldest first, skipping rows another instance is claiming at
 * this moment. Counts the attempt. Also a hot query (`bench/hot-queries.ts`): every instance runs it
 * every second.
 */
export function claimDue(em: EntityManager, batch: number, leaseSeconds: number): Promise<Claimed[]> {
  return em.getConnection().execute<Claimed[]>(
    // The rows locked above by their ctid (a direct fetch), and each one's endpoint by its key
    // (`limit 1` keeps it a lookup per row, never a join over the table): the plan does not
    // depend on the tables' sizes.
    `with due as (
           select ctid from webhook_delivery
            where state = 'PENDING' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
            order by next_attempt_at limit ?
            for update skip locked),
         claimed as (
           update webhook_delivery d
              set lease_until = now() + make_interval(secs => ?), attempts = d.attempts + 1
            where d.ctid = any(array(select ctid from due))
           returning d.organisation_id, d.id, d.endpoint_id, d.event_id, d.payload, d.attempts)
         select c.organisation_id, c.id, c.endpoint_id, c.event_id::text as event_id, c.payload, c.attempts,
                w.url, w.secret, w.removed_at,
                case when w.previous_secret_until > now() then w.previous_secret end as previous_secret
           from claimed c
           cross join lateral (
             select * from webhook_endpoint e where e.organisation_id = c.organisation_id and e.id = c.endpoint_id limit 1
           ) w`,
    [batch, leaseSeconds],
    'all',
    em.getTransactionContext(),
  );
}

export interface Dispatcher {
  /** Runs one poll now: claims, sends and records due deliveries. Resolves with how many were sent. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startWebhookDispatcher(
  orm: MikroORM,
  logger: Logger,
  options: DispatcherOptions,
): Dispatcher {
  const pollMs = options.pollMs ?? 1_000;
  const batch = options.batch ?? 10;
  const maxAttempts = options.maxAttempts ?? WEBHOOK_RETRY.maxAttempts;
  // Long enough for an attempt and its record; a killed instance's claims are free after it.
  const leaseSeconds = Math.ceil((options.timeoutMs * 2) / 1000) + 1;
  const em = () => orm.em.fork() as EntityManager;

  const claim = () => claimDue(em(), batch, leaseSeconds);

  const deliver = async (delivery: Claimed) => {
    const connection = em().getConnection();
    if (delivery.removed_at || !delivery.secret) {
      await connection.execute(
        `update webhook_delivery set state = 'CANCELLED', lease_until = null where organisation_id = ? and id = ?`,
        [delivery.organisation_id, delivery.id],
      );
      return;
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = [delivery.secret];
    if (delivery.previous_secret) secrets.push(delivery.previous_secret);
    const started = new Date();
    const outcome = await post(
      delivery.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'Doorstep-Webhooks/1',
        'doorstep-event-id': delivery.event_id,
        'doorstep-timestamp': String(timestamp),
        'doorstep-signature': signatureHeader(secrets, timestamp, body),
      },
      { timeoutMs: options.timeoutMs, publicOnly: options.publicOnly },
    );
    const durationMs = Date.now() - started.getTime();
    const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
    const giveUp = !ok && delivery.attempts >= maxAttempts;
    const next =
      ok || giveUp
        ? null
        : new Date(
            Date.now() +
              retryDelayMs(delivery.attempts, { baseMs: options.retryBaseMs, capMs: options.retryCapMs }),
          );
    const state = ok ? 'DELIVERED' : giveUp ? 'FAILED' : 'PENDING';
    await em().transactional(async (tx) => {
      const c = tx.getConnection();
      const ctx = tx.getTransactionContext();
      await c.execute(
        `insert into webhook_attempt (organisation_id, delivery_id, endpoint_id, event_id, event_type, attempt, at,
           http_status, error_code, duration_ms, ok, next_attempt_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          delivery.organisation_id,
          delivery.id,
          delivery.endpoint_id,
          delivery.event_id,
          String(delivery.payload.type ?? ''),
          delivery.attempts,
          started,
          'status' in outcome ? outcome.status : null,
          'error' in outcome ? outcome.error : null,
          durationMs,
          ok,
          next,
        ],
        'run',
        ctx,
      );
      // A delivery another instance already delivered (after this one's lease ran out) stays so.
      await c.execute(
        `update webhook_delivery
            set state = ?, lease_until = null, next_attempt_at = coalesce(?, next_attempt_at),
                delivered_at = case when ? then now() else delivered_at end
          where organisation_id = ? and id = ? and state = 'PENDING'`,
        [state, next, ok, delivery.organisation_id, delivery.id],
        'run',
        ctx,
      );
    });
    const fields = {
      endpointId: delivery.endpoint_id,
      eventId: delivery.event_id,
      attempt: delivery.attempts,
      ms: durationMs,
      ...('status' in outcome ? { status: outcome.status } : { code: outcome.error }),
    };
    if (ok) logger.info('webhook.delivered', fields);
    else if (giveUp) logger.warn('webhook.given_up', fields);
    else logger.info('webhook.retry', fields);
  };

  const runOnce = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const claimed = await claim();
      await Promise.all(
        claimed.map((delivery) =>
          deliver(delivery).catch((error: unknown) => {
            // Not recorded: the lease runs out and the delivery is tried again.
            logger.error('webhook.record_failed', { kind: (error as Error)?.constructor?.name });
          }),
        ),
      );
      sent += claimed.length;
      if (claimed.length < batch || stopped) return sent;
    }
  };

  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy || stopped) return;
    busy = true;
    running = runOnce()
      .catch((error: unknown) =>
        isDatabaseUnavailable(error)
          ? logger.warn('webhook.dispatch_deferred', { code: unavailableCode(error) })
          : logger.error('webhook.dispatch_failed', { kind: (error as Error)?.constructor?.name }),
      )
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, pollMs);
  timer.unref();
  tick();

  return {
    runOnce: () => {
      const run = running.then(runOnce);
      running = run.catch(() => undefined);
      return run;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
