import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../context.js';
import { AuditEvent, type AuditAction } from './audit-event.entity.js';

/**
 * Records what someone did, in the caller's unit of work: the rows are flushed with the work they
 * describe (writes), or straight away (reads), so a read is never returned without its audit row.
 */
export function audit(
  em: EntityManager,
  ctx: Pick<Context, 'identity' | 'requestId'>,
  action: AuditAction,
  entityType: string,
  entityIds: readonly string[],
  reason?: string,
): void {
  if (!ctx.identity) throw new Error('audit needs an identity');
  for (const entityId of entityIds) {
    em.create(AuditEvent, {
      actorUserId: ctx.identity.userId,
      organisationId: ctx.identity.organisationId,
      action,
      entityType,
      entityId,
      reason: reason ?? null,
      requestId: ctx.requestId,
    });
  }
}
