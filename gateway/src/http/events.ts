import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveEvent } from '../db/events.js';
import { corsHeaders, OriginPolicy } from './cors.js';
import { openStreamAccess, type LiveAccessDeps } from './live-access.js';
import { errorBody } from './respond.js';

interface Subscriber {
  organisationId: string;
  userId: string;
  res: ServerResponse;
}

const HEARTBEAT_MS = 25_000;

/**
 * GET /events: a member of staff's live events as server-sent events (`event: notification`, data
 * `{ id, kind, subjectType, subjectId }`). The token goes in the Authorization header, never in the
 * address, so read the stream with `fetch` (EventSource cannot send headers). The stream ends when
 * the token expires, and when access ends: at once when the user is deactivated or the token's API
 * key revoked (announced by `deactivateUser` and `revokeApiKey`), otherwise at the next check of the
 * token and user against the records (every `EVENTS_RECHECK_SECONDS`; see `LiveAccess`). Reconnect
 * with a fresh token.
 * Events come from every gateway instance through PostgreSQL LISTEN/NOTIFY.
 */
export function createEventStream(
  deps: LiveAccessDeps,
  origins: OriginPolicy,
  headers: Record<string, string>,
  sendJson: (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>) => void,
) {
  const subscribers = new Set<Subscriber>();

  deps.listener.on('event', (event: LiveEvent) => {
    if (event.type !== 'notification') return;
    for (const s of subscribers) {
      if (s.organisationId === event.organisationId && s.userId === event.recipientId) {
        s.res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      }
    }
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET') {
      const origin = OriginPolicy.crossOrigin(req);
      const cors = origin && (await origins.anyAllows(origin)) ? corsHeaders(origin) : {};
      return sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use GET'), cors);
    }
    const opened = await openStreamAccess(deps, origins, sendJson, req, res);
    if (!opened) return;
    const { access, cors } = opened;
    const { identity } = access;
    if (identity.kind !== 'staff') {
      return sendJson(res, 403, errorBody('FORBIDDEN', 'Live events are for staff'), cors);
    }
    const subscriber: Subscriber = { organisationId: identity.organisationId, userId: identity.userId, res };

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
    // Expiry, a deactivation or revocation (announced or found at the next check): the stream ends,
    // and the client reconnects with a fresh token.
    access.onEnd(() => res.end());
    access.watch();
    res.on('close', () => {
      subscribers.delete(subscriber);
      clearInterval(heartbeat);
      access.close();
    });
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
