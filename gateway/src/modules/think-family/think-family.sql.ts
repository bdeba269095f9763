import { caseVisible, concernVisible } from '../../auth/record-rules.js';

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

/**
 * The open concerns naming person `id` / about household `id` (SQL for both), visible to `user`. A
 * person's are found from their links (one per concern and person), so the count reads that
 * person's concerns, not the organisation's.
 */
export const openConcernCount = (subject: Subject, organisation: string, id: string, user: string): string =>
  subject === 'person'
    ? `(select count(*)::int from concern_person s
         join concern c on c.organisation_id = s.organisation_id and c.id = s.concern_id
        where s.organisation_id = ${organisation} and s.person_id = ${id} and c.${OPEN_CONCERN}
          and ${concernVisible('c', user, organisation)})`
    : `(select count(*)::int from concern c
         where c.organisation_id = ${organisation} and c.household_id = ${id} and c.${OPEN_CONCERN}
           and ${concernVisible('c', user, organisation)})`;

/**
 * The open referrals the organisation sent about person `id` / household `id`: the people and
 * household a referral is about are kept on it when it is sent (a person's found through the GIN
 * index by `doorstep_referrals_naming`: row-level security would keep it from `@>` written here).
 * One from a concern naming someone restricted from `user` is not counted.
 */
export const openReferralCount = (subject: Subject, organisation: string, id: string, user: string): string =>
  `(select count(*)::int from referral r
     where r.organisation_id = ${organisation} and r.${OPEN_REFERRAL}
       and ${subject === 'person' ? `r.id in (select n.id from doorstep_referrals_naming(array[${id}]::uuid[]) n)` : `r.household_id = ${id}`}
       and exists (select 1 from concern c where c.organisation_id = r.organisation_id and c.id = r.concern_id
                   and ${concernVisible('c', user, organisation)}))`;

/**
 * The open cases about person `id` / of household `id` (the household a case was opened with),
 * visible to `user`: one about someone restricted from them is not counted.
 */
export const openCaseCount = (subject: Subject, organisation: string, id: string, user: string): string =>
  subject === 'person'
    ? `(select count(*)::int from case_person s
         join safeguarding_case c on c.organisation_id = s.organisation_id and c.id = s.case_id
        where s.organisation_id = ${organisation} and s.person_id = ${id} and c.status = 'OPEN'
          and ${caseVisible('c', user, organisation)})`
    : `(select count(*)::int from safeguarding_case c
         where c.organisation_id = ${organisation} and c.household_id = ${id} and c.status = 'OPEN'
           and ${caseVisible('c', user, organisation)})`;
