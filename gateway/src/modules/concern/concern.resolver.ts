import type { ConcernPersonRole } from '@doorstep/schema';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { CumulativeFlag } from '../cumulative/cumulative.entity.js';
import { Concern } from './concern.entity.js';
import { ConcernPersonRoleEnum } from '../../common/enums.js';
import { Household } from '../household/household.entity.js';
import { householdById } from '../household/household.service.js';
import { Person } from '../person/person.entity.js';
import { ReasonInput } from '../person/person.inputs.js';
import { ConcernTriage } from './concern-triage.entity.js';
import { ConcernReceipt, PublicConcernInput, RaiseConcernInput } from './concern.inputs.js';
import {
  concernsBehind,
  getConcern,
  linkNamedPerson,
  listConcerns,
  namedPeopleOfConcern,
  peopleOfConcern,
  raiseConcern,
  raisePublicConcern,
} from './concern.service.js';
import { closeConcern, triageHistory } from './triage.service.js';
import { listMyConcerns, SubmittedConcernConnection } from './my-concerns.js';
import { listConcernsToTriage, triageDueAt } from './triage-queue.js';

@ObjectType({ description: 'A person named in a concern' })
@Access(Permission.ConcernRead)
export class ConcernPersonLink {
  @Field(() => Person)
  person!: Person;

  @Field(() => ConcernPersonRoleEnum)
  role!: ConcernPersonRole;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Under 18 when it happened (from the date of birth; empty when not known)',
  })
  childAtEvent!: boolean | null;
}

@ObjectType({
  description:
    'Someone a concern names who is not on record (or not listed in the household chosen), as the reporter gave them',
})
@Access(Permission.ConcernRead)
export class NamedPerson {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Their name, or what people call them' })
  name!: string;

  @Field(() => ConcernPersonRoleEnum)
  role!: ConcernPersonRole;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, if the reporter knew it' })
  dateOfBirth!: string | null;

  @Field(() => String, { nullable: true, description: 'What else the reporter said about them' })
  description!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Under 18 when it happened (from the date of birth; empty when not known)',
  })
  childAtEvent!: boolean | null;

  @Field(() => Person, {
    nullable: true,
    description: 'Their record, once a lead has linked it (linkNamedPerson); empty if restricted from you',
  })
  linkedPerson!: Person | null;
}

@ObjectType()
@Access(Permission.Envelope)
export class ConcernConnection extends Connection(Concern, 'Concern') {}

@ObjectType({ description: 'Proof that a concern from a public or tenant form was received' })
@Access(Permission.Envelope)
export class PublicConcernReceipt {
  @Field({ description: 'Human-readable reference, e.g. SG-2026-000123' })
  reference!: string;
}

