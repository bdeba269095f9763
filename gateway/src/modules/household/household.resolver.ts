import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { User } from '../organisation/user.entity.js';
import { load } from '../../common/loader.js';
import { Household, HouseholdAssignment, HouseholdMember } from './household.entity.js';
import {
  AssignmentInput,
  HouseholdInput,
  HouseholdMemberInput,
  LeaveHouseholdInput,
} from './household.inputs.js';
import {
  addHouseholdMember,
  assignHousehold,
  createHousehold,
  endAssignment,
  endHouseholdMembership,
  findHousehold,
  getHousehold,
  listAssignments,
  membersOf,
  updateHousehold,
} from './household.service.js';

@Resolver(() => Household)
export class HouseholdResolver {
  @Access(Permission.RecordRead)
  @Query(() => Household, { description: 'One household of your organisation, in full' })
  household(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getHousehold(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => Household)
  createHousehold(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => HouseholdInput) input: HouseholdInput,
    @Ctx() ctx: Context,
  ) {
    return createHousehold(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => Household)
  updateHousehold(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => HouseholdInput) input: HouseholdInput,
    @Ctx() ctx: Context,
  ) {
    return updateHousehold(ctx.em, callerOf(ctx), id, input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => HouseholdMember, { description: 'Someone joins a household' })
  addHouseholdMember(
    @Arg('householdId', () => ID) householdId: string,
    @Arg('input', () => HouseholdMemberInput) input: HouseholdMemberInput,
    @Ctx() ctx: Context,
  ) {
    return addHouseholdMember(ctx.em, callerOf(ctx), householdId, input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => HouseholdMember, { description: 'Someone leaves a household' })
  endHouseholdMembership(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('input', () => LeaveHouseholdInput) input: LeaveHouseholdInput,
    @Ctx() ctx: Context,
  ) {
    return endHouseholdMembership(ctx.em, callerOf(ctx), memberId, input);
  }

  @Access(Permission.RecordRead)
  @Query(() => [HouseholdAssignment], {
    description: 'Who works with a household, or which households someone works with',
  })
  householdAssignments(
    @Ctx() ctx: Context,
    @Arg('householdId', () => ID, { nullable: true }) householdId?: string,
    @Arg('userId', () => ID, { nullable: true }) userId?: string,
    @Arg('includeEnded', () => Boolean, { nullable: true }) includeEnded?: boolean,
  ) {
    return listAssignments(ctx.em, callerOf(ctx), { householdId, userId, includeEnded });
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => HouseholdAssignment, {
    description:
      'A member of staff or contractor starts working with a household: they see its warnings while it lasts',
  })
  assignHousehold(@Arg('input', () => AssignmentInput) input: AssignmentInput, @Ctx() ctx: Context) {
    return assignHousehold(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => HouseholdAssignment, { description: 'Ends an assignment (today, unless a day is given)' })
  endHouseholdAssignment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('until', () => String, { nullable: true, description: 'YYYY-MM-DD' }) until?: string,
  ) {
    return endAssignment(ctx.em, callerOf(ctx), id, until);
  }

  @FieldResolver(() => [HouseholdMember], { description: 'Who lives there (today, unless includePast)' })
  members(
    @Root() household: Household,
    @Ctx() ctx: Context,
    @Arg('includePast', () => Boolean, { nullable: true }) includePast?: boolean,
  ) {
    return membersOf(ctx.em, callerOf(ctx), household.id, !includePast);
  }

  @FieldResolver(() => [HouseholdAssignment], { description: 'Who works with the household today' })
  assignments(@Root() household: Household, @Ctx() ctx: Context) {
    return listAssignments(ctx.em, callerOf(ctx), { householdId: household.id });
  }
}

@Resolver(() => HouseholdMember)
export class HouseholdMemberResolver {
  @FieldResolver(() => Household)
  household(@Root() member: HouseholdMember, @Ctx() ctx: Context) {
    return findHousehold(ctx.em, member.household.id);
  }
}

@Resolver(() => HouseholdAssignment)
export class HouseholdAssignmentResolver {
  @FieldResolver(() => String, { description: 'The name of who works with the household' })
  userName(@Root() assignment: HouseholdAssignment, @Ctx() ctx: Context) {
    return load<string>(
      ctx.em,
      'user.name',
      assignment.user.id,
      async (ids) => new Map((await ctx.em.find(User, { id: { $in: [...ids] } })).map((u) => [u.id, u.name])),
      '',
    );
  }
}
