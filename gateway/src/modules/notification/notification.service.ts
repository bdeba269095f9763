import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, newestFirst, type ConnectionShape } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import { publish } from '../../db/events.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Notification, type NotificationKind } from './notification.entity.js';

/**
 * Addresses a notification to each recipient, in the caller's transaction, and announces it live
 * (PostgreSQL NOTIFY is delivered at commit, so nobody hears of something that was rolled back).
 */
export async function notify(
  em: EntityManager,
  organisationId: string,
  recipientIds: readonly string[],
  kind: NotificationKind,
  subject: { type: string; id: string },
): Promise<void> {
  const rows = recipientIds.map((recipientId) =>
    em.create(Notification, {
      organisation: em.getReference(Organisation, organisationId),
      recipient: em.getReference(User, recipientId),
      kind,
      subjectType: subject.type,
      subjectId: subject.id,
    }),
  );
  await em.flush();
  for (const row of rows) {
    await publish(em, {
      type: 'notification',
      organisationId,
      recipientId: row.recipient.id,
      data: { id: row.id, kind, subjectType: subject.type, subjectId: subject.id },
    });
  }
}

/** The caller's own notifications, newest first. */
export async function listNotifications(
  em: EntityManager,
  caller: Caller,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
): Promise<ConnectionShape<Notification>> {
  const identity = caller.identity;
  if (identity.kind !== 'staff')
    return { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
  const where = { recipient: identity.userId, ...(args.unreadOnly ? { readAt: null } : {}) };
  return newestFirst(em, Notification, where, 'createdAt', args);
}

/** Marks the caller's own notifications read; others' ids are ignored. Returns how many changed. */
export async function markRead(em: EntityManager, caller: Caller, ids: readonly string[]): Promise<number> {
  // Anything that is no id is no notification of theirs: it changes nothing, like another's id.
  const known = ids.filter(isUuid);
  if (caller.identity.kind !== 'staff' || known.length === 0) return 0;
  return em.nativeUpdate(
    Notification,
    { id: { $in: known }, recipient: caller.identity.userId, readAt: null },
    { readAt: new Date() },
  );
}
