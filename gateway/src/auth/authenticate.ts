import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { decodeJwt } from 'jose';
import { TtlCache } from '../common/ttl-cache.js';
import type { Config } from '../config.js';
import { ApiKey, IdentityProvider, PublicToken } from '../modules/access/credentials.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import type { Identity } from './identity.js';
import {
  createTokenVerifier,
  InvalidTokenError,
  type IdentityProviderRecord,
  type TokenVerifier,
  type VerifiedToken,
} from './tokens.js';

/**
 * How long a checked identity is trusted before the records are read again: a removed role or a
 * revoked public token stops working within this time on every instance. Deactivating a user or
 * revoking an API key through Doorstep is announced to every instance, which then forgets at once.
 */
export const IDENTITY_CACHE_MS = 15_000;

export interface Authenticator {
  /** Checks a bearer token's signature and claims. No database. Throws `InvalidTokenError`. */
  verify(token: string): Promise<VerifiedToken>;
  /**
   * Checks a verified token against the records, in the request's scope: the user exists in that
   * organisation and is active (roles are the user's, narrowed by the token), the public token is
   * not revoked, nor the API key a widget token was exchanged with. Throws `InvalidTokenError`.
   * Checked identities are kept `IDENTITY_CACHE_MS`; `fresh` reads the records regardless.
   */
  resolve(
    em: EntityManager | (() => EntityManager),
    token: VerifiedToken,
    options?: { fresh?: boolean },
  ): Promise<Identity>;
  /** Forgets every identity checked so far (a user was deactivated, a key revoked). */
  forget(): void;
}

export function createAuthenticator(orm: MikroORM, config: Config): Authenticator {
  const providers = new TtlCache<string, IdentityProviderRecord | null>(60_000);
  const identities = new TtlCache<string, Identity>(IDENTITY_CACHE_MS);
  const verified = new TtlCache<string, VerifiedToken>(60_000);

  // Providers are looked up before any organisation is known, so outside row-level security.
  const findProvider = async (issuer: string) => {
    const cached = providers.get(issuer);
    if (cached !== undefined) return cached ?? undefined;
    const row = await orm.em.fork().findOne(IdentityProvider, { issuer });
    const record = row
      ? {
          id: row.id,
          organisationId: row.organisation.id,
          issuer: row.issuer,
          jwksUri: row.jwksUri,
          audience: row.audience,
        }
      : null;
    providers.set(issuer, record);
    return record ?? undefined;
  };
  const verifier: TokenVerifier = createTokenVerifier(config.jwt, findProvider);

  async function staff(
    em: EntityManager,
    where: { id: string } | { externalSubject: string },
    token: VerifiedToken & { organisationId: string },
  ): Promise<Identity> {
    const user = await em.findOne(User, {
      ...where,
      organisation: token.organisationId,
      deactivatedAt: null,
    });
    if (!user) throw new InvalidTokenError('no such active user');
    const narrowed =
      token.kind === 'staff' && token.roles ? user.roles.filter((r) => token.roles!.includes(r)) : user.roles;
    if (narrowed.length === 0) throw new InvalidTokenError('the token names no role the user holds');
    return {
      kind: 'staff',
      userId: user.id,
      organisationId: token.organisationId,
      roles: narrowed,
      householdId: token.kind === 'staff' ? token.householdId : undefined,
    };
  }

  async function check(em: EntityManager, token: VerifiedToken): Promise<Identity> {
    if ((token.kind === 'staff' || token.kind === 'tenant') && token.apiKeyId) {
      const live = await em.count(ApiKey, {
        id: token.apiKeyId,
        organisation: token.organisationId,
        revokedAt: null,
      });
      if (!live) throw new InvalidTokenError('API key revoked');
    }
    switch (token.kind) {
      case 'staff':
        return staff(em, { id: token.userId }, token);
      case 'oidc':
        return staff(em, { externalSubject: token.subject }, token);
      case 'tenant':
        return {
          kind: 'tenant',
          tenantRef: token.tenantRef,
          organisationId: token.organisationId,
          householdId: token.householdId,
        };
      case 'public': {
        const live = await em.count(PublicToken, {
          id: token.publicTokenId,
          organisation: token.organisationId,
          revokedAt: null,
        });
        if (!live) throw new InvalidTokenError('public token revoked');
        return { kind: 'public', publicTokenId: token.publicTokenId, organisationId: token.organisationId };
      }
    }
  }

  return {
    // A token's signature and claims were checked once; the same token string is the same answer
    // until it expires (a revoked key or user is caught by `resolve`, not here).
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      const result = await verifier.verify(token);
      const expires = decodeJwt(token).exp;
      if (expires !== undefined) verified.set(token, result, expires * 1000 - Date.now());
      return result;
    },
    async resolve(em, token, options) {
      const key = JSON.stringify(token);
      const cached = options?.fresh ? undefined : identities.get(key);
      if (cached) return cached;
      const identity = await check(typeof em === 'function' ? em() : em, token);
      identities.set(key, identity);
      return identity;
    },
    forget: () => identities.clear(),
  };
}