/** Triaging a concern (`triageConcern`) is in the referral module: a decision to REFER sends a referral. */
@Resolver(() => Concern)
export class ConcernResolver {
  @Access(Permission.ConcernRaise)
  @Mutation(() => ConcernReceipt, {
    description: 'Raise a safeguarding concern as staff or a contractor. Returns only its reference.',
  })
  raiseConcern(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => RaiseConcernInput) input: RaiseConcernInput,
    @Ctx() ctx: Context,
  ) {
    return raiseConcern(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.ConcernRaisePublic)
  @Mutation(() => PublicConcernReceipt, {
    description:
      'Raise a concern from a public form (public token) or a tenant site (tenant widget token). ' +
      'Rate-limited per token and per address.',
  })
  raisePublicConcern(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => PublicConcernInput) input: PublicConcernInput,
    @Ctx() ctx: Context,
  ) {
    return raisePublicConcern(
      ctx.em,
      callerOf(ctx),
      ctx.config.publicLimits,
      ctx.clientAddress,
      idempotencyKey,
      input,
    );
  }

  @Access(Permission.ConcernOwn)
  @Query(() => SubmittedConcernConnection, {
    description:
      'For a tenant signed in to their landlord’s tenant site: the concerns you sent, newest first',
  })
  myConcerns(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listMyConcerns(ctx.em, callerOf(ctx), { first: first ?? null, after: after ?? null });
  }

  @Access(Permission.ConcernRead)
  @Query(() => Concern, { description: 'One concern of your organisation' })
  concern(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getConcern(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.ConcernRead)
  @Query(() => ConcernConnection, { description: 'Your organisation’s concerns, newest first' })
  concerns(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcerns(ctx.em, callerOf(ctx), { first: first ?? null, after: after ?? null });
  }

  @Access(Permission.ConcernTriage)
  @Query(() => ConcernConnection, {
    description:
      'Concerns waiting for their first triage (RAISED): the most urgent first, then the longest waiting. ' +
      'Each has its triageDueAt.',
  })
  concernsToTriage(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcernsToTriage(ctx.em, callerOf(ctx), { first: first ?? null, after: after ?? null });
  }

  @Access(Permission.ConcernTriage)
  @Mutation(() => Concern, { description: 'Close a triaged concern (TRIAGED → CLOSED), with the reason' })
  closeConcern(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return closeConcern(ctx.em, callerOf(ctx), id, input, expectedVersion);
  }

  @Access(Permission.ConcernTriage)
  @Mutation(() => NamedPerson, {
    description:
      'Link someone a concern named, not on record, to their record once found or added: the concern then names that person',
  })
  linkNamedPerson(
    @Arg('id', () => ID, { description: 'The NamedPerson' }) id: string,
    @Arg('personId', () => ID) personId: string,
    @Ctx() ctx: Context,
  ) {
    return linkNamedPerson(ctx.em, callerOf(ctx), id, personId);
  }

  @FieldResolver(() => Household, { nullable: true })
  household(@Root() concern: Concern, @Ctx() ctx: Context) {
    return concern.household ? householdById(ctx.em, callerOf(ctx), concern.household.id) : null;
  }

  @FieldResolver(() => [ConcernPersonLink], { description: 'The people it is about' })
  async subjects(@Root() concern: Concern, @Ctx() ctx: Context) {
    return (await peopleOfConcern(ctx.em, callerOf(ctx), concern)).filter((p) => p.role === 'SUBJECT');
  }

  @FieldResolver(() => [ConcernPersonLink], { description: 'Alleged sources of harm' })
  async allegedSources(@Root() concern: Concern, @Ctx() ctx: Context) {
    return (await peopleOfConcern(ctx.em, callerOf(ctx), concern)).filter((p) => p.role === 'ALLEGED_SOURCE');
  }

  @FieldResolver(() => [NamedPerson], {
    description: 'People it names who are not on record, subjects and alleged sources, in the order named',
  })
  namedPeople(@Root() concern: Concern, @Ctx() ctx: Context) {
    return namedPeopleOfConcern(ctx.em, callerOf(ctx), concern);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'While it waits for its first triage: when that is due (raised + 1 hour for IMMEDIATE_DANGER, ' +
      '24 hours URGENT, 72 hours ROUTINE, 7 days LOW_LEVEL); empty once triaged',
  })
  triageDueAt(@Root() concern: Concern) {
    return triageDueAt(concern);
  }

  @FieldResolver(() => [ConcernTriage], { description: 'Every triage decision, oldest first' })
  triageHistory(@Root() concern: Concern, @Ctx() ctx: Context) {
    return triageHistory(ctx.em, concern);
  }
}

// Fields of lower modules' types that point at concerns are resolved here, in the module above
// them (docs/architecture.md, "Layers").

/** `Person.concerns`. */
@Resolver(() => Person)
export class PersonConcernsResolver {
  @FieldResolver(() => ConcernConnection, { description: 'Concerns naming them, newest first' })
  concerns(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcerns(ctx.em, callerOf(ctx), { first, after }, { personId: person.id });
  }
}

/** `Household.concerns`. */
@Resolver(() => Household)
export class HouseholdConcernsResolver {
  @FieldResolver(() => ConcernConnection, { description: 'Concerns about the household, newest first' })
  concerns(
    @Root() household: Household,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcerns(ctx.em, callerOf(ctx), { first, after }, { householdId: household.id });
  }
}

/** `CumulativeFlag.concerns`: the cumulative check sits below concern (a concern triggers it). */
@Resolver(() => CumulativeFlag)
export class CumulativeFlagConcernsResolver {
  @FieldResolver(() => [Concern], { description: 'The low-level concerns behind the flag' })
  concerns(@Root() flag: CumulativeFlag, @Ctx() ctx: Context) {
    return concernsBehind(ctx.em, callerOf(ctx), flag.id);
  }
}
