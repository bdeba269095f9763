import { concernVisible } from '../../auth/record-rules.js';

/**
 * Think Family counts, as SQL: how many open concerns and open referrals a person or household has.
 * Written once and used by the compiled read path (`think-family.read.ts`, with `$n` parameters)
 * and by the resolvers' batched reads (`think-family.service.ts`, with `?` parameters). A concern or
 * referral about someone restricted from the caller is not counted, as it is left out of lists.
 */

/** Still open: not CLOSED (RAISED or TRIAGED). */
const OPEN_CONCERN = `status <> 'CLOSED'`;
/** Still open: sent and not yet declined, closed or withdrawn. */
export const OPEN_REFERRAL_STATUSES = ['SENT', 'ACKNOWLEDGED', 'ACCEPTED'] as const;
const OPEN_REFERRAL = `status in (${OPEN_REFERRAL_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** Which concerns or referrals a count is of: those naming a person, or about a household. */
export type Subject = 'person' | 'household';

/** The open concerns naming person `id` / about household `id` (SQL for both), visible to `user`. */
export const openConcernCount = (subject: Subject, organisation: string, id: string, user: string): string =>
  `(select count(*)::int from concern c
     where c.organisation_id = ${organisation} and c.${OPEN_CONCERN}
       and ${
         subject === 'person'
           ? `exists (select 1 from concern_person s where s.organisation_id = c.organisation_id and s.concern_id = c.id and s.person_id = ${id})`
           : `c.household_id = ${id}`
       }
       and ${concernVisible('c', user, organisation)})`;

/**
 * The open referrals the organisation sent about person `id` / household `id`: the people and
 * household a referral is about are kept on it when it is sent. One from a concern naming someone
 * restricted from `user` is not counted.
 */
export const openReferralCount = (subject: Subject, organisation: string, id: string, user: string): string =>
  `(select count(*)::int from referral r
     where r.organisation_id = ${organisation} and r.${OPEN_REFERRAL}
       and ${subject === 'person' ? `r.person_ids @> array[${id}]::uuid[]` : `r.household_id = ${id}`}
       and exists (select 1 from concern c where c.organisation_id = r.organisation_id and c.id = r.concern_id
                   and ${concernVisible('c', user, organisation)}))`;
