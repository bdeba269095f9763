import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { ROLES, type Role } from '@doorstep/schema';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Identity } from './identity.js';

const claimsSchema = z.object({
  sub: z.uuid(),
  org: z.uuid(),
  roles: z.array(z.enum(ROLES)).min(1),
});

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** Verifies a bearer token (HS256 with the configured secret) and returns who it speaks for. */
export async function verifyToken(config: Config['jwt'], token: string): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, config.secret, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.parse(payload);
    return { userId: claims.sub, organisationId: claims.org, roles: claims.roles };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError) {
      throw new InvalidTokenError('invalid token');
    }
    throw error;
  }
}

export async function signToken(
  config: Config['jwt'],
  identity: { userId: string; organisationId: string; roles: readonly Role[] },
  lifetimeSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
  const token = await new SignJWT({ org: identity.organisationId, roles: [...identity.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(identity.userId)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(config.secret);
  return { token, expiresAt };
}
