import { ROLES, type Role } from '@doorstep/schema';
import {
  SignJWT,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { z } from 'zod';
import type { Config } from '../config.js';

/**
 * Tokens Doorstep accepts:
 * - its own, signed with the configured secret (HS256), issuer `config.jwt.issuer`, and one of three
 *   audiences: `doorstep` (a staff session: development sign-in, `pnpm demo-token`), `widget` (minted
 *   for a portal's signed-in user by the widget-token exchange; 15 minutes at most), `public` (an
 *   organisation's public token for the public forms, revocable);
 * - a housing provider's own OpenID Connect sign-in: issuer and JWKS address registered for that
 *   organisation (`identity_provider`), checked against the provider's published keys.
 */
export const AUDIENCES = { session: 'doorstep', widget: 'widget', public: 'public' } as const;
export const WIDGET_TOKEN_MAX_SECONDS = 15 * 60;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** What a token says, checked cryptographically; `resolveIdentity` then checks it against the records. */
export type VerifiedToken =
  | {
      kind: 'staff';
      userId: string;
      organisationId: string;
      /** The token may narrow the user's roles; never widen them. */
      roles: readonly Role[] | undefined;
      householdId: string | undefined;
      /** A widget token's API key: revoking the key ends the token. */
      apiKeyId?: string | undefined;
    }
  | { kind: 'oidc'; providerId: string; organisationId: string; subject: string }
  | {
      kind: 'tenant';
      tenantRef: string;
      organisationId: string;
      householdId: string | undefined;
      apiKeyId?: string | undefined;
    }
  | { kind: 'public'; publicTokenId: string; organisationId: string };

const roles = z.array(z.enum(ROLES)).min(1).optional();
const sessionClaims = z.object({ sub: z.uuid(), org: z.uuid(), roles });
/** `key`: the API key the widget token was exchanged with (tokens made otherwise have none). */
const widgetClaims = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    sub: z.uuid(),
    org: z.uuid(),
    roles,
    hh: z.uuid().optional(),
    key: z.uuid().optional(),
  }),
  z.object({
    kind: z.literal('tenant'),
    sub: z.string().min(1).max(200),
    org: z.uuid(),
    hh: z.uuid().optional(),
    key: z.uuid().optional(),
  }),
]);
const publicClaims = z.object({ sub: z.uuid(), org: z.uuid() });

/** A registered OpenID Connect provider: whose sign-in it is, and how to check its tokens. */
export interface IdentityProviderRecord {
  id: string;
  organisationId: string;
  issuer: string;
  jwksUri: string;
  audience: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/**
 * Verifies bearer tokens. `findProvider` looks an issuer up among the registered identity
 * providers (cached by the caller); each provider's key set is fetched once and cached by jose.
 */
export function createTokenVerifier(
  jwt: Config['jwt'],
  findProvider: (issuer: string) => Promise<IdentityProviderRecord | undefined>,
): TokenVerifier {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keySetFor = (provider: IdentityProviderRecord) => {
    let keys = keySets.get(provider.jwksUri);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(provider.jwksUri), {
        timeoutDuration: 5_000,
        cooldownDuration: 30_000,
      });
      keySets.set(provider.jwksUri, keys);
    }
    return keys;
  };

  async function verifyOwn(token: string): Promise<VerifiedToken> {
    const { payload } = await jwtVerify(token, jwt.secret, {
      issuer: jwt.issuer,
      audience: Object.values(AUDIENCES),
      algorithms: ['HS256'],
      requiredClaims: ['sub', 'iat'],
    });
    const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (audience.length !== 1) throw new InvalidTokenError('one audience expected');
    switch (audience[0]) {
      case AUDIENCES.session: {
        if (payload.exp === undefined) throw new InvalidTokenError('a session token must expire');
        const claims = sessionClaims.parse(payload);
        return {
          kind: 'staff',
          userId: claims.sub,
          organisationId: claims.org,
          roles: claims.roles,
          householdId: undefined,
        };
      }
      case AUDIENCES.widget: {
        if (payload.exp === undefined || payload.exp - payload.iat! > WIDGET_TOKEN_MAX_SECONDS) {
          throw new InvalidTokenError('a widget token lives 15 minutes at most');
        }
        const claims = widgetClaims.parse(payload);
        return claims.kind === 'staff'
          ? {
              kind: 'staff',
              userId: claims.sub,
              organisationId: claims.org,
              roles: claims.roles,
              householdId: claims.hh,
              apiKeyId: claims.key,
            }
          : {
              kind: 'tenant',
              tenantRef: claims.sub,
              organisationId: claims.org,
              householdId: claims.hh,
              apiKeyId: claims.key,
            };
      }
      case AUDIENCES.public: {
        const claims = publicClaims.parse(payload);
        return { kind: 'public', publicTokenId: claims.sub, organisationId: claims.org };
      }
      default:
        throw new InvalidTokenError('unknown audience');
    }
  }

  async function verifyProvider(token: string, unverified: JWTPayload): Promise<VerifiedToken> {
    const provider = unverified.iss ? await findProvider(unverified.iss) : undefined;
    if (!provider) throw new InvalidTokenError('unknown issuer');
    const { payload } = await jwtVerify(token, keySetFor(provider), {
      issuer: provider.issuer,
      audience: provider.audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      requiredClaims: ['sub', 'exp'],
    });
    return {
      kind: 'oidc',
      providerId: provider.id,
      organisationId: provider.organisationId,
      subject: payload.sub!,
    };
  }

  return {
    async verify(token) {
      try {
        const unverified = decodeJwt(token);
        return unverified.iss === jwt.issuer
          ? await verifyOwn(token)
          : await verifyProvider(token, unverified);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (
          error instanceof joseErrors.JOSEError ||
          error instanceof z.ZodError ||
          error instanceof TypeError
        ) {
          throw new InvalidTokenError('invalid token');
        }
        throw error;
      }
    },
  };
}

interface SignOptions {
  audience: (typeof AUDIENCES)[keyof typeof AUDIENCES];
  subject: string;
  claims: Record<string, unknown>;
  /** Omitted: the token does not expire (public tokens, which are revoked in the database instead). */
  lifetimeSeconds?: number;
}

/** Signs a token of Doorstep's own. */
export async function signToken(
  jwt: Config['jwt'],
  options: SignOptions,
): Promise<{ token: string; expiresAt: Date | null }> {
  const now = Math.floor(Date.now() / 1000);
  let builder = new SignJWT(options.claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(jwt.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now);
  const expiresAt =
    options.lifetimeSeconds === undefined ? null : new Date((now + options.lifetimeSeconds) * 1000);
  if (expiresAt) builder = builder.setExpirationTime(Math.floor(expiresAt.getTime() / 1000));
  return { token: await builder.sign(jwt.secret), expiresAt };
}

/** A staff session token for a user (development sign-in and `pnpm demo-token`). */
export function signSessionToken(
  jwt: Config['jwt'],
  user: { userId: string; organisationId: string; roles?: readonly Role[] },
  lifetimeSeconds: number,
) {
  return signToken(jwt, {
    audience: AUDIENCES.session,
    subject: user.userId,
    claims: { org: user.organisationId, ...(user.roles ? { roles: [...user.roles] } : {}) },
    lifetimeSeconds,
  });
}
