import type { Actor } from '../src/auth/identity.js';

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
};

/** Types whose records are their organisation's: another organisation's record is refused. */
export const organisationOwned: readonly string[] = ['Concern'];
