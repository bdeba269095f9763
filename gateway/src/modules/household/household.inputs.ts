import type { AssignmentReason, HouseholdRole, Tenure } from '@doorstep/schema';
import { Field, ID, InputType } from 'type-graphql';
import { AssignmentReasonEnum, HouseholdRoleEnum, TenureEnum } from '../../common/enums.js';

/** Rules in `householdInputSchema` (@doorstep/schema). */
@InputType()
export class HouseholdInput {
  @Field()
  tenancyReference!: string;

  @Field()
  addressLine1!: string;

  @Field(() => String, { nullable: true })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  town?: string | null;

  @Field()
  postcode!: string;

  @Field()
  localAuthorityArea!: string;

  @Field(() => TenureEnum)
  tenure!: Tenure;
}

@InputType()
export class HouseholdMemberInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => HouseholdRoleEnum)
  role!: HouseholdRole;

  @Field({ description: 'YYYY-MM-DD' })
  joinedOn!: string;
}

@InputType()
export class LeaveHouseholdInput {
  @Field({ description: 'YYYY-MM-DD' })
  leftOn!: string;
}

/** Rules in `assignmentInputSchema` (@doorstep/schema). */
@InputType({ description: 'Someone working with a household: a patch, a repair or gas job, support' })
export class AssignmentInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => ID)
  householdId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  from!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; leave out while open-ended' })
  until?: string | null;

  @Field(() => AssignmentReasonEnum)
  reason!: AssignmentReason;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
