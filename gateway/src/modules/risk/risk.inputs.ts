import type { DashAnswer, LegalBasis } from '@doorstep/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DashAnswerEnum, LegalBasisEnum } from '../../common/enums.js';

@InputType({ description: 'An answer to one DASH question, in question order' })
export class DashAnswerInput {
  @Field(() => DashAnswerEnum)
  answer!: DashAnswer;

  @Field(() => String, { nullable: true, description: 'The practitioner’s notes on this answer' })
  notes?: string | null;
}

/** Rules in `dashChecklistUpdateSchema` (@doorstep/schema). */
@InputType()
export class DashChecklistUpdateInput {
  @Field({ description: 'YYYY-MM-DD: the day the checklist was completed, today or earlier' })
  assessedOn!: string;

  @Field(() => [DashAnswerInput], {
    description: 'All 24 answers, in the order of the questions (DASH_QUESTIONS in @doorstep/schema)',
  })
  answers!: DashAnswerInput[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Your professional judgement is that this should go to MARAC (default no)',
  })
  professionalJudgement?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why: required with professionalJudgement' })
  professionalJudgementReason?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'YYYY-MM-DD: days the police were called out about domestic abuse to this person that no concern records',
  })
  policeCallouts?: string[] | null;
}

/** Rules in `dashChecklistInputSchema` (@doorstep/schema). */
@InputType()
export class DashChecklistInput extends DashChecklistUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The concern it is recorded on (or give caseId)' })
  concernId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The open case it is recorded on (or give concernId)' })
  caseId?: string | null;

  @Field(() => ID, { description: 'The person at risk: someone the concern or case is about' })
  personId!: string;
}

/** Rules in `maracReferralInputSchema` (@doorstep/schema). */
@InputType({ description: 'A MARAC referral from a DASH checklist whose MARAC referral is suggested' })
export class MaracReferralInput {
  @Field(() => ID)
  checklistId!: string;

  @Field(() => Int, {
    description: 'The checklist’s version as you last saw it (STALE_VERSION if changed since)',
  })
  version!: number;

  @Field(() => ID, { description: 'The MARAC (a partner agency of type MARAC)' })
  recipientOrganisationId!: string;

  @Field(() => LegalBasisEnum)
  legalBasis!: LegalBasis;

  @Field(() => String, { nullable: true, description: 'Required unless the basis is CONSENT' })
  legalBasisReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Why you are referring (default: the criteria met)' })
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the MARAC needs to know (default: the score, level, criteria and incidents)',
  })
  summary?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Share your notes on each answer too (default no: the answers only)',
  })
  includeNotes?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Share what was reported word for word (default no)' })
  includeWhatWasReported?: boolean | null;
}

@InputType({ description: 'The decision made in the best interests of a person who lacks capacity for it' })
export class BestInterestsInput {
  @Field()
  decision!: string;

  @Field()
  decidedBy!: string;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field({ description: 'Who was consulted: family, carers, an advocate or IMCA (or why nobody could be)' })
  consulted!: string;

  @Field({ description: 'The person’s wishes, feelings, beliefs and values' })
  personsWishes!: string;
}

/** Rules in `capacityAssessmentUpdateSchema` (@doorstep/schema). */
@InputType()
export class CapacityAssessmentUpdateInput {
  @Field({ description: 'The decision the assessment is about' })
  decision!: string;

  @Field({ description: 'YYYY-MM-DD, today or earlier' })
  assessedOn!: string;

  @Field()
  assessorName!: string;

  @Field({ description: 'The assessor’s role and organisation' })
  assessorRole!: string;

  @Field({ description: 'What was done to help the person make the decision themselves' })
  practicableSteps!: string;

  @Field({
    description: 'Stage 1: an impairment of, or disturbance in the functioning of, the mind or brain',
  })
  impairment!: boolean;

  @Field(() => String, { nullable: true, description: 'Required with an impairment' })
  impairmentDetail?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Stage 2 (required with an impairment)' })
  canUnderstand?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stage 2 (required with an impairment)' })
  canRetain?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stage 2 (required with an impairment)' })
  canUseOrWeigh?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Stage 2 (required with an impairment)' })
  canCommunicate?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Required when the person is unable to do one of the four: is it because of the impairment?',
  })
  inabilityBecauseOfImpairment?: boolean | null;

  @Field({ description: 'How the conclusion was reached, with the evidence' })
  reasons!: string;

  @Field(() => BestInterestsInput, {
    nullable: true,
    description: 'Required when the person lacks capacity for the decision; refused otherwise',
  })
  bestInterests?: BestInterestsInput | null;
}

/** Rules in `capacityAssessmentInputSchema` (@doorstep/schema). */
@InputType()
export class CapacityAssessmentInput extends CapacityAssessmentUpdateInput {
  @Field(() => ID, { nullable: true, description: 'The concern it is recorded on (or give caseId)' })
  concernId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The open case it is recorded on (or give concernId)' })
  caseId?: string | null;

  @Field(() => ID, {
    description: 'The person whose capacity was assessed: someone the concern or case is about',
  })
  personId!: string;
}
