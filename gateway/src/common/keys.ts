import type { EntityClass, EntityManager, Primary } from '@mikro-orm/postgresql';

/*
 * Records an organisation owns are keyed `(organisation_id, id)`, and point at each other through
 * `(organisation_id, x_id)`, as Citus requires of tables distributed by organisation
 * (docs/architecture.md, "Beyond one database server"). These build such keys from the ids the API
 * speaks in and the caller's organisation.
 *
 * One trap: MikroORM writes a filter for a missing link (`{ link: null }`) as
 * `(organisation_id, link_id) is null`, which is never true. Filter on another column instead
 * (`{ mergedAt: null }` for `mergedInto`), or on the link's own column in SQL.
 */

/** The key of record `id` of `organisationId`. */
export const recordKey = (organisationId: string, id: string): [string, string] => [organisationId, id];

/** The keys of records `ids` of `organisationId`, for `{ relation: { $in: recordKeys(...) } }`. */
export const recordKeys = (organisationId: string, ids: Iterable<string>): [string, string][] =>
  [...ids].map((id) => recordKey(organisationId, id));

/** A reference to record `id` of `organisationId`, without loading it. */
export function recordRef<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  organisationId: string,
  id: string,
): T {
  return em.getReference(entity, recordKey(organisationId, id) as Primary<T>);
}
