import type { Actor, Identity } from './identity.js';

/**
 * The one place that says who may do what. Every query, mutation, object type and field of the
 * API names one of these with `@Access(Permission.X)` (see `access.ts`); the gateway will not start
 * if any field has none (deny by default), and `test/access-matrix.test.ts` checks each rule for
 * every actor against the access model written out independently in `test/access-spec.ts`.
 *
 * A rule is who may (`actors`: staff roles, TENANT, PUBLIC) and, for records, a relationship the
 * record must have to the caller (`relation`), checked on every field read. Which records a caller
 * can reach at all (their organisation's, the households they work with, referrals sent to their
 * agency) is decided by the services' queries, backed by PostgreSQL row-level security.
 */
export const Permission = {
  /** Raise a concern as staff or a contractor. The reply is only the reference. */
  ConcernRaise: 'concern:raise',
  /** Raise a concern through the public form (public token) or a tenant site (tenant token). */
  ConcernRaisePublic: 'concern:raise-public',
  /** Read concerns of one's own organisation, in full. */
  ConcernRead: 'concern:read',
  /** A receipt or page wrapper: readable by whoever was allowed the field that returned it. */
  Envelope: 'envelope',
  /** Read the audit trail of one's own organisation. */
  AuditRead: 'audit:read',
  /** Read one's own notifications. */
  NotificationRead: 'notification:read',
  /** Take emergency access to a record one would not otherwise see, with a reason. Reported. */
  BreakGlass: 'access:break-glass',
  /** Give or withdraw a member of staff's access to a restricted record. */
  GrantAccess: 'access:grant',
  /** Read an access grant: leads read all of their organisation's, anyone their own. */
  GrantRead: 'access:grant-read',
  /** Names and roles of fellow staff (who broke glass, who was granted). */
  StaffRead: 'staff:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export type Relation = (identity: Identity, record: unknown) => boolean;

export interface Rule {
  actors: readonly Actor[];
  relation?: Relation;
}

/** The organisation a record belongs to: its `organisation` relation or `organisationId` column. */
export function organisationOf(record: unknown): string | undefined {
  const r = record as { organisation?: { id?: string }; organisationId?: string } | null | undefined;
  return r?.organisation?.id ?? r?.organisationId;
}

/** The record is the caller's organisation's. */
export const sameOrganisation: Relation = (identity, record) =>
  organisationOf(record) === identity.organisationId;

const ALL_STAFF: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'AUDITOR',
  'ADMIN',
  'AGENCY_OFFICER',
];
/** Staff who may need a record in an emergency: not contractors, auditors, admins or agencies. */
const BREAK_GLASS: readonly Actor[] = ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'];

const isStaff = (identity: Identity, userId: string | undefined) =>
  identity.kind === 'staff' && userId !== undefined && identity.userId === userId;
const idOf = (value: unknown) => (value as { id?: string } | null | undefined)?.id;

/** The caller's own notification. */
const ownNotification: Relation = (identity, record) =>
  sameOrganisation(identity, record) &&
  isStaff(identity, idOf((record as { recipient?: unknown }).recipient));

/** A lead reads every grant of their organisation; anyone else only grants to themselves. */
const leadOrGrantee: Relation = (identity, record) =>
  sameOrganisation(identity, record) &&
  ((identity.kind === 'staff' && identity.roles.includes('SAFEGUARDING_LEAD')) ||
    isStaff(identity, idOf((record as { user?: unknown }).user)));

const RAISERS: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'ADMIN',
];
/** Safeguarding leads and champions: they triage and manage concerns. */
const SAFEGUARDING: readonly Actor[] = ['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION'];

export const rules: Record<Exclude<Permission, 'envelope'>, Rule> = {
  'concern:raise': { actors: RAISERS },
  'concern:raise-public': { actors: ['PUBLIC', 'TENANT'] },
  'concern:read': { actors: SAFEGUARDING, relation: sameOrganisation },
  'audit:read': { actors: ['AUDITOR'], relation: sameOrganisation },
  'notification:read': { actors: ALL_STAFF, relation: ownNotification },
  'access:break-glass': { actors: BREAK_GLASS },
  'access:grant': { actors: ['SAFEGUARDING_LEAD'] },
  'access:grant-read': { actors: BREAK_GLASS, relation: leadOrGrantee },
  'staff:read': { actors: [...BREAK_GLASS, 'ADMIN'], relation: sameOrganisation },
};
