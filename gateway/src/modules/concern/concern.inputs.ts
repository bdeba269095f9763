import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type {
  LocationOfRisk,
  SourceOfRisk,
  SelfConsent,
  ChildrenPresent,
  ConcernCategory,
  ConcernPersonRole,
  ConcernUrgency,
  ConsentStatus,
  ViewsStatus,
} from '@doorstep/schema';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import {
  SelfConsentEnum,
  ChildrenPresentEnum,
  ConcernCategoryEnum,
  ConcernPersonRoleEnum,
  ConcernUrgencyEnum,
  ConsentStatusEnum,
  LocationOfRiskEnum,
  SourceOfRiskEnum,
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

  @Field(() => [ID], {
    nullable: true,
    description:
      'People the concern is about, by record (from search, or householdsIWorkWith for frontline staff and contractors)',
  })
  subjectIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Alleged sources of harm, by record: never also a subject',
  })
  allegedSourceIds?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The household, by record. Frontline staff and contractors: one they work with.',
  })
  householdId?: string | null;

  @Field(() => [NamedPersonInput], {
    nullable: true,
    description: 'People named who are not on record (at most 10), in the order given',
  })
  namedPeople?: NamedPersonInput[] | null;

  @Field(() => LocationOfRiskEnum, { nullable: true })
  locationOfRisk?: LocationOfRisk | null;

  @Field(() => SourceOfRiskEnum, { nullable: true })
  sourceOfRisk?: SourceOfRisk | null;
}

@InputType({
  description:
    'Someone the concern names who is not on record, or not listed in the household chosen: the safeguarding team finds or adds their record',
})
export class NamedPersonInput {
  @Field({ description: 'Their name, or what people call them' })
  name!: string;

  @Field(() => ConcernPersonRoleEnum, {
    description: 'The concern is about them, or they may be causing the harm',
  })
  role!: ConcernPersonRole;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, if known' })
  dateOfBirth?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Anything else that helps find them, e.g. age, how they are connected',
  })
  description?: string | null;
}

@InputType({ description: 'How to reach someone who raised a concern without signing in. All optional.' })
export class ReporterContactInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

/**
 * A concern from the public form or a tenant site. Rules in `publicConcernInputSchema`
 * (@doorstep/schema).
 */
@InputType()
export class PublicConcernInput {
  @Field(() => ConcernUrgencyEnum)
  urgency!: ConcernUrgency;

  @Field({ description: 'True when the concern is about the person raising it' })
  aboutSelf!: boolean;

  @Field({ description: 'Who the concern is about' })
  subjectDescription!: string;

  @Field({ description: 'Address or place' })
  location!: string;

  @Field({ description: 'What the reporter saw or heard' })
  whatHappened!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 date and time with offset' })
  happenedAt?: string | null;

  @Field(() => ChildrenPresentEnum, { nullable: true })
  childrenPresent?: ChildrenPresent | null;

  @Field(() => String, { nullable: true, description: 'When about themselves: what they want to happen' })
  views?: string | null;

  @Field(() => SelfConsentEnum, {
    nullable: true,
    description: 'When about themselves: may the information be shared to get them help? Required then.',
  })
  consent?: SelfConsent | null;

  @Field(() => ReporterContactInput, { nullable: true, description: 'Leave out to stay anonymous' })
  contact?: ReporterContactInput | null;
}

/** All a reporter gets back: enough to quote, nothing about the record. */
@ObjectType({ description: 'Proof that a concern was received' })
@Access(Permission.Envelope)
export class ConcernReceipt {
  @Field({ description: 'Human-readable reference, e.g. SG-2026-000123' })
  reference!: string;

  @Field(() => Date)
  receivedAt!: Date;
}
