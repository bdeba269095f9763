import type { EntityManager } from '@mikro-orm/postgresql';
import { caseReviewPolicyInputSchema, DEFAULT_CASE_REVIEW_WEEKS } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { staffOf, type Caller } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { CaseReviewPolicy } from './case.entity.js';

/** How many weeks between reviews of the organisation's cases: its own setting, or the default. */
export async function reviewEveryWeeksFor(em: EntityManager, organisationId: string): Promise<number> {
  const policy = await em.findOne(CaseReviewPolicy, { organisation: organisationId });
  return policy?.reviewEveryWeeks ?? DEFAULT_CASE_REVIEW_WEEKS;
}

/** The organisation's review frequency: its own, or the default (not stored). */
export async function getReviewPolicy(em: EntityManager, caller: Caller): Promise<CaseReviewPolicy> {
  const organisationId = caller.identity.organisationId;
  const stored = await em.findOne(CaseReviewPolicy, { organisation: organisationId });
  if (stored) return stored;
  const shown = new CaseReviewPolicy();
  Object.assign(shown, {
    organisation: em.getReference(Organisation, organisationId),
    reviewEveryWeeks: DEFAULT_CASE_REVIEW_WEEKS,
  });
  return shown;
}

/**
 * A safeguarding lead or manager sets how often the organisation's cases are reviewed. It applies to
 * cases opened from now on (an open case keeps its frequency). Audited as UPDATE.
 */
export async function setReviewPolicy(
  em: EntityManager,
  caller: Caller,
  raw: unknown,
): Promise<CaseReviewPolicy> {
  const input = parseInput(caseReviewPolicyInputSchema, raw);
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    const organisation = tx.getReference(Organisation, organisationId);
    const policy =
      (await tx.findOne(CaseReviewPolicy, { organisation })) ??
      tx.create(CaseReviewPolicy, { organisation, reviewEveryWeeks: input.reviewEveryWeeks });
    policy.reviewEveryWeeks = input.reviewEveryWeeks;
    policy.updatedAt = new Date();
    policy.updatedBy = tx.getReference(User, staffOf(caller).userId);
    audit(tx, caller, 'UPDATE', 'CaseReviewPolicy', [organisationId], {
      reason: `every ${input.reviewEveryWeeks} weeks`,
    });
    await tx.flush();
    return policy;
  });
}
