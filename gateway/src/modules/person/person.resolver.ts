import { wrap } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { HouseholdMember } from '../household/household.entity.js';
import { membershipsOf } from '../household/household.service.js';
import { Person, PersonRelationship } from './person.entity.js';
import {
  CreatePersonInput,
  CreatePersonResult,
  DuplicateCandidate,
  MergePeopleInput,
  PersonInput,
  ReasonInput,
  RelationshipInput,
} from './person.inputs.js';
import {
  addRelationship,
  createPerson,
  findDuplicates,
  getPerson,
  mergePeople,
  personById,
  relationshipsOf,
  removeRelationship,
  setRestricted,
  updatePerson,
} from './person.service.js';

@Resolver(() => Person)
export class PersonResolver {
  @Access(Permission.RecordRead)
  @Query(() => Person, {
    description: 'One person of your organisation. A merged-away record shows mergedIntoId.',
  })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getPerson(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => CreatePersonResult, {
    description: 'Create a person (optionally into a household); returns likely duplicates to merge with',
  })
  createPerson(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => CreatePersonInput) input: CreatePersonInput,
    @Ctx() ctx: Context,
  ) {
    return createPerson(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => Person)
  updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PersonInput) input: PersonInput,
    @Ctx() ctx: Context,
  ) {
    return updatePerson(ctx.em, callerOf(ctx), id, input);
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => Person, {
    description: 'Restrict a person: only you and staff you grant access see them from now on',
  })
  restrictPerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
  ) {
    return setRestricted(ctx.em, callerOf(ctx), id, true, input);
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => Person, { description: 'Lift a restriction' })
  unrestrictPerson(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() ctx: Context,
  ) {
    return setRestricted(ctx.em, callerOf(ctx), id, false, input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => PersonRelationship, {
    description: 'Record how two people are related; the inverse is stored too',
  })
  addRelationship(@Arg('input', () => RelationshipInput) input: RelationshipInput, @Ctx() ctx: Context) {
    return addRelationship(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => Boolean, { description: 'Remove a relationship and its inverse' })
  removeRelationship(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return removeRelationship(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.RecordAdminister)
  @Mutation(() => Person, {
    description: 'Merge two records of the same person, keeping both histories; returns the survivor',
  })
  mergePeople(@Arg('input', () => MergePeopleInput) input: MergePeopleInput, @Ctx() ctx: Context) {
    return mergePeople(ctx.em, callerOf(ctx), input);
  }

  @FieldResolver(() => [HouseholdMember], { description: 'Households they live or lived in' })
  households(@Root() person: Person, @Ctx() ctx: Context) {
    return membershipsOf(ctx.em, callerOf(ctx), person.id);
  }

  @FieldResolver(() => [PersonRelationship])
  relationships(@Root() person: Person, @Ctx() ctx: Context) {
    return relationshipsOf(ctx.em, callerOf(ctx), person.id);
  }

  @FieldResolver(() => [DuplicateCandidate], { description: 'Other records that may be the same person' })
  possibleDuplicates(@Root() person: Person, @Ctx() ctx: Context) {
    return findDuplicates(ctx.em, callerOf(ctx), person, null);
  }
}

@Resolver(() => PersonRelationship)
export class PersonRelationshipResolver {
  @FieldResolver(() => Person)
  relatedPerson(@Root() relationship: PersonRelationship, @Ctx() ctx: Context) {
    return personById(ctx.em, callerOf(ctx), relationship.relatedPerson.id);
  }
}

/** `HouseholdMember.person`: resolved here, in the module above household. */
@Resolver(() => HouseholdMember)
export class HouseholdMemberPersonResolver {
  @FieldResolver(() => Person)
  async person(@Root() member: HouseholdMember, @Ctx() ctx: Context) {
    return wrap(member.person).isInitialized()
      ? member.person
      : personById(ctx.em, callerOf(ctx), member.person.id);
  }
}
