import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { ConsentStatus, LegalBasis, RiskLevel, TriageDecision } from '@doorstep/schema';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ConsentStatusEnum, LegalBasisEnum, RiskLevelEnum, TriageDecisionEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import { Concern } from '../concern/concern.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { TriageCaseInput } from '../case/case.inputs.js';
import { PartnerAgency, ReferralSharingInput } from './referral.resolver.js';
import { referralDraft, triageAndRefer } from './triage-referral.service.js';

/** Rules in `triageReferralInputSchema` (@doorstep/schema). */
@InputType({ description: 'The referral a decision to REFER sends: the triage’s reason is its reason' })
export class TriageReferralInput extends ReferralSharingInput {
  @Field(() => String, {
    nullable: true,
    description:
      'What the agency needs to know; left out, the summary prefilled from the concern (referralDraft)',
  })
  summary?: string | null;
}

/** Rules in `triageInputSchema` (@doorstep/schema). */
@InputType({ description: 'A triage decision' })
export class TriageInput {
  @Field(() => TriageDecisionEnum)
  decision!: TriageDecision;

  @Field(() => RiskLevelEnum)
  riskLevel!: RiskLevel;

  @Field({ description: 'Why this decision' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Needed when the risk level changes from an earlier triage',
  })
  riskChangeReason?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you decided on: if someone else triaged since, you get STALE_VERSION',
  })
  expectedVersion?: number | null;

  @Field(() => TriageReferralInput, {
    nullable: true,
    description: 'Required when the decision is REFER, and only then: the referral it sends',
  })
  referral?: TriageReferralInput | null;

  @Field(() => TriageCaseInput, {
    nullable: true,
    description:
      'Only when the decision is OPEN_CASE, and optional then: who leads the case, what matters to the ' +
      'person, how often it is reviewed',
  })
  case?: TriageCaseInput | null;
}

@ObjectType({ description: 'What a referral of a concern starts from, for the form before triage' })
@Access(Permission.ReferralSend)
export class ReferralDraft {
  @Field(() => ID)
  concernId!: string;

  @Field({ description: 'The summary prefilled from the concern: its urgency, categories and triage reason' })
  summary!: string;

  @Field(() => ConsentStatusEnum, { description: 'The person’s consent to sharing, as recorded' })
  consentStatus!: ConsentStatus;

  @Field(() => LegalBasisEnum, {
    nullable: true,
    description: 'CONSENT when the person gave it; otherwise empty: choose the reason sharing is justified',
  })
  suggestedLegalBasis!: LegalBasis | null;

  @Field(() => [PartnerAgency], { description: 'The partner agencies to choose from' })
  agencies!: Organisation[];
}

@Resolver(() => Concern)
export class TriageReferralResolver {
  @Access(Permission.ConcernTriage)
  @Mutation(() => Concern, {
    description:
      'Triage a concern (RAISED → TRIAGED), or re-triage it. A changed risk level needs riskChangeReason. ' +
      'A decision to REFER sends the referral given in `referral` in the same step (its refusal, fields ' +
      '`referral.…`, refuses the triage too). A decision to OPEN_CASE opens a case in the same step (`case`, ' +
      'optional); a concern about someone with an open case is added to that case instead, whatever the ' +
      'decision. A closed concern gives INVALID_TRANSITION.',
  })
  triageConcern(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TriageInput) input: TriageInput,
    @Ctx() ctx: Context,
  ) {
    return triageAndRefer(ctx.em, callerOf(ctx), id, input);
  }

  @Access(Permission.ConcernTriage)
  @Query(() => ReferralDraft, {
    description:
      'Before triaging a concern REFER: the prefilled summary, the consent and suggested legal basis, and ' +
      'the agencies to choose from. Recorded as a read of the concern.',
  })
  referralDraft(@Arg('concernId', () => ID) concernId: string, @Ctx() ctx: Context) {
    return referralDraft(ctx.em, callerOf(ctx), concernId);
  }
}
