import type { EntityManager } from '@mikro-orm/postgresql';
import { londonDateOf, triageInputSchema, type ConsentStatus, type LegalBasis } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import type { Caller } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import type { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import { triageConcern } from '../concern/triage.service.js';
import { caseAtTriage } from '../case/case.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { partnerAgencies, sendReferral } from './referral.service.js';

/*
 * Triage sits in the concern module, below referral (docs/architecture.md, "Layers"): a decision to
 * REFER that sends a referral is put together here, above both, and the `triageConcern` mutation
 * with it. The concern module keeps the triage's own rules; referral.service.ts the referral's.
 */

/** `SELF_NEGLECT` as "self neglect". */
const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');

/**
 * The summary a referral from triage starts from: the concern's reference, when it was raised, its
 * urgency and categories, and the latest triage reason (at triage, the reason just given). Only
 * what the lead has already written or chosen; nothing of what was reported.
 */
export function draftSummary(concern: Concern): string {
  const categories = concern.categories.length
    ? concern.categories.map(words).join(', ')
    : 'no category given';
  return [
    `Concern ${concern.reference}, raised ${londonDateOf(concern.raisedAt)}: ${words(concern.urgency)}; ${categories}.`,
    ...(concern.triageReason ? [`Triage: ${concern.triageReason}`] : []),
  ].join('\n');
}

/**
 * Triages a concern; a decision to REFER sends its referral in the same transaction (to the agency
 * and on the legal basis given, with the triage's reason, the summary given or the prefilled one, and
 * everything else from the concern as `referConcern` shares it). A refused referral (not an agency,
 * consent not given, …) refuses the triage too, its fields named `referral.…`: nothing is saved.
 * Casework in the same transaction (`caseAtTriage`): a concern about someone with an open case is
 * attached to it, whatever the decision; OPEN_CASE otherwise opens one (`case`, all optional). A
 * refused case (fields `case.…`) refuses the triage too.
 */
export async function triageAndRefer(
  em: EntityManager,
  caller: Caller,
  id: string,
  raw: unknown,
): Promise<Concern> {
  const input = parseInput(triageInputSchema, raw);
  return em.transactional(async (tx) => {
    const concern = await triageConcern(tx, caller, id, input);
    await caseAtTriage(tx, caller, concern, input.case);
    if (input.referral) {
      const { summary, ...sharing } = input.referral;
      await sendReferral(
        tx,
        caller,
        concern,
        { ...sharing, reason: input.reason, summary: summary ?? draftSummary(concern) },
        'referral',
      );
    }
    return concern;
  });
}

export interface ReferralDraftShape {
  concernId: string;
  summary: string;
  consentStatus: ConsentStatus;
  suggestedLegalBasis: LegalBasis | null;
  agencies: Organisation[];
}

/**
 * What a referral of a concern would start from, for the form before triage: the prefilled summary,
 * the person's consent and the legal basis it suggests (CONSENT when given), and the agencies to
 * choose from. Audited as a read of the concern.
 */
export async function referralDraft(
  em: EntityManager,
  caller: Caller,
  concernId: string,
): Promise<ReferralDraftShape> {
  const concern = await findConcern(em, caller, concernId);
  audit(em, caller, 'READ', 'Concern', [concern.id]);
  await em.flush();
  return {
    concernId: concern.id,
    summary: draftSummary(concern),
    consentStatus: concern.consentStatus,
    suggestedLegalBasis: concern.consentStatus === 'GIVEN' ? 'CONSENT' : null,
    agencies: await partnerAgencies(em),
  };
}
