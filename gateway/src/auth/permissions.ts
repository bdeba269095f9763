import type { Role } from '@doorstep/schema';

/**
 * The one place that says which roles may do what. Every query and mutation names a permission with
 * `@Authorized(Permission.X)`; a field with no permission is refused (deny by default), and
 * `test/access.test.ts` fails when a root field has none. Relationship rules (same organisation,
 * household worked with, referral received) are applied by the services on top of these.
 */
export const Permission = {
  /** Raise a concern. Contractors get back only the reference. */
  ConcernRaise: 'concern:raise',
  /** Read concerns of one's own organisation. */
  ConcernRead: 'concern:read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const STAFF_WHO_RAISE: readonly Role[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'ADMIN',
];

export const rolesFor: Record<Permission, readonly Role[]> = {
  'concern:raise': STAFF_WHO_RAISE,
  'concern:read': ['SAFEGUARDING_LEAD'],
};

export function allows(roles: readonly Role[], permission: Permission): boolean {
  const allowed = rolesFor[permission];
  return roles.some((role) => allowed.includes(role));
}
