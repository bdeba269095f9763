import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { breakGlassInputSchema, grantAccessInputSchema } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { isUuid, newestFirst, type ConnectionShape } from '../../common/pagination.js';
import { staffOf, type Caller } from '../../context.js';
import type { StaffIdentity } from '../../auth/identity.js';
import { NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { notify } from '../notification/notification.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { AccessGrant, type GrantKind, type GrantSubject } from './access-grant.entity.js';

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

/** The table each kind of restricted record lives in. */
const SUBJECT_TABLES: Record<GrantSubject, string> = { Person: 'person', Household: 'household' };

/** The record exists in the caller's organisation (row-level security hides everyone else's). */
async function assertSubject(em: EntityManager, type: GrantSubject, id: string): Promise<void> {
  const rows = await em
    .getConnection()
    .execute(`select 1 from "${SUBJECT_TABLES[type]}" where id = ?`, [id], 'all', em.getTransactionContext());
  if (rows.length === 0) throw new NotFoundError(type);
}

/** A grant with who holds it and who gave it loaded (their names are read through the API). */
async function withPeople(em: EntityManager, grant: AccessGrant): Promise<AccessGrant> {
  await em.populate(grant, ['user', 'grantedBy'], { refresh: true });
  return grant;
}

/**
 * Who is told of a break-glass: every other active safeguarding lead of the organisation; when the
 * one who broke the glass is its only lead (or it has none), its managers, so that no use of
 * break-glass is known only to the person who used it.
 */
async function breakGlassWatchers(tx: EntityManager, identity: StaffIdentity): Promise<string[]> {
  for (const role of ['SAFEGUARDING_LEAD', 'MANAGER'] as const) {
    const users = await tx.find(
      User,
      { organisation: identity.organisationId, roles: { $contains: [role] }, deactivatedAt: null },
      { fields: ['id'] },
    );
    const others = users.map((u) => u.id).filter((id) => id !== identity.userId);
    if (others.length) return others;
  }
  return [];
}

/**
 * Break-glass: emergency access to a person or household the caller would not otherwise see, for
 * a short time, with a reason. Recorded in the audit trail as BREAK_GLASS with the reason (and the
 * grant as CREATE), and every other safeguarding lead of the organisation (or, failing one, its managers) is told at once
 * (a notification and a live event).
 */
export async function breakGlass(em: EntityManager, caller: Caller, raw: unknown): Promise<AccessGrant> {
  const input = parseInput(breakGlassInputSchema, raw);
  const identity = staffOf(caller);
  return em.transactional(async (tx) => {
    await assertSubject(tx, input.subjectType, input.subjectId);
    const grant = tx.create(AccessGrant, {
      organisation: tx.getReference(Organisation, identity.organisationId),
      user: tx.getReference(User, identity.userId),
      grantedBy: tx.getReference(User, identity.userId),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      kind: 'BREAK_GLASS',
      reason: input.reason,
      expiresAt: new Date(Date.now() + input.minutes * 60_000),
    });
    audit(tx, caller, 'BREAK_GLASS', input.subjectType, [input.subjectId], { reason: input.reason });
    audit(tx, caller, 'CREATE', 'AccessGrant', [grant.id]);
    await tx.flush();
    await notify(tx, identity.organisationId, await breakGlassWatchers(tx, identity), 'BREAK_GLASS', {
      type: 'AccessGrant',
      id: grant.id,
    });
    return withPeople(tx, grant);
  });
}

/** A safeguarding lead gives a member of staff access to a restricted record; they are told. */
export async function grantAccess(em: EntityManager, caller: Caller, raw: unknown): Promise<AccessGrant> {
  const input = parseInput(grantAccessInputSchema, raw);
  const identity = staffOf(caller);
  return em.transactional(async (tx) => {
    await assertSubject(tx, input.subjectType, input.subjectId);
    const grantee = await tx.findOne(User, {
      id: input.userId,
      organisation: identity.organisationId,
      deactivatedAt: null,
    });
    if (!grantee) throw new NotFoundError('User');
    const grant = tx.create(AccessGrant, {
      organisation: tx.getReference(Organisation, identity.organisationId),
      user: grantee,
      grantedBy: tx.getReference(User, identity.userId),
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      kind: 'GRANT',
      reason: input.reason,
      expiresAt: new Date(Date.now() + input.days * 24 * 60 * 60_000),
    });
    audit(tx, caller, 'GRANT', input.subjectType, [input.subjectId], { reason: input.reason });
    audit(tx, caller, 'CREATE', 'AccessGrant', [grant.id]);
    await tx.flush();
    await notify(tx, identity.organisationId, [grantee.id], 'ACCESS_GRANTED', {
      type: 'AccessGrant',
      id: grant.id,
    });
    return withPeople(tx, grant);
  });
}

/** Ends a grant (or a break-glass) now. */
export async function revokeAccessGrant(em: EntityManager, caller: Caller, id: string): Promise<AccessGrant> {
  if (!isUuid(id)) throw new NotFoundError('Access grant');
  return em.transactional(async (tx) => {
    const grant = await tx.findOne(AccessGrant, { id, organisation: caller.identity.organisationId });
    if (!grant) throw new NotFoundError('Access grant');
    grant.revokedAt ??= new Date();
    audit(tx, caller, 'UPDATE', 'AccessGrant', [grant.id]);
    await tx.flush();
    return withPeople(tx, grant);
  });
}

/** The organisation's grants and break-glass uses, newest first: the break-glass report. */
export async function listAccessGrants(
  em: EntityManager,
  caller: Caller,
  args: {
    kind?: GrantKind | null;
    activeOnly?: boolean | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<ConnectionShape<AccessGrant>> {
  const where: FilterQuery<AccessGrant> = { organisation: caller.identity.organisationId };
  if (args.kind) where.kind = args.kind;
  if (args.activeOnly) Object.assign(where, { revokedAt: null, expiresAt: { $gt: new Date() } });
  const page = await newestFirst(em, AccessGrant, where, 'createdAt', args, {
    populate: ['user', 'grantedBy'],
  });
  audit(
    em,
    caller,
    'READ',
    'AccessGrant',
    page.edges.map((e) => e.node.id),
  );
  await em.flush();
  return page;
}
