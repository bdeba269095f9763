import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Context } from '../context.js';
import { allows, rolesFor, type Permission } from './permissions.js';

/**
 * type-graphql calls this for every field marked `@Authorized(...)`. The values passed are
 * permissions, not roles. No identity: UNAUTHENTICATED. A permission not in the table, or not held:
 * FORBIDDEN.
 */
export const authChecker: AuthChecker<Context, string> = ({ context }, permissions) => {
  if (!context.identity) throw new UnauthenticatedError();
  if (permissions.length === 0) throw new ForbiddenError();
  for (const permission of permissions) {
    if (!(permission in rolesFor) || !allows(context.identity.roles, permission as Permission)) {
      throw new ForbiddenError();
    }
  }
  return true;
};
