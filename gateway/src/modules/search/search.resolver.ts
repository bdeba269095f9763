import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { Household } from '../household/household.entity.js';
import { Person } from '../person/person.entity.js';
import { searchHouseholds, searchPeople } from './search.service.js';

@ObjectType({ description: 'A person found by search, with how well they match (0–1)' })
@Access(Permission.Envelope)
export class PersonMatch {
  @Field(() => Float)
  score!: number;

  @Field(() => Person)
  node!: Person;
}

@ObjectType({ description: 'A household found by search, with how well it matches (0–1)' })
@Access(Permission.Envelope)
export class HouseholdMatch {
  @Field(() => Float)
  score!: number;

  @Field(() => Household)
  node!: Household;
}

@ObjectType()
@Access(Permission.Envelope)
export class PersonSearchConnection extends Connection(PersonMatch, 'PersonSearch') {}

@ObjectType()
@Access(Permission.Envelope)
export class HouseholdSearchConnection extends Connection(HouseholdMatch, 'HouseholdSearch') {}

@Resolver()
export class SearchResolver {
  @Access(Permission.RecordRead)
  @Query(() => PersonSearchConnection, {
    description:
      'People by name or other name, or by the address or tenancy reference of where they live; best first',
  })
  searchPeople(
    @Arg('query', () => String) query: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return searchPeople(ctx.em, callerOf(ctx), query, { first, after });
  }

  @Access(Permission.RecordRead)
  @Query(() => HouseholdSearchConnection, {
    description: 'Households by address, postcode, tenancy reference or a resident’s name; best first',
  })
  searchHouseholds(
    @Arg('query', () => String) query: string,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return searchHouseholds(ctx.em, callerOf(ctx), query, { first, after });
  }
}
