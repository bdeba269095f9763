import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  CaseActionStatus,
  CaseNoteType,
  CaseStatus,
  OutcomesAchieved,
  RiskOutcome,
} from '@doorstep/schema';
import {
  CaseActionStatusEnum,
  CaseNoteTypeEnum,
  CaseStatusEnum,
  OutcomesAchievedEnum,
  RiskOutcomeEnum,
} from '../../common/enums.js';
import { PersonViewsInput } from '../concern/concern.inputs.js';

/** Rules in `triageCaseInputSchema` (@doorstep/schema). */
@InputType({ description: 'The case a decision to OPEN_CASE opens: every part optional' })
export class TriageCaseInput {
  @Field(() => ID, {
    nullable: true,
    description: 'A safeguarding lead or champion; left out, whoever triages',
  })
  leadWorkerId?: string | null;

  @Field(() => PersonViewsInput, {
    nullable: true,
    description: 'What matters to the person; left out, what the concern recorded of their views',
  })
  desiredOutcomes?: PersonViewsInput | null;

  @Field(() => Int, { nullable: true, description: 'Weeks between reviews; left out, your organisation’s' })
  reviewEveryWeeks?: number | null;
}

/** Rules in `openCaseInputSchema` (@doorstep/schema). */
@InputType({ description: 'A case opened directly: about people, from concerns, or both' })
export class OpenCaseInput {
  @Field(() => ID, { nullable: true, description: 'A safeguarding lead or champion; left out, you' })
  leadWorkerId?: string | null;

  @Field(() => PersonViewsInput, { description: 'What matters to the person (their desired outcomes)' })
  desiredOutcomes!: PersonViewsInput;

  @Field(() => Int, { nullable: true, description: 'Weeks between reviews; left out, your organisation’s' })
  reviewEveryWeeks?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Triaged concerns not yet in a case: their subjects join it',
  })
  concernIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The people it is about' })
  personIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Their household; left out, the concerns’ household' })
  householdId?: string | null;
}

/** Rules in `caseActionInputSchema` (@doorstep/schema). */
@InputType({ description: 'An action of a case’s plan' })
export class CaseActionInput {
  @Field({ description: 'What is to be done' })
  what!: string;

  @Field({ description: 'Who does it: a colleague, an agency, the person' })
  who!: string;

  @Field({ description: 'YYYY-MM-DD: today or later' })
  dueOn!: string;
}

/** Rules in `caseActionUpdateSchema` (@doorstep/schema). */
@InputType({ description: 'An action as it is now' })
export class CaseActionUpdateInput {
  @Field()
  what!: string;

  @Field()
  who!: string;

  @Field({ description: 'YYYY-MM-DD' })
  dueOn!: string;

  @Field(() => CaseActionStatusEnum)
  status!: CaseActionStatus;
}

/** Rules in `caseNoteInputSchema` (@doorstep/schema). */
@InputType({ description: 'A case note' })
export class CaseNoteInput {
  @Field(() => CaseNoteTypeEnum)
  type!: CaseNoteType;

  @Field(() => Date, { description: 'When it happened: not in the future' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who was present or contacted' })
  present?: string | null;

  @Field({ description: 'What happened' })
  body!: string;
}

/** Rules in `caseReviewInputSchema` (@doorstep/schema). */
@InputType({ description: 'A review of a case' })
export class CaseReviewInput {
  @Field({ description: 'How the work with the person is going' })
  summary!: string;

  @Field({ description: 'Whether what matters to the person changed since the last review (or the opening)' })
  desiredOutcomesChanged!: boolean;

  @Field(() => PersonViewsInput, {
    nullable: true,
    description: 'What matters to the person now: required when it changed; left out, as before',
  })
  desiredOutcomes?: PersonViewsInput | null;
}

/** Rules in `caseReviewSignOffSchema` (@doorstep/schema). */
@InputType({ description: 'A manager’s sign-off of a case review' })
export class CaseReviewSignOffInput {
  @Field(() => String, { nullable: true, description: 'What the manager says about the review' })
  comment?: string | null;
}

/** Rules in `caseClosureSchema` (@doorstep/schema). */
@InputType({ description: 'The Making Safeguarding Personal outcome a case closes with' })
export class CaseClosureInput {
  @Field({ description: 'Was the person asked what outcomes they wanted?' })
  outcomesAsked!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when they were not asked: why' })
  outcomesNotAskedReason?: string | null;

  @Field(() => OutcomesAchievedEnum, { nullable: true, description: 'Required when they were asked' })
  outcomesAchieved?: OutcomesAchieved | null;

  @Field(() => RiskOutcomeEnum)
  riskOutcome!: RiskOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'The person’s own view of how it went, if they gave one',
  })
  personView?: string | null;
}

/** Rules in `caseReviewPolicyInputSchema` (@doorstep/schema). */
@InputType()
export class CaseReviewPolicyInput {
  @Field(() => Int, { description: 'Weeks between reviews of a case (1–26)' })
  reviewEveryWeeks!: number;
}

/** Rules in `caseListFilterSchema` (@doorstep/schema). */
@InputType({ description: 'Which cases to list' })
export class CaseFilter {
  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => ID, { nullable: true, description: 'Cases about this person' })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  householdId?: string | null;

  @Field(() => ID, { nullable: true })
  leadWorkerId?: string | null;
}

/** Rules in `casePersonInputSchema` (@doorstep/schema). */
@InputType({ description: 'A person joining an open case' })
export class CasePersonInput {
  @Field(() => ID, { description: 'Someone of your organisation you may see, not in the case yet' })
  personId!: string;
}

/** Rules in `casePersonRemovalSchema` (@doorstep/schema). */
@InputType({ description: 'A person leaving an open case, and why' })
export class CasePersonRemovalInput {
  @Field(() => ID)
  personId!: string;

  @Field({ description: 'Why they are no longer part of the case' })
  reason!: string;
}

/** Rules in `caseLeadWorkerSchema` (@doorstep/schema). */
@InputType({ description: 'Who leads an open case from now on' })
export class CaseLeadWorkerInput {
  @Field(() => ID, { description: 'A safeguarding lead or champion of your organisation' })
  leadWorkerId!: string;
}
