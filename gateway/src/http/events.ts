import type { MikroORM } from '@mikro-orm/postgresql';
import { decodeJwt } from 'jose';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/authenticate.js';
import { InvalidTokenError } from '../auth/tokens.js';
import type { Config } from '../config.js';
import type { EventListener, LiveEvent } from '../db/events.js';
import { inScope } from '../db/request-scope.js';
import { corsHeaders, OriginPolicy } from './cors.js';
import { errorBody } from './respond.js';

interface Subscriber {
  organisationId: string;
  userId: string;
  /** The API key the stream's widget token was exchanged with, if it was. */
  apiKeyId: string | undefined;
  res: ServerResponse;
}

const HEARTBEAT_MS = 25_000;

/**
 * GET /events: a member of staff's live events as server-sent events (`event: notification`, data
 * `{ id, kind, subjectType, subjectId }`). The token goes in the Authorization header, never in the
 * address, so read the stream with `fetch` (EventSource cannot send headers). The stream ends when
 * the token expires, and when access ends: at once when the user is deactivated or the token's API
 * key revoked (announced by `deactivateUser` and `revokeApiKey`), otherwise at the next check of the
 * token and user against the records (every `EVENTS_RECHECK_SECONDS`). Reconnect with a fresh token.
 * Events come from every gateway instance through PostgreSQL LISTEN/NOTIFY.
 */
export function createEventStream(
  orm: MikroORM,
  auth: Authenticator,
  listener: EventListener,
  origins: OriginPolicy,
  headers: Record<string, string>,
  sendJson: (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>) => void,
  config: Pick<Config, 'eventsRecheckSeconds'>,
) {
  const subscribers = new Set<Subscriber>();

  listener.on('event', (event: LiveEvent) => {
    for (const s of subscribers) {
      if (s.organisationId !== event.organisationId) continue;
      if (event.type === 'notification' && s.userId === event.recipientId) {
        s.res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      } else if (
        event.type === 'revoked' &&
        (s.userId === event.userId || (s.apiKeyId !== undefined && s.apiKeyId === event.apiKeyId))
      ) {
        s.res.end();
      }
    }
  });

  /** Who a presented token stands for now (`fresh`: read from the records, not remembered). */
  async function identify(presented: string, fresh = false) {
    const token = await auth.verify(presented);
    const identity = await inScope(orm, token.organisationId, (em) => auth.resolve(em, token, { fresh }));
    return { identity, apiKeyId: token.kind === 'staff' ? token.apiKeyId : undefined };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const crossOrigin = OriginPolicy.crossOrigin(req);
    const cors = crossOrigin && (await origins.anyAllows(crossOrigin)) ? corsHeaders(crossOrigin) : {};
    if (req.method !== 'GET') return sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use GET'), cors);
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let subscriber: Subscriber;
    let expiresAt: number | undefined;
    try {
      if (!presented) throw new InvalidTokenError('no token');
      const { identity, apiKeyId } = await identify(presented);
      if (identity.kind !== 'staff') {
        return sendJson(res, 403, errorBody('FORBIDDEN', 'Live events are for staff'), cors);
      }
      if (crossOrigin && !(await origins.allows(crossOrigin, identity.organisationId))) {
        return sendJson(
          res,
          403,
          errorBody('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep'),
        );
      }
      subscriber = { organisationId: identity.organisationId, userId: identity.userId, apiKeyId, res };
      expiresAt = decodeJwt(presented).exp;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      return sendJson(
        res,
        401,
        errorBody('UNAUTHENTICATED', 'The token is not valid or has expired. Sign in again.'),
        cors,
      );
    }

    res.writeHead(200, {
      ...headers,
      ...cors,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 5000\n\n: connected\n\n');
    subscribers.add(subscriber);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const expiry = expiresAt
      ? setTimeout(() => res.end(), Math.max(0, expiresAt * 1000 - Date.now()))
      : undefined;
    // A safety net for access ended without an announcement (a change made straight in the
    // database, a lost connection to it): any failure ends the stream, and the client reconnects.
    const recheck = setInterval(() => {
      identify(presented, true).then(
        ({ identity }) => {
          if (identity.kind !== 'staff' || identity.userId !== subscriber.userId) res.end();
        },
        () => res.end(),
      );
    }, config.eventsRecheckSeconds * 1000);
    const done = () => {
      subscribers.delete(subscriber);
      clearInterval(heartbeat);
      clearInterval(recheck);
      if (expiry) clearTimeout(expiry);
    };
    res.on('close', done);
  }

  return {
    handle,
    /** Ends every open stream (shutting down). */
    closeAll() {
      for (const s of subscribers) s.res.end();
      subscribers.clear();
    },
  };
}
