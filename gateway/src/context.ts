import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity, StaffIdentity } from './auth/identity.js';
import type { Config } from './config.js';
import type { LiveSource } from './graphql/live.js';
import type { CompiledReads } from './read/compiled.js';
import { ForbiddenError } from './errors.js';

/** Everything a resolver may use for one request. Built in server.ts. */
export interface Context {
  /**
   * The request's unit of work: one transaction as the unprivileged database role, with the
   * caller's organisation set for row-level security (see `db/request-scope.ts`). Committed before
   * the response is sent, so nothing is answered that was not stored, audit rows included.
   */
  em: EntityManager;
  /**
   * Set when the request is a query the compiled read path serves (`read/`): its root fields are
   * answered by compiled SQL on a connection of its own, and `em` is not open.
   */
  read?: CompiledReads;
  /** Undefined for a request without a token (only public operations accept that). */
  identity: Identity | undefined;
  requestId: string;
  /** The caller's network address, for rate limits. */
  clientAddress: string;
  config: Config;
  /** Set for a subscription: where its events come from (http/subscription-runner.ts). */
  live?: LiveSource;
}

/** A context whose caller is known: what the access rules guarantee to a resolver they let through. */
export type Caller = Pick<Context, 'requestId'> & { identity: Identity };

/** The caller of a field the access rules allowed: an identity is guaranteed there. */
export function callerOf(ctx: Context): Caller {
  if (!ctx.identity) throw new Error('callerOf used on a field without an access rule');
  return { identity: ctx.identity, requestId: ctx.requestId };
}

/** The caller as a member of staff, or FORBIDDEN: for work only staff do (grants, publishing). */
export function staffOf(caller: Caller): StaffIdentity {
  if (caller.identity.kind !== 'staff') throw new ForbiddenError();
  return caller.identity;
}
