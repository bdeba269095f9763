import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../error-codes.js';

export class BodyTooLargeError extends Error {}

/** Reads a request body up to `limit` bytes; throws `BodyTooLargeError` past it. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Security headers on every response. The Content-Security-Policy allows no inline script, and
 * `frame-ancestors` lists who may frame Doorstep's pages (configuration: FRAME_ANCESTORS).
 */
export function securityHeaders(frameAncestors: string): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-site',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'content-security-policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
      `object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ${frameAncestors}`,
  };
}

export type Send = (
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra?: Record<string, string>,
) => void;

export function sender(headers: Record<string, string>) {
  const send: Send = (res, status, body, type, extra = {}) => {
    res.writeHead(status, { ...headers, 'content-type': type, ...extra });
    res.end(body);
  };
  const sendJson = (
    res: ServerResponse,
    status: number,
    value: unknown,
    extra: Record<string, string> = {},
  ) =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', {
      'cache-control': 'no-store',
      ...extra,
    });
  return { send, sendJson };
}

/** An error body in the same shape as GraphQL's, for the routes beside /graphql. */
export const errorBody = (code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { code, ...extra } }],
});
