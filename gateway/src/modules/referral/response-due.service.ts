import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  AGENCY_TYPES,
  DEFAULT_RESPONSE_WORKING_DAYS,
  responsePolicyInputSchema,
  type AgencyType,
  type ReferralStatus,
} from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { pgArray } from '../../common/sql.js';
import { workingDaysAfter } from '../../common/working-days.js';
import type { Caller } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import type { Referral } from './referral.entity.js';
import { ReferralResponsePolicy } from './response-due.entity.js';

/**
 * The statuses in which a referral still waits for the agency's response: its decision, to accept
 * or decline it (Working Together 2023: acknowledge receipt and decide within one working day), so
 * an acknowledgement alone does not stop the clock; a withdrawn referral waits for nothing. The one
 * place that decides it (the lists' filter, `overdue` and the hourly check all read it).
 */
export const AWAITING_RESPONSE: readonly ReferralStatus[] = ['SENT', 'ACKNOWLEDGED'];

export const awaitsResponse = (status: ReferralStatus): boolean => AWAITING_RESPONSE.includes(status);

/** Past its due date with no response yet. */
export const isOverdue = (referral: Pick<Referral, 'status' | 'respondBy'>, now = new Date()): boolean =>
  awaitsResponse(referral.status) && !!referral.respondBy && referral.respondBy <= now;

/** The condition on referrals for the lists' `overdue` filter (true: overdue; false: not). */
export function overdueWhere(overdue: boolean, now = new Date()): FilterQuery<Referral> {
  const awaiting = { $in: [...AWAITING_RESPONSE] };
  return overdue
    ? { status: awaiting, respondBy: { $lte: now } }
    : {
        $or: [{ status: { $nin: [...AWAITING_RESPONSE] } }, { respondBy: null }, { respondBy: { $gt: now } }],
      };
}

/** The working days an agency type has to respond to an organisation's referrals. */
export async function workingDaysFor(
  em: EntityManager,
  organisationId: string,
  agencyType: AgencyType | null | undefined,
): Promise<number> {
  const type = agencyType ?? 'OTHER';
  const policy = await em.findOne(ReferralResponsePolicy, { organisation: organisationId, agencyType: type });
  return policy?.workingDays ?? DEFAULT_RESPONSE_WORKING_DAYS[type];
}

/** When a referral sent now (`sentAt`) to an agency of this type must be responded to by. */
export async function respondByFor(
  em: EntityManager,
  organisationId: string,
  agencyType: AgencyType | null | undefined,
  sentAt: Date,
): Promise<Date> {
  return workingDaysAfter(sentAt, await workingDaysFor(em, organisationId, agencyType));
}

/** Every agency type's policy for the caller's organisation: its own where set, else the default. */
export async function listResponsePolicies(
  em: EntityManager,
  caller: Caller,
): Promise<ReferralResponsePolicy[]> {
  const organisationId = caller.identity.organisationId;
  const stored = await em.find(ReferralResponsePolicy, { organisation: organisationId });
  const organisation = em.getReference(Organisation, organisationId);
  return AGENCY_TYPES.map((agencyType) => {
    const own = stored.find((p) => p.agencyType === agencyType);
    if (own) return own;
    const shown = new ReferralResponsePolicy();
    Object.assign(shown, {
      organisation,
      agencyType,
      workingDays: DEFAULT_RESPONSE_WORKING_DAYS[agencyType],
    });
    return shown;
  });
}

/**
 * A safeguarding lead or manager sets how many working days an agency type has to respond to the
 * organisation's referrals. It applies to referrals sent from now on. Audited as UPDATE.
 */
export async function setResponsePolicy(
  em: EntityManager,
  caller: Caller,
  raw: unknown,
): Promise<ReferralResponsePolicy> {
  const input = parseInput(responsePolicyInputSchema, raw);
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    const organisation = tx.getReference(Organisation, organisationId);
    const policy =
      (await tx.findOne(ReferralResponsePolicy, { organisation, agencyType: input.agencyType })) ??
      tx.create(ReferralResponsePolicy, { organisation, ...input });
    policy.workingDays = input.workingDays;
    policy.updatedAt = new Date();
    policy.updatedBy =
      caller.identity.kind === 'staff' ? tx.getReference(User, caller.identity.userId) : null;
    audit(tx, caller, 'UPDATE', 'ReferralResponsePolicy', [organisationId], {
      reason: `${input.agencyType}: ${input.workingDays} working days`,
    });
    await tx.flush();
    return policy;
  });
}

/**
 * Raises a REFERRAL_OVERDUE task, for the sending organisation's safeguarding team, for each
 * referral past its due date and still waiting for a response: exactly once per referral, however
 * many gateway instances run it at the same moment (a unique index on the task's source, and
 * `on conflict do nothing`). Runs on the owner's connection, across organisations, from the hourly
 * maintenance. The task is due when the referral was. A task whose referral has since had its
 * decision (or was withdrawn) is marked done by the same check: the agency deciding cannot touch
 * the sender's tasks itself (row-level security). Returns how many it raised.
 */
export async function raiseOverdueTasks(em: EntityManager, now = new Date()): Promise<number> {
  const rows = (await em.getConnection().execute(
    `insert into task (organisation_id, id, kind, source_type, source_id, status, created_at, due_at)
     select r.organisation_id, gen_random_uuid(), 'REFERRAL_OVERDUE', 'Referral', r.id, 'OPEN', ?, r.respond_by
       from referral r
      where r.status = any(?::text[]) and r.respond_by <= ?
     on conflict (organisation_id, source_type, source_id) where kind = 'REFERRAL_OVERDUE' do nothing
     returning id`,
    [now, pgArray(AWAITING_RESPONSE), now],
  )) as unknown[];
  await em.getConnection().execute(
    `update task t set status = 'DONE', done_at = ?
       from referral r
      where t.kind = 'REFERRAL_OVERDUE' and t.status = 'OPEN' and t.source_type = 'Referral'
        and r.organisation_id = t.organisation_id and r.id = t.source_id and not (r.status = any(?::text[]))`,
    [now, pgArray(AWAITING_RESPONSE)],
  );
  return rows.length;
}
