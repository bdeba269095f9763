import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { auditFilterSchema } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import {
  connectionOf,
  decodeIdCursor,
  encodeIdCursor,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { actorRef } from '../../auth/identity.js';
import type { Caller } from '../../context.js';
import { AuditEvent, type AuditAction } from './audit-event.entity.js';

export interface AuditOptions {
  /** The reason given, or the legal basis of a share. Never free text about a person. */
  reason?: string | null;
  /**
   * Record no one as the actor: only the action, the record and the organisation (anonymous
   * feedback, which must not lead back to the tenant or the form it came from).
   */
  anonymous?: boolean;
}

const ANONYMOUS = { kind: 'anonymous', userId: null, ref: 'anonymous' } as const;

/**
 * What each unit of work has already recorded: a record read twice in one request (a person as a
 * member, again as a relationship's other person, again as a concern's subject) is one row. Keyed by
 * the entity manager, so the rows of a transaction that rolls back are forgotten with it.
 */
const recorded = new WeakMap<EntityManager, Set<string>>();

/**
 * Records what the caller did, in the caller's unit of work: the rows are flushed with the work
 * they describe (writes) or before the response (reads), and committed with it or not at all, so a
 * read is never answered without its audit row. `entityIds` empty: one row with no record (a
 * search or a list export). One row per action, record and reason in a unit of work, however often
 * the request touched the record.
 */
export function audit(
  em: EntityManager,
  caller: Caller,
  action: AuditAction,
  entityType: string,
  entityIds: readonly string[],
  options: AuditOptions = {},
): void {
  const actor = options.anonymous ? ANONYMOUS : actorRef(caller.identity);
  const ids = entityIds.length ? entityIds : [null];
  let seen = recorded.get(em);
  if (!seen) recorded.set(em, (seen = new Set()));
  for (const entityId of ids) {
    // A row with no record (a search, an export) stands for that one act: each is kept.
    if (entityId !== null) {
      const key = JSON.stringify([action, entityType, entityId, options.reason ?? null, actor.kind]);
      if (seen.has(key)) continue;
      seen.add(key);
    }
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

/**
 * The caller's organisation's audit trail, newest first, filtered. Reading the trail is itself
 * recorded (one row per page read, no record).
 */
export async function listAuditEvents(
  em: EntityManager,
  caller: Caller,
  rawFilter: unknown,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<AuditEvent>> {
  const filter = parseInput(auditFilterSchema, rawFilter);
  const limit = pageSize(args.first);
  const where: FilterQuery<AuditEvent> = { organisationId: caller.identity.organisationId };
  if (filter.actions?.length) where.action = { $in: filter.actions };
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.actorUserId) where.actorUserId = filter.actorUserId;
  if (filter.requestId) where.requestId = filter.requestId;
  if (filter.from || filter.to) {
    where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
  }
  const page = args.after ? { ...where, id: { $lt: decodeIdCursor(args.after) } } : where;
  const rows = await em.find(AuditEvent, page, { orderBy: { id: 'desc' }, limit: limit + 1 });
  const totalCount = await em.count(AuditEvent, where);
  audit(em, caller, 'READ', 'AuditTrail', []);
  await em.flush();
  return connectionOf(rows, limit, totalCount, (node) => encodeIdCursor(node.id));
}
