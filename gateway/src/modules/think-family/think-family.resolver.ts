import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { callerOf, type Context } from '../../context.js';
import { Household } from '../household/household.entity.js';
import { Person } from '../person/person.entity.js';
import { openCount } from './think-family.service.js';

// Think Family: counts on people and households of what is open about them. They read concerns
// and referrals, so they live above both modules (docs/architecture.md, "Layers"). Both are
// concern-level facts (a referral is made from a concern): the concern reader's rule, on the
// caller's own organisation's records.

const CONCERNS = 'Open concerns naming them (raised or triaged, not closed)';
const CASES = 'Open cases about them (not yet closed)';
const REFERRALS = 'Open referrals your organisation sent about them (sent, acknowledged or accepted)';

/** `Person.openConcernCount`, `Person.openReferralCount`. */
@Resolver(() => Person)
export class PersonThinkFamilyResolver {
  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, { description: CONCERNS })
  openConcernCount(@Root() person: Person, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'concerns', 'person', person.id);
  }

  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, { description: REFERRALS })
  openReferralCount(@Root() person: Person, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'referrals', 'person', person.id);
  }

  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, { description: CASES })
  openCaseCount(@Root() person: Person, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'cases', 'person', person.id);
  }
}

/** `Household.openConcernCount`, `Household.openReferralCount`. */
@Resolver(() => Household)
export class HouseholdThinkFamilyResolver {
  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, {
    description: 'Open concerns about the household (raised or triaged, not closed)',
  })
  openConcernCount(@Root() household: Household, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'concerns', 'household', household.id);
  }

  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, { description: 'Open referrals your organisation sent about the household' })
  openReferralCount(@Root() household: Household, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'referrals', 'household', household.id);
  }

  @Access(Permission.ConcernRead)
  @FieldResolver(() => Int, { description: 'Open cases of the household (opened with it, not yet closed)' })
  openCaseCount(@Root() household: Household, @Ctx() ctx: Context) {
    return openCount(ctx.em, callerOf(ctx), 'cases', 'household', household.id);
  }
}
