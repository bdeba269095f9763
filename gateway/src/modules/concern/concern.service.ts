import { ForeignKeyConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { raiseConcernInputSchema, type Role } from '@doorstep/schema';
import type { Identity } from '../../auth/identity.js';
import type { Context } from '../../context.js';
import { parseInput } from '../../common/input.js';
import {
  type ConnectionShape,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
} from '../../common/pagination.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Concern } from './concern.entity.js';
import { ConcernReferenceCounter } from './concern-reference.entity.js';

type Caller = Pick<Context, 'requestId'> & { identity: Identity };

/** The reference for the next concern of `year`: atomic across concurrent transactions. */
async function nextReference(em: EntityManager, year: number): Promise<string> {
  const table = em.getMetadata().get(ConcernReferenceCounter).tableName;
  const rows = await em.getConnection().execute<{ last: number }[]>(
    `insert into ${table} (year, last) values (?, 1)
     on conflict (year) do update set last = ${table}.last + 1
     returning last`,
    [year],
    'all',
    em.getTransactionContext(), // inside the caller's transaction, on its connection
  );
  const last = rows[0]!.last;
  return `SG-${year}-${String(last).padStart(6, '0')}`;
}

function reporterKindFor(roles: readonly Role[]): 'CONTRACTOR' | 'STAFF' {
  return roles.every((role) => role === 'CONTRACTOR') ? 'CONTRACTOR' : 'STAFF';
}

/** Raises a concern: validated, numbered, stored and audited in one transaction, or not at all. */
export async function raiseConcern(em: EntityManager, caller: Caller, rawInput: unknown) {
  const input = parseInput(raiseConcernInputSchema, rawInput);
  return em
    .transactional(async (tx) => {
      const receivedAt = new Date();
      const concern = tx.create(Concern, {
        reference: await nextReference(tx, receivedAt.getUTCFullYear()),
        organisation: tx.getReference(Organisation, caller.identity.organisationId),
        raisedBy: tx.getReference(User, caller.identity.userId),
        reporterKind: reporterKindFor(caller.identity.roles),
        urgency: input.urgency,
        categories: input.categories,
        primaryCategory: input.primaryCategory ?? null,
        subjectDescription: input.subjectDescription,
        location: input.location,
        whatHappened: input.whatHappened,
        happenedAt: input.happenedAt ? new Date(input.happenedAt) : null,
        actionsTaken: input.actionsTaken ?? null,
        viewsStatus: input.personViews.status,
        views: input.personViews.views ?? null,
        viewsNotAskedReason: input.personViews.notAskedReason ?? null,
        consentStatus: input.consent.status,
        consentReason: input.consent.reason ?? null,
        mentalCapacityConcern: input.mentalCapacityConcern,
        childrenPresent: input.childrenPresent,
        othersAtRisk: input.othersAtRisk ?? null,
        raisedAt: receivedAt,
      });
      audit(tx, caller, 'CREATE', 'Concern', [concern.id]);
      await tx.flush();
      return { reference: concern.reference, receivedAt };
    })
    .catch((error: unknown) => {
      // A validly signed token for a user or organisation that no longer exists (a database reset
      // under a stored token): ask for a new sign-in rather than fail obscurely.
      if (error instanceof ForeignKeyConstraintViolationException) throw new UnauthenticatedError();
      throw error;
    });
}

/** One concern of the caller's organisation; another organisation's is "not found". */
export async function getConcern(em: EntityManager, caller: Caller, id: string): Promise<Concern> {
  if (!isUuid(id)) throw new NotFoundError('Concern');
  const concern = await em.findOne(Concern, { id, organisation: caller.identity.organisationId });
  if (!concern) throw new NotFoundError('Concern');
  audit(em, caller, 'READ', 'Concern', [concern.id]);
  await em.flush();
  return concern;
}

/** The caller's organisation's concerns, newest first, a page at a time. */
export async function listConcerns(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Concern>> {
  const limit = pageSize(args.first);
  const organisation = caller.identity.organisationId;
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const where = cursor
    ? {
        organisation,
        $or: [{ raisedAt: { $lt: cursor.at } }, { raisedAt: cursor.at, id: { $lt: cursor.id } }],
      }
    : { organisation };
  const rows = await em.find(Concern, where, {
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    limit: limit + 1,
  });
  const totalCount = await em.count(Concern, { organisation });
  const page = rows.slice(0, limit);
  audit(
    em,
    caller,
    'READ',
    'Concern',
    page.map((c) => c.id),
  );
  await em.flush();
  const edges = page.map((node) => ({ cursor: encodeCursor(node.raisedAt, node.id), node }));
  return {
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
