import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from './auth/identity.js';

/** Everything a resolver may use for one request. Built once per request in server.ts. */
export interface Context {
  /** A forked entity manager: its identity map lives and dies with the request. */
  em: EntityManager;
  /** Undefined for a request without a token (only public operations accept that). */
  identity: Identity | undefined;
  requestId: string;
}
