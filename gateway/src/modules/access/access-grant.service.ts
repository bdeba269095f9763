import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../context.js';
import { AccessGrant, type GrantSubject } from './access-grant.entity.js';

/**
 * Of `ids`, the restricted people or households the caller holds a live grant for (given by a
 * lead, or break-glass, not expired, not revoked). Only staff hold grants.
 */
export async function grantedSubjectIds(
  em: EntityManager,
  caller: Caller,
  subjectType: GrantSubject,
  ids: readonly string[],
): Promise<Set<string>> {
  if (caller.identity.kind !== 'staff' || ids.length === 0) return new Set();
  const grants = await em.find(
    AccessGrant,
    {
      user: caller.identity.userId,
      subjectType,
      subjectId: { $in: [...ids] },
      expiresAt: { $gt: new Date() },
      revokedAt: null,
    },
    { fields: ['subjectId'] },
  );
  return new Set(grants.map((g) => g.subjectId));
}
