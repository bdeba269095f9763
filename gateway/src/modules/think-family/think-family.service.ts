import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../context.js';
import { load } from '../../common/loader.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import { openCaseCount, openConcernCount, openReferralCount, type Subject } from './think-family.sql.js';

const COUNTS = { concerns: openConcernCount, referrals: openReferralCount, cases: openCaseCount } as const;
export type Counted = keyof typeof COUNTS;

/**
 * How many open concerns or referrals are about a person or household, batched per request (one
 * statement for every person of a household). The person or household was read, and audited, by
 * the field that returned it; a count names no record, so it adds no audit row.
 */
export function openCount(
  em: EntityManager,
  caller: Caller,
  counted: Counted,
  subject: Subject,
  id: string,
): Promise<number> {
  const identity = caller.identity;
  const user = identity.kind === 'staff' ? identity.userId : null;
  return load<number>(
    em,
    `think-family.${counted}:${subject}`,
    id,
    async (ids) => {
      const rows = await sqlOf(em)<{ id: string; n: number }>(
        // The caller's organisation and user once, by name: the rules use each more than once.
        `select x.id, ${COUNTS[counted](subject, 'k.organisation_id', 'x.id', 'k.user_id')} as n
           from (select ?::uuid as organisation_id, ?::uuid as user_id) k, unnest(?::uuid[]) as x(id)`,
        [identity.organisationId, user, pgArray([...ids])],
      );
      return new Map(rows.map((r) => [r.id, Number(r.n)]));
    },
    0,
  );
}
