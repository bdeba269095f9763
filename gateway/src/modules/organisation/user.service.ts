import type { EntityManager } from '@mikro-orm/postgresql';
import { publish } from '../../db/events.js';
import type { User } from './user.entity.js';

/**
 * Deactivates a member of staff (as the database owner: the admin tool). Once `em`'s transaction
 * commits, every instance forgets their checked identity, so their tokens stop working at once, and
 * ends the live streams they have open.
 */
export async function deactivateUser(em: EntityManager, user: User): Promise<void> {
  user.deactivatedAt ??= new Date();
  await em.flush();
  await publish(em, { type: 'revoked', organisationId: user.organisation.id, userId: user.id });
}
