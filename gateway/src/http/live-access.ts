import type { MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import type { Authenticator } from '../auth/authenticate.js';
import type { Identity } from '../auth/identity.js';
import { InvalidTokenError, type VerifiedToken } from '../auth/tokens.js';
import type { EventListener, LiveEvent } from '../db/events.js';
import { inScope } from '../db/request-scope.js';
import { corsHeaders, OriginPolicy } from './cors.js';
import { errorBody } from './respond.js';

/** Why a live stream's access ended: its token expired, or the user or API key lost access. */
export type AccessEnd = 'expired' | 'revoked';

export interface LiveAccessDeps {
  orm: MikroORM;
  auth: Authenticator;
  listener: EventListener;
  /** How often the token and user are checked against the records again (EVENTS_RECHECK_SECONDS). */
  recheckSeconds: number;
}

/** The bearer token of an `Authorization: Bearer …` value (header or graphql-ws connectionParams). */
export function bearerOf(value: unknown): string | undefined {
  return typeof value === 'string' ? /^Bearer\s+(\S+)$/i.exec(value)?.[1] : undefined;
}

/**
 * The access behind one open live stream (GET /events, a GraphQL subscription): who the token
 * stands for, kept checked while the stream is open. Access ends when the token expires (a timer),
 * at once when the user is deactivated or the token's API key revoked on any gateway instance (the
 * `revoked` event on the events channel), and otherwise at the next check of the token and user
 * against the records (every `recheckSeconds`: the safety net for a change made straight in the
 * database). Whoever holds it ends the stream when `onEnd` tells them.
 */
export class LiveAccess {
  #ended: AccessEnd | undefined;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #ends = new Set<(why: AccessEnd) => void>();
  readonly #onEvent = (event: LiveEvent) => {
    if (event.type !== 'revoked' || event.organisationId !== this.identity.organisationId) return;
    const userId = this.identity.kind === 'staff' ? this.identity.userId : undefined;
    if ((userId && userId === event.userId) || (this.apiKeyId && this.apiKeyId === event.apiKeyId)) {
      this.end('revoked');
    }
  };

  private constructor(
    private readonly deps: LiveAccessDeps,
    private readonly presented: string,
    readonly token: VerifiedToken,
    readonly identity: Identity,
    /** Seconds since the epoch when the token expires, if it does. */
    readonly expiresAt: number | undefined,
  ) {}

  /** The API key the token was exchanged with, if it was (revoking the key ends the stream). */
  get apiKeyId(): string | undefined {
    return this.token.kind === 'staff' ? this.token.apiKeyId : undefined;
  }

  get ended(): AccessEnd | undefined {
    return this.#ended;
  }

  /** Checks a presented token; throws InvalidTokenError if it is not (or no longer) valid. */
  static async open(deps: LiveAccessDeps, presented: string | undefined): Promise<LiveAccess> {
    if (!presented) throw new InvalidTokenError('no token');
    const { token, identity } = await LiveAccess.#identify(deps, presented, false);
    return new LiveAccess(deps, presented, token, identity, decodeJwt(presented).exp);
  }

  /** Who a presented token stands for now (`fresh`: read from the records, not remembered). */
  static async #identify(deps: LiveAccessDeps, presented: string, fresh: boolean) {
    const token = await deps.auth.verify(presented);
    const identity = await inScope(deps.orm, token.organisationId, (em) =>
      deps.auth.resolve(em, token, { fresh }),
    );
    return { token, identity };
  }

  /** Starts watching: the expiry timer, revocations, and the periodic check against the records. */
  watch(): this {
    this.deps.listener.on('event', this.#onEvent);
    if (this.expiresAt !== undefined) {
      const left = Math.max(0, this.expiresAt * 1000 - Date.now());
      this.#timers.push(setTimeout(() => this.end('expired'), left));
    }
    const recheck = setInterval(() => {
      LiveAccess.#identify(this.deps, this.presented, true).then(
        ({ identity }) => {
          if (!sameCaller(identity, this.identity)) this.end('revoked');
        },
        () => this.end(this.#expired() ? 'expired' : 'revoked'),
      );
    }, this.deps.recheckSeconds * 1000);
    this.#timers.push(recheck);
    return this;
  }

  onEnd(listener: (why: AccessEnd) => void): () => void {
    this.#ends.add(listener);
    return () => this.#ends.delete(listener);
  }

  /**
   * The caller as they are now, checked before each event is delivered: undefined (and the access
   * ended) if the token has expired or no longer stands for an active user or key. Checked
   * identities are kept a few seconds, and forgotten on every instance when access is withdrawn.
   */
  async current(): Promise<Identity | undefined> {
    if (this.#ended) return undefined;
    if (this.#expired()) return void this.end('expired');
    try {
      const identity = await this.deps.auth.resolve(() => this.deps.orm.em.fork(), this.token);
      if (sameCaller(identity, this.identity)) return identity;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
    }
    return void this.end('revoked');
  }

  #expired(): boolean {
    return this.expiresAt !== undefined && this.expiresAt * 1000 <= Date.now();
  }

  /** Ends the access (once) and tells whoever listens; stops watching. */
  end(why: AccessEnd): void {
    if (this.#ended) return;
    this.#ended = why;
    this.close();
    for (const listener of this.#ends) listener(why);
  }

  /** Stops watching (the stream closed). */
  close(): void {
    this.deps.listener.off('event', this.#onEvent);
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.length = 0;
  }
}

function sameCaller(a: Identity, b: Identity): boolean {
  if (a.kind !== b.kind || a.organisationId !== b.organisationId) return false;
  return a.kind !== 'staff' || b.kind !== 'staff' || a.userId === b.userId;
}

type SendJson = (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>) => void;

/**
 * The access of a live stream asked for over HTTP (GET /events, /graphql/stream): the bearer token
 * in the Authorization header (never the address), from a web page whose origin the caller's
 * organisation allows. A refusal is answered here (401, 403), and then the result is undefined;
 * `cors` are the headers the stream's answer carries.
 */
export async function openStreamAccess(
  deps: LiveAccessDeps,
  origins: OriginPolicy,
  sendJson: SendJson,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ access: LiveAccess; cors: Record<string, string> } | undefined> {
  const crossOrigin = OriginPolicy.crossOrigin(req);
  const cors = crossOrigin && (await origins.anyAllows(crossOrigin)) ? corsHeaders(crossOrigin) : {};
  let access: LiveAccess;
  try {
    access = await LiveAccess.open(deps, bearerOf(req.headers.authorization));
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    sendJson(
      res,
      401,
      errorBody('UNAUTHENTICATED', 'The token is not valid or has expired. Sign in again.'),
      cors,
    );
    return undefined;
  }
  if (crossOrigin && !(await origins.allows(crossOrigin, access.identity.organisationId))) {
    sendJson(res, 403, errorBody('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep'));
    return undefined;
  }
  return { access, cors };
}
