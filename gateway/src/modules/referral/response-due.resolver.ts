import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { AgencyType } from '@doorstep/schema';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { AgencyTypeEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import { Referral } from './referral.entity.js';
import { ReferralResponsePolicy } from './response-due.entity.js';
import { isOverdue, listResponsePolicies, setResponsePolicy } from './response-due.service.js';

/** Rules in `responsePolicyInputSchema` (@doorstep/schema). */
@InputType()
export class ResponsePolicyInput {
  @Field(() => AgencyTypeEnum)
  agencyType!: AgencyType;

  @Field(() => Int, { description: 'Working days to respond (0–30; 0: the same working day)' })
  workingDays!: number;
}

@Resolver(() => ReferralResponsePolicy)
export class ResponsePolicyResolver {
  @Access(Permission.ResponsePolicyRead)
  @Query(() => [ReferralResponsePolicy], {
    description:
      'How many working days each agency type has to respond to your referrals (yours or the default)',
  })
  referralResponsePolicies(@Ctx() ctx: Context) {
    return listResponsePolicies(ctx.em, callerOf(ctx));
  }

  @Access(Permission.ResponsePolicyWrite)
  @Mutation(() => ReferralResponsePolicy, {
    description:
      'Set how many working days an agency type has to respond: applies to referrals sent from now on',
  })
  setReferralResponsePolicy(
    @Arg('input', () => ResponsePolicyInput) input: ResponsePolicyInput,
    @Ctx() ctx: Context,
  ) {
    return setResponsePolicy(ctx.em, callerOf(ctx), input);
  }
}

/** Whether a referral is overdue: both sides see it. */
@Resolver(() => Referral)
export class ReferralOverdueResolver {
  @FieldResolver(() => Boolean, {
    description: 'Past its respondBy date and the agency has not yet responded',
  })
  overdue(@Root() referral: Referral): boolean {
    return isOverdue(referral);
  }
}
