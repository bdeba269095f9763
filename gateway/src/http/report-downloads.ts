import type { MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { check } from '../auth/access.js';
import type { Authenticator } from '../auth/authenticate.js';
import { Permission } from '../auth/permissions.js';
import { InvalidTokenError } from '../auth/tokens.js';
import type { Context } from '../context.js';
import { commitScope, openScope } from '../db/request-scope.js';
import type { ErrorCode } from '../error-codes.js';
import { DoorstepError, isExpectedError } from '../errors.js';
import { exportReport } from '../modules/report/report-export.js';
import { corsHeaders, OriginPolicy, preflightHeaders } from './cors.js';
import { errorBody, type Send } from './respond.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  FORBIDDEN_ORIGIN: 403,
  NOT_FOUND: 404,
};

/** `?from=…&to=…&area=…&team=…&shared=true` as the `report` query's period. */
function periodOf(url: URL): Record<string, unknown> {
  const q = url.searchParams;
  const shared = q.get('shared');
  return {
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
    localAuthorityArea: q.get('area') ?? undefined,
    teamId: q.get('team') ?? undefined,
    shared: shared === null ? undefined : shared === 'true' ? true : shared === 'false' ? false : shared,
  };
}

/**
 * GET /reports/<name>.csv: a report as a CSV download, with the same bearer token, access rule
 * (managers and safeguarding leads of the organisation) and service as the `report` query. Refusals
 * are answered as JSON in GraphQL's error shape, with their HTTP status; nothing is written for one.
 */
export function createReportDownloads(
  deps: { orm: MikroORM; auth: Authenticator; origins: OriginPolicy },
  headers: Record<string, string>,
  send: Send,
  sendJson: (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>) => void,
) {
  return async function handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const origin = OriginPolicy.crossOrigin(req);
    const cors = origin && (await deps.origins.anyAllows(origin)) ? corsHeaders(origin) : {};
    if (req.method === 'OPTIONS' && origin && Object.keys(cors).length) {
      res.writeHead(204, { ...headers, ...preflightHeaders(origin) });
      return res.end();
    }
    if (req.method !== 'GET') return sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use GET'), cors);
    const name = /^\/reports\/([a-z0-9-]+)\.csv$/.exec(url.pathname)?.[1];
    if (!name) return sendJson(res, 404, errorBody('NOT_FOUND', 'Report not found'), cors);
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const refuse = (error: DoorstepError) =>
      sendJson(
        res,
        STATUS[error.extensions.code as ErrorCode] ?? 400,
        {
          errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }],
        },
        cors,
      );
    let em;
    try {
      if (!presented) throw new InvalidTokenError('no token');
      const token = await deps.auth.verify(presented);
      const identity = await deps.auth.resolve(() => deps.orm.em.fork(), token);
      if (origin && !(await deps.origins.allows(origin, token.organisationId))) {
        return sendJson(
          res,
          403,
          errorBody('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep'),
        );
      }
      check({ identity } as Context, Permission.ReportRead, { organisationId: identity.organisationId });
      em = await openScope(deps.orm, token.organisationId);
      const file = await exportReport(em, { identity, requestId }, name, periodOf(url));
      await commitScope(em);
      em = undefined;
      send(res, 200, file.content, 'text/csv; charset=utf-8', {
        ...cors,
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-request-id': requestId,
      });
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        return sendJson(
          res,
          401,
          errorBody('UNAUTHENTICATED', 'The token is not valid or has expired. Sign in again.'),
          cors,
        );
      }
      if (isExpectedError(error)) return refuse(error as DoorstepError);
      throw error;
    } finally {
      if (em) await em.rollback().catch(() => undefined);
    }
  };
}
