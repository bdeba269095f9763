import type { WarningTold, WarningType } from '@doorstep/schema';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { WarningToldEnum, WarningTypeEnum } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { addressOf, Household } from '../household/household.entity.js';
import { findHousehold } from '../household/household.service.js';
import { Person } from '../person/person.entity.js';
import { personById } from '../person/person.service.js';
import { ReasonInput } from '../person/person.inputs.js';
import { Warning } from './warning.entity.js';
import {
  addWarning,
  endWarning,
  getWarning,
  listWarnings,
  signOffWarning,
  updateWarning,
  warningsForHousehold,
  warningsOfPerson,
} from './warning.service.js';
import { householdsIWorkWith, VisitHousehold, visitHousehold } from './visit.js';

@ObjectType()
@Access(Permission.Envelope)
export class WarningConnection extends Connection(Warning, 'Warning') {}

@InputType({ description: 'Whether and how the person was told about the warning, or why not' })
export class WarningToldInput {
  @Field(() => WarningToldEnum)
  status!: WarningTold;

  @Field(() => String, { nullable: true, description: 'Needed when TOLD' })
  how?: string | null;

  @Field(() => String, { nullable: true, description: 'Needed when NOT_TOLD' })
  whyNot?: string | null;
}

/** Rules in `warningUpdateSchema` (@doorstep/schema). */
@InputType()
export class WarningUpdateInput {
  @Field(() => WarningTypeEnum)
  type!: WarningType;

  @Field({ description: 'How to stay safe, in plain words for someone about to visit' })
  description!: string;

  @Field({ description: 'YYYY-MM-DD, after today and at most 12 months ahead' })
  reviewDate!: string;

  @Field(() => WarningToldInput)
  told!: WarningToldInput;
}

/** Rules in `warningInputSchema` (@doorstep/schema): exactly one of personId and householdId. */
@InputType()
export class WarningInput extends WarningUpdateInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  householdId?: string | null;
}

@Resolver(() => Warning)
export class WarningResolver {
  @Access(Permission.WarningRead)
  @Query(() => Warning)
  warning(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getWarning(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.WarningRead)
  @Query(() => WarningConnection, {
    description: 'Warnings whose review date has come or passed, earliest first',
  })
  warningsDueForReview(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listWarnings(ctx.em, callerOf(ctx), 'DUE_FOR_REVIEW', { first, after });
  }

  @Access(Permission.WarningRead)
  @Query(() => WarningConnection, { description: 'Warnings waiting for a manager’s sign-off, oldest first' })
  warningsAwaitingSignOff(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listWarnings(ctx.em, callerOf(ctx), 'AWAITING_SIGN_OFF', { first, after });
  }

  @Access(Permission.WarningWrite)
  @Mutation(() => Warning, { description: 'Add a warning to a person or household; a manager signs it off' })
  addWarning(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => WarningInput) input: WarningInput,
    @Ctx() ctx: Context,
  ) {
    return addWarning(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.WarningWrite)
  @Mutation(() => Warning, { description: 'Change or review a warning; it then needs signing off again' })
  updateWarning(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => WarningUpdateInput) input: WarningUpdateInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateWarning(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.WarningSignOff)
  @Mutation(() => Warning, {
    description:
      'A manager signs off a warning: not one who added or changed it since it was last signed off (SAME_PERSON)',
  })
  signOffWarning(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return signOffWarning(ctx.em, callerOf(ctx), id, expectedVersion);
  }

  @Access(Permission.WarningWrite)
  @Mutation(() => Warning, { description: 'End a warning that no longer applies' })
  endWarning(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
  ) {
    return endWarning(ctx.em, callerOf(ctx), id, input);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Who or where it is on: the person’s name, or the household’s address',
  })
  async subjectName(@Root() warning: Warning, @Ctx() ctx: Context) {
    if (warning.household) return addressOf(await findHousehold(ctx.em, warning.household.id));
    if (!warning.person) return null;
    return (await personById(ctx.em, callerOf(ctx), warning.person.id))?.displayName ?? null;
  }
}

// Fields of lower modules' types that point at warnings are resolved here, in the module above
// them (docs/architecture.md, "Layers").

/** `Person.warnings`. */
@Resolver(() => Person)
export class PersonWarningsResolver {
  @FieldResolver(() => [Warning])
  warnings(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg('includeEnded', () => Boolean, { nullable: true }) includeEnded?: boolean,
  ) {
    return warningsOfPerson(ctx.em, callerOf(ctx), person.id, !!includeEnded);
  }
}

/** `Household.warnings`. */
@Resolver(() => Household)
export class HouseholdWarningsResolver {
  @FieldResolver(() => [Warning], {
    description: 'Warnings on the household and on anyone living there today (ended ones if asked)',
  })
  async warnings(
    @Root() household: Household,
    @Ctx() ctx: Context,
    @Arg('includeEnded', () => Boolean, { nullable: true }) includeEnded?: boolean,
  ) {
    const found = await warningsForHousehold(ctx.em, callerOf(ctx), household.id, !!includeEnded);
    return found.filter((w) => !w.personHidden).map((w) => w.warning);
  }
}

/** What someone about to visit a household sees: its members and its warnings (visit.ts). */
@Resolver()
export class VisitResolver {
  @Access(Permission.HouseholdVisit)
  @Query(() => [VisitHousehold], {
    description:
      'The households you work with today (assignments, or your widget token’s household), with their warnings',
  })
  householdsIWorkWith(@Ctx() ctx: Context) {
    return householdsIWorkWith(ctx.em, callerOf(ctx));
  }

  @Access(Permission.HouseholdVisit)
  @Query(() => VisitHousehold, {
    description: 'One household you work with, as a visitor sees it: who lives there and the warnings',
  })
  visitHousehold(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return visitHousehold(ctx.em, callerOf(ctx), id);
  }
}
