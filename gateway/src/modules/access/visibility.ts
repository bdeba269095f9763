import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../context.js';
import { personVisible } from '../../auth/record-rules.js';
import { grantedSubjectIds } from './access-grant.service.js';

/**
 * Who sees a restricted person: the safeguarding lead who restricted them (so they can manage the
 * restriction and give grants without first granting themselves), and staff holding a live grant
 * (`access_grant`, given by a lead or taken by break-glass). Everyone else, leads included, meets
 * them nowhere: not in search, lists, household members, relationships, concerns or chronologies.
 */

/** The caller's user id, or null for tenants and the public (who never see people). */
export const userIdOf = (caller: Caller): string | null =>
  caller.identity.kind === 'staff' ? caller.identity.userId : null;

/**
 * An SQL condition true when the person row `alias` is visible to the user in the two `?`
 * parameters that follow it (pass `visibilityParams(caller)`): `personVisible` of the record rules.
 */
export const personVisibleSql = (alias: string): string => personVisible(alias, '?::uuid');

export const visibilityParams = (caller: Caller): [string | null, string | null] => {
  const me = userIdOf(caller);
  return [me, me];
};

interface Restrictable {
  id: string;
  restricted: boolean;
  restrictedBy?: { id: string } | null;
}

/** Of loaded people, the ids the caller may not see. One query, and only when any is restricted. */
export async function hiddenAmong(
  em: EntityManager,
  caller: Caller,
  people: readonly Restrictable[],
): Promise<Set<string>> {
  const me = userIdOf(caller);
  const restricted = people.filter((p) => p.restricted && (!me || p.restrictedBy?.id !== me));
  if (restricted.length === 0) return new Set();
  const granted = await grantedSubjectIds(
    em,
    caller,
    'Person',
    restricted.map((p) => p.id),
  );
  return new Set(restricted.filter((p) => !granted.has(p.id)).map((p) => p.id));
}

/** The people the caller may see, in order. */
export async function visibleOnly<T extends Restrictable>(
  em: EntityManager,
  caller: Caller,
  people: readonly T[],
): Promise<T[]> {
  const hidden = await hiddenAmong(em, caller, people);
  return people.filter((p) => !hidden.has(p.id));
}
