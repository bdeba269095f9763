import type { FlagStatus, TaskStatus } from '@doorstep/schema';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { FlagStatusEnum, TaskStatusEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import { Household } from '../household/household.entity.js';
import { householdById } from '../household/household.service.js';
import { Person } from '../person/person.entity.js';
import { ReasonInput } from '../person/person.inputs.js';
import { personById } from '../person/person.service.js';
import { CumulativeFlag, CumulativeRule, Task } from './cumulative.entity.js';
import { getRule, listFlags, listTasks, reviewFlag, setRule } from './cumulative.service.js';

/** Rules in `cumulativeRuleInputSchema` (@doorstep/schema). */
@InputType()
export class CumulativeRuleInput {
  @Field(() => Int, { description: 'How many low-level concerns (2–20)…' })
  threshold!: number;

  @Field(() => Int, { description: '…within how many months (1–36)' })
  windowMonths!: number;
}

@Resolver(() => CumulativeFlag)
export class CumulativeResolver {
  @Access(Permission.RecordRead)
  @Query(() => CumulativeRule, { description: 'Your organisation’s rule for low-level concerns adding up' })
  cumulativeRule(@Ctx() ctx: Context) {
    return getRule(ctx.em, callerOf(ctx));
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => CumulativeRule, { description: 'Set the rule: it applies to concerns from now on' })
  setCumulativeRule(
    @Arg('input', () => CumulativeRuleInput) input: CumulativeRuleInput,
    @Ctx() ctx: Context,
  ) {
    return setRule(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.RecordRead)
  @Query(() => [CumulativeFlag], { description: 'Cumulative-concern flags, newest first' })
  cumulativeFlags(
    @Ctx() ctx: Context,
    @Arg('status', () => FlagStatusEnum, { nullable: true }) status?: FlagStatus,
  ) {
    return listFlags(ctx.em, callerOf(ctx), { status });
  }

  @Access(Permission.ConcernTriage)
  @Mutation(() => CumulativeFlag, {
    description: 'Review an open flag, with the reason: its triage task is done',
  })
  reviewCumulativeFlag(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
  ) {
    return reviewFlag(ctx.em, callerOf(ctx), id, input);
  }

  @Access(Permission.RecordRead)
  @Query(() => [Task], { description: 'Work waiting for the safeguarding team, soonest due first' })
  tasks(@Ctx() ctx: Context, @Arg('status', () => TaskStatusEnum, { nullable: true }) status?: TaskStatus) {
    return listTasks(ctx.em, status);
  }

  @FieldResolver(() => Person, { nullable: true })
  person(@Root() flag: CumulativeFlag, @Ctx() ctx: Context) {
    return flag.person ? personById(ctx.em, callerOf(ctx), flag.person.id) : null;
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Root() flag: CumulativeFlag, @Ctx() ctx: Context) {
    return flag.household ? householdById(ctx.em, callerOf(ctx), flag.household.id) : null;
  }
}
