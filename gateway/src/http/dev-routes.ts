import type { EntityManager } from '@mikro-orm/postgresql';
import { signToken } from '../auth/tokens.js';
import { isUuid } from '../common/pagination.js';
import type { Config } from '../config.js';
import { User } from '../modules/organisation/user.entity.js';

/**
 * Development only: lets the example portal act as a demo user. In production these routes do not
 * exist (the router never registers them) and the provider's own sign-in issues tokens.
 */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export async function listDemoUsers(em: EntityManager) {
  const users = await em.find(User, {}, { populate: ['organisation'], orderBy: { id: 'asc' } });
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      roles: u.roles,
      organisation: { id: u.organisation.id, name: u.organisation.name },
    })),
  };
}

export async function issueDemoToken(em: EntityManager, config: Config, userId: unknown) {
  if (typeof userId !== 'string' || !isUuid(userId)) return null;
  const user = await em.findOne(User, { id: userId });
  if (!user) return null;
  const { token, expiresAt } = await signToken(
    config.jwt,
    { userId: user.id, organisationId: user.organisation.id, roles: user.roles },
    DEV_TOKEN_LIFETIME_SECONDS,
  );
  return { token, expiresAt: expiresAt.toISOString() };
}
