import type { EntityManager } from '@mikro-orm/postgresql';
import { actorRef } from '../../auth/identity.js';
import type { Caller } from '../../context.js';
import { AuditEvent, type AuditAction } from './audit-event.entity.js';

export interface AuditOptions {
  /** The reason given, or the legal basis of a share. Never free text about a person. */
  reason?: string | null;
}

/**
 * Records what the caller did, in the caller's unit of work: the rows are flushed with the work
 * they describe (writes) or before the response (reads), and committed with it or not at all, so a
 * read is never answered without its audit row. `entityIds` empty: one row with no record (a
 * search or a list export).
 */
export function audit(
  em: EntityManager,
  caller: Caller,
  action: AuditAction,
  entityType: string,
  entityIds: readonly string[],
  options: AuditOptions = {},
): void {
  const actor = actorRef(caller.identity);
  const ids = entityIds.length ? entityIds : [null];
  for (const entityId of ids) {
    em.create(AuditEvent, {
      organisationId: caller.identity.organisationId,
      actorKind: actor.kind,
      actorUserId: actor.userId,
      actorRef: actor.ref,
      action,
      entityType,
      entityId,
      reason: options.reason ?? null,
      requestId: caller.requestId,
    });
  }
}
