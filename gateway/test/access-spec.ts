import type { Actor, Identity } from '../src/auth/identity.js';

/**
 * The access model of DESIGN.md ("Access: need to know, and nothing else"), written out by hand,
 * apart from the code's rules in `src/auth/permissions.ts`. `access-matrix.test.ts` checks every
 * field of the schema against it for every actor: a field missing here fails the test, and so does
 * any actor the code lets through (or stops) against what is written here.
 *
 * Keys: `Type.field`, or `Type.*` for every field of an object type without an entry of its own.
 * Query and Mutation fields need entries of their own. Values: the actors allowed, or 'envelope'
 * for wrappers and receipts (readable by whoever was allowed the field that returned them).
 * Relationship rules (same organisation, households worked with, referrals received) are checked
 * by the matrix too: `relation` lists the types whose records must belong to the caller's
 * organisation.
 */
const RAISERS: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'ADMIN',
];
const SAFEGUARDING: readonly Actor[] = ['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION'];
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
/** Who may break glass: staff who may need a record in an emergency. */
const BREAK_GLASS: readonly Actor[] = ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'];

export const spec: Record<string, readonly Actor[] | 'envelope'> = {
  // Raising concerns: staff and contractors get back a receipt; the public and tenants too.
  'Mutation.raiseConcern': RAISERS,
  'Mutation.raisePublicConcern': ['PUBLIC', 'TENANT'],
  'ConcernReceipt.*': 'envelope',
  'PublicConcernReceipt.*': 'envelope',

  // Concerns in full: the organisation's safeguarding leads and champions only.
  'Query.concern': SAFEGUARDING,
  'Query.concerns': SAFEGUARDING,
  'Concern.*': SAFEGUARDING,
  'ConcernConnection.*': 'envelope',
  'ConcernEdge.*': 'envelope',
  'PageInfo.*': 'envelope',

  // The audit trail: auditors of the organisation, and nobody else.
  'Query.auditEvents': ['AUDITOR'],
  'AuditEvent.*': ['AUDITOR'],
  'AuditEventConnection.*': 'envelope',
  'AuditEventEdge.*': 'envelope',

  // Break-glass and grants: leads grant and see the report; whoever broke glass sees their own.
  'Mutation.breakGlass': BREAK_GLASS,
  'Mutation.grantAccess': ['SAFEGUARDING_LEAD'],
  'Mutation.revokeAccessGrant': ['SAFEGUARDING_LEAD'],
  'Query.accessGrants': ['SAFEGUARDING_LEAD'],
  'AccessGrant.*': BREAK_GLASS,
  'AccessGrantConnection.*': 'envelope',
  'AccessGrantEdge.*': 'envelope',
  // Fellow staff's names, as they appear on grants.
  'StaffMember.*': [...BREAK_GLASS, 'ADMIN'],

  // Notifications: every member of staff, their own only.
  'Query.notifications': ALL_STAFF,
  'Mutation.markNotificationsRead': ALL_STAFF,
  'Notification.*': ALL_STAFF,
  'NotificationConnection.*': 'envelope',
  'NotificationEdge.*': 'envelope',
};

/** Types whose records are their organisation's: another organisation's record is refused. */
export const organisationOwned: readonly string[] = [
  'Concern',
  'AuditEvent',
  'AccessGrant',
  'StaffMember',
  'Notification',
];

const userIdOf = (identity: Identity) => (identity.kind === 'staff' ? identity.userId : undefined);

/**
 * A record of each type that the caller is related to as the model requires (their own
 * notification, a grant to them). Types not listed: a record of the caller's organisation.
 */
export const relatedRecord: Record<string, (identity: Identity) => object> = {
  Notification: (identity) => ({
    organisation: { id: identity.organisationId },
    recipient: { id: userIdOf(identity) },
  }),
  AccessGrant: (identity) => ({
    organisation: { id: identity.organisationId },
    user: { id: userIdOf(identity) },
  }),
};

/** Records of the caller's organisation but about someone else, and who may still read them. */
export const unrelatedRecord: Record<
  string,
  { record: (identity: Identity) => object; allowed: readonly Actor[] }
> = {
  Notification: {
    record: (identity) => ({
      organisation: { id: identity.organisationId },
      recipient: { id: 'someone-else' },
    }),
    allowed: [],
  },
  AccessGrant: {
    record: (identity) => ({ organisation: { id: identity.organisationId }, user: { id: 'someone-else' } }),
    allowed: ['SAFEGUARDING_LEAD'],
  },
};
