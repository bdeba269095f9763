import { Field, InputType, ObjectType } from 'type-graphql';
import type {
  ChildrenPresent,
  ConcernCategory,
  ConcernUrgency,
  ConsentStatus,
  ViewsStatus,
} from '@doorstep/schema';
import {
  ChildrenPresentEnum,
  ConcernCategoryEnum,
  ConcernUrgencyEnum,
  ConsentStatusEnum,
  ViewsStatusEnum,
} from '../../common/enums.js';

/**
 * The GraphQL shape of the input. The rules (required text, lengths, conditional reasons, dates)
 * live in `raiseConcernInputSchema` in @doorstep/schema, shared with the widgets.
 */
@InputType({ description: 'Making Safeguarding Personal: the person’s own views and wishes' })
export class PersonViewsInput {
  @Field(() => ViewsStatusEnum)
  status!: ViewsStatus;

  @Field(() => String, { nullable: true, description: 'What the person wants to happen, in their words' })
  views?: string | null;

  @Field(() => String, { nullable: true, description: 'Required when status is NOT_ASKED' })
  notAskedReason?: string | null;
}

@InputType({ description: 'Consent to share information with other agencies' })
export class ConsentInput {
  @Field(() => ConsentStatusEnum)
  status!: ConsentStatus;

  @Field(() => String, { nullable: true, description: 'Required when NOT_SOUGHT or LACKS_CAPACITY' })
  reason?: string | null;
}

@InputType()
export class RaiseConcernInput {
  @Field(() => ConcernUrgencyEnum)
  urgency!: ConcernUrgency;

  @Field(() => [ConcernCategoryEnum], { nullable: true, description: 'Leave empty if not sure' })
  categories?: ConcernCategory[] | null;

  @Field(() => ConcernCategoryEnum, { nullable: true, description: 'Defaults to the first category' })
  primaryCategory?: ConcernCategory | null;

  @Field({ description: 'Who the concern is about' })
  subjectDescription!: string;

  @Field({ description: 'Address or place' })
  location!: string;

  @Field({ description: 'What the reporter saw or heard' })
  whatHappened!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date and time with offset' })
  happenedAt?: string | null;

  @Field(() => String, { nullable: true })
  actionsTaken?: string | null;

  @Field(() => PersonViewsInput)
  personViews!: PersonViewsInput;

  @Field(() => ConsentInput)
  consent!: ConsentInput;

  @Field(() => Boolean, { nullable: true })
  mentalCapacityConcern?: boolean | null;

  @Field(() => ChildrenPresentEnum, { nullable: true })
  childrenPresent?: ChildrenPresent | null;

  @Field(() => String, { nullable: true })
  othersAtRisk?: string | null;
}

/** All a reporter gets back: enough to quote, nothing about the record. */
@ObjectType()
export class RaiseConcernPayload {
  @Field({ description: 'Human-readable reference, e.g. SG-2026-000123' })
  reference!: string;

  @Field(() => Date)
  receivedAt!: Date;
}
