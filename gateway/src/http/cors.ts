import type { MikroORM } from '@mikro-orm/postgresql';
import type { IncomingMessage } from 'node:http';
import { TtlCache } from '../common/ttl-cache.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';

/**
 * Which web pages may call the API from a browser. Each organisation lists the origins that embed
 * its widgets (`organisation.allowed_origins`); the gateway's own pages are always allowed. A
 * preflight is answered for an origin any organisation lists; the request itself is then served
 * only if the caller's own organisation lists it.
 */
export class OriginPolicy {
  readonly #cache = new TtlCache<'all', Map<string, Set<string>>>(30_000);

  constructor(private readonly orm: MikroORM) {}

  /** origin → the organisations that allow it. Read outside row-level security: it is not personal data. */
  async #origins(): Promise<Map<string, Set<string>>> {
    const cached = this.#cache.get('all');
    if (cached) return cached;
    const map = new Map<string, Set<string>>();
    const organisations = await this.orm.em
      .fork()
      .find(Organisation, {}, { fields: ['id', 'allowedOrigins'] });
    for (const organisation of organisations) {
      for (const origin of organisation.allowedOrigins) {
        let set = map.get(origin);
        if (!set) map.set(origin, (set = new Set()));
        set.add(organisation.id);
      }
    }
    this.#cache.set('all', map);
    return map;
  }

  /** Forget the cached lists (after an organisation changes its own). */
  invalidate(): void {
    this.#cache.clear();
  }

  /** The request's Origin when it is another site's; undefined for same-origin or non-browser calls. */
  static crossOrigin(req: IncomingMessage): string | undefined {
    const origin = req.headers.origin;
    if (!origin || origin === 'null') return origin === 'null' ? 'null' : undefined;
    try {
      return new URL(origin).host === req.headers.host ? undefined : origin;
    } catch {
      return origin;
    }
  }

  async anyAllows(origin: string): Promise<boolean> {
    return (await this.#origins()).has(origin);
  }

  async allows(origin: string, organisationId: string): Promise<boolean> {
    return (await this.#origins()).get(origin)?.has(organisationId) ?? false;
  }
}

export const CORS_ALLOWED_HEADERS =
  'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';

export function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

export function preflightHeaders(origin: string): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '600',
  };
}
