import { ForeignKeyConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import {
  publicConcernInputSchema,
  raiseConcernInputSchema,
  type PublicConcernData,
  type RaiseConcernData,
  type ReporterKind,
} from '@doorstep/schema';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseSubmission } from '../../common/input.js';
import {
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { consume, type Limit } from '../../common/rate-limit.js';
import type { Caller } from '../../context.js';
import { NotFoundError, UnauthenticatedError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { ConcernReferenceCounter } from './concern-reference.entity.js';
import { Concern } from './concern.entity.js';

export interface ConcernReceiptData {
  reference: string;
  receivedAt: Date;
}

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
  return `SG-${year}-${String(rows[0]!.last).padStart(6, '0')}`;
}

/** Who raised it, from the caller's identity: never from the input. */
function reporterOf(caller: Caller, contactGiven: boolean): Pick<Concern, 'reporterKind'> & Partial<Concern> {
  const identity = caller.identity;
  switch (identity.kind) {
    case 'staff': {
      const kind: ReporterKind = identity.roles.every((role) => role === 'CONTRACTOR')
        ? 'CONTRACTOR'
        : 'STAFF';
      return { reporterKind: kind, raisedBy: undefined };
    }
    case 'tenant':
      return { reporterKind: 'TENANT', reporterTenantRef: identity.tenantRef };
    case 'public':
      return { reporterKind: contactGiven ? 'PUBLIC' : 'ANONYMOUS_PUBLIC' };
  }
}

type ConcernFields = Omit<
  Concern,
  'id' | 'reference' | 'organisation' | 'raisedBy' | 'reporterKind' | 'status' | 'raisedAt' | 'updatedAt'
>;

/**
 * Numbers, stores and audits one concern in the caller's transaction, once per idempotency key:
 * a retry of the same submission returns the first receipt.
 */
async function store(
  em: EntityManager,
  caller: Caller,
  operation: string,
  idempotencyKey: string,
  input: unknown,
  fields: ConcernFields,
  contactGiven = false,
): Promise<ConcernReceiptData> {
  return em
    .transactional((tx) =>
      exactlyOnce(
        tx,
        caller,
        operation,
        idempotencyKey,
        input,
        async () => {
          const receivedAt = new Date();
          const identity = caller.identity;
          const concern = tx.create(Concern, {
            ...fields,
            ...reporterOf(caller, contactGiven),
            reference: await nextReference(tx, receivedAt.getUTCFullYear()),
            organisation: tx.getReference(Organisation, identity.organisationId),
            raisedBy: identity.kind === 'staff' ? tx.getReference(User, identity.userId) : null,
            raisedAt: receivedAt,
          });
          audit(tx, caller, 'CREATE', 'Concern', [concern.id]);
          await tx.flush();
          return { reference: concern.reference, receivedAt };
        },
        (stored) => {
          const s = stored as { reference: string; receivedAt: string };
          return { reference: s.reference, receivedAt: new Date(s.receivedAt) };
        },
      ),
    )
    .catch((error: unknown) => {
      // A validly signed token for a user or organisation that no longer exists (a database reset
      // under a stored token): ask for a new sign-in rather than fail obscurely.
      if (error instanceof ForeignKeyConstraintViolationException) throw new UnauthenticatedError();
      throw error;
    });
}

/** A concern raised by staff or a contractor. Validated, numbered, stored and audited, or not at all. */
export async function raiseConcern(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<ConcernReceiptData> {
  const { input, idempotencyKey } = parseSubmission(raiseConcernInputSchema, rawInput, rawKey);
  return store(em, caller, 'raiseConcern', idempotencyKey, input, staffFields(input));
}

function staffFields(input: RaiseConcernData): ConcernFields {
  return {
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
    aboutSelf: false,
  };
}

/** Why the person's own views and consent were not asked, when someone else raised the concern. */
export const NOT_ASKED_BY_PUBLIC =
  'Raised by someone else through a public or tenant form. The safeguarding team will ask the person.';

function publicFields(input: PublicConcernData): ConcernFields {
  return {
    urgency: input.urgency,
    categories: [],
    primaryCategory: null,
    subjectDescription: input.subjectDescription,
    location: input.location,
    whatHappened: input.whatHappened,
    happenedAt: input.happenedAt ? new Date(input.happenedAt) : null,
    actionsTaken: null,
    viewsStatus: input.aboutSelf ? (input.views ? 'ASKED_EXPRESSED' : 'ASKED_NONE_EXPRESSED') : 'NOT_ASKED',
    views: input.views ?? null,
    viewsNotAskedReason: input.aboutSelf ? null : NOT_ASKED_BY_PUBLIC,
    consentStatus: input.consent ?? 'NOT_SOUGHT',
    consentReason: input.consent ? null : NOT_ASKED_BY_PUBLIC,
    mentalCapacityConcern: false,
    childrenPresent: input.childrenPresent,
    othersAtRisk: null,
    aboutSelf: input.aboutSelf,
    reporterContactName: input.contact?.name ?? null,
    reporterContactPhone: input.contact?.phone ?? null,
    reporterContactEmail: input.contact?.email ?? null,
  };
}

export interface PublicLimits {
  perToken: Omit<Limit, 'key'>;
  perAddress: Omit<Limit, 'key'>;
}

/**
 * A concern from the public form (public token) or a tenant site (tenant token). Rate-limited per
 * token and per network address before anything else is done.
 */
export async function raisePublicConcern(
  em: EntityManager,
  caller: Caller,
  limits: PublicLimits,
  clientAddress: string,
  rawKey: unknown,
  rawInput: unknown,
): Promise<Pick<ConcernReceiptData, 'reference'>> {
  const identity = caller.identity;
  const tokenKey =
    identity.kind === 'public'
      ? `public-token:${identity.publicTokenId}`
      : `organisation:${identity.organisationId}:${identity.kind}`;
  // Addresses are counted by a digest: the counts table holds no addresses.
  const address = createHash('sha256').update(clientAddress).digest('hex').slice(0, 32);
  await consume(em, [
    { key: tokenKey, ...limits.perToken },
    { key: `address:${address}`, ...limits.perAddress },
  ]);
  const { input, idempotencyKey } = parseSubmission(publicConcernInputSchema, rawInput, rawKey);
  const receipt = await store(
    em,
    caller,
    'raisePublicConcern',
    idempotencyKey,
    input,
    publicFields(input),
    !!input.contact,
  );
  return { reference: receipt.reference };
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
