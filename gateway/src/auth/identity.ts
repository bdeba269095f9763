import { ROLES, type Role } from '@doorstep/schema';

/**
 * Who is asking: taken from a verified token, never from the request body.
 * - staff: a signed-in user of a housing provider or partner agency (roles from Doorstep's own
 *   records, narrowed by the token if it names fewer);
 * - tenant: a tenant signed in to their landlord's tenant site, known by the site's own reference;
 * - public: anyone holding an organisation's public token (the public feedback and concern forms).
 * A widget token may bind a staff member or tenant to one household (`householdId`).
 */
export type Identity = StaffIdentity | TenantIdentity | PublicIdentity;

export interface StaffIdentity {
  kind: 'staff';
  userId: string;
  organisationId: string;
  roles: readonly Role[];
  householdId?: string | undefined;
}

export interface TenantIdentity {
  kind: 'tenant';
  /** The tenant site's own reference for the signed-in tenant (e.g. a tenancy or account number). */
  tenantRef: string;
  organisationId: string;
  householdId?: string | undefined;
}

export interface PublicIdentity {
  kind: 'public';
  organisationId: string;
  publicTokenId: string;
}

/** What the access rules speak of: the staff roles, and TENANT and PUBLIC for the other kinds. */
export const ACTORS = [...ROLES, 'TENANT', 'PUBLIC'] as const;
export type Actor = (typeof ACTORS)[number];

export function actorsOf(identity: Identity): readonly Actor[] {
  switch (identity.kind) {
    case 'staff':
      return identity.roles;
    case 'tenant':
      return ['TENANT'];
    case 'public':
      return ['PUBLIC'];
  }
}

/** The value recorded in the audit trail as who acted. */
export function actorRef(identity: Identity): { userId: string | null; kind: Identity['kind']; ref: string } {
  switch (identity.kind) {
    case 'staff':
      return { userId: identity.userId, kind: 'staff', ref: identity.userId };
    case 'tenant':
      return { userId: null, kind: 'tenant', ref: identity.tenantRef };
    case 'public':
      return { userId: null, kind: 'public', ref: identity.publicTokenId };
  }
}
