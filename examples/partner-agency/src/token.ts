import { DoorstepError } from '@doorstep/client';
import type { Config } from './config.js';

interface Issued {
  token: string;
  expiresAt: string;
}

/**
 * POSTs to one of the gateway's token routes; its errors have GraphQL's shape
 * (`{ errors: [{ message, extensions: { code } }] }`) and become the same `DoorstepError`s.
 */
async function post(url: string, body: unknown, authorization?: string): Promise<Issued> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  } catch {
    throw new DoorstepError('NETWORK_ERROR', 'Could not reach Doorstep');
  }
  const answer = (await response.json().catch(() => undefined)) as
    (Partial<Issued> & { errors?: { message: string; extensions?: { code?: string } }[] }) | undefined;
  if (response.ok && answer?.token && answer.expiresAt)
    return { token: answer.token, expiresAt: answer.expiresAt };
  const error = answer?.errors?.[0];
  if (error) throw new DoorstepError(error.extensions?.code ?? 'UNAUTHENTICATED', error.message);
  if (response.status >= 500) {
    throw new DoorstepError('SERVICE_UNAVAILABLE', `Doorstep answered ${response.status}`);
  }
  throw new DoorstepError('UNAUTHENTICATED', `Doorstep gave no token (${response.status})`);
}

// #region token
/**
 * Where the program's bearer token comes from, as `request`'s `token` option: a function that
 * returns the current token and gets a new one a minute before it expires.
 *
 * - Production: the agency's system holds an API key Doorstep issued to the agency, and exchanges
 *   it at `/auth/widget-token` for a token of at most 15 minutes acting as one of the agency's
 *   Doorstep users (an agency officer), narrowed to the AGENCY_OFFICER role. Every exchange is in
 *   the audit trail; revoking the key stops its tokens at once.
 * - Development (no API key): a demo user's token from the gateway's `/dev/token`, which only a
 *   gateway in development mode has.
 */
export function tokenSource(config: Config): () => Promise<string> {
  let current: { token: string; renewAt: number } | undefined;
  const issue = () =>
    config.apiKey
      ? post(
          `${config.baseUrl}/auth/widget-token`,
          { user: { email: config.userEmail }, roles: ['AGENCY_OFFICER'] },
          `ApiKey ${config.apiKey}`,
        )
      : post(`${config.baseUrl}/dev/token`, { userId: config.demoUserId });
  return async () => {
    if (!current || Date.now() >= current.renewAt) {
      const { token, expiresAt } = await issue();
      current = { token, renewAt: Date.parse(expiresAt) - 60_000 };
    }
    return current.token;
  };
}
// #endregion token
