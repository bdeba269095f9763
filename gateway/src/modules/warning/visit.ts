import type { EntityManager } from '@mikro-orm/postgresql';
import type { WarningType } from '@doorstep/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { seesEveryHousehold } from '../../auth/record-rules.js';
import { WarningTypeEnum } from '../../common/enums.js';
import type { Caller } from '../../context.js';
import { isUuid } from '../../common/pagination.js';
import { NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { addressOf, Household } from '../household/household.entity.js';
import { householdIdsWorkedWith, membersOf } from '../household/household.service.js';
import { warningsForHousehold } from './warning.service.js';

/**
 * What someone about to visit a household sees (frontline staff and contractors, for households
 * they work with; leads and managers for any): who lives there, and the warnings — their type, how
 * to stay safe, the review date. Never the concerns or cases behind them.
 */
@ObjectType({ description: 'A warning, as someone about to visit sees it' })
@Access(Permission.HouseholdVisit)
export class VisitWarning {
  @Field(() => ID)
  id!: string;

  @Field(() => WarningTypeEnum)
  type!: WarningType;

  @Field({ description: 'How to stay safe, in plain words' })
  description!: string;

  @Field({ description: 'YYYY-MM-DD' })
  reviewDate!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Who in the household it is about; empty for the household as a whole or when not to be shown',
  })
  aboutPersonName!: string | null;

  @Field({ description: 'A manager has signed it off (a new warning is shown before sign-off)' })
  signedOff!: boolean;

  /** For the access rule's organisation check; not a field. */
  organisationId!: string;
}

@ObjectType({ description: 'Someone living in a household, as a visitor sees them' })
@Access(Permission.HouseholdVisit)
export class VisitMember {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  /** For the access rule's organisation check; not a field. */
  organisationId!: string;
}

@ObjectType({ description: 'A household, as someone about to visit sees it' })
@Access(Permission.HouseholdVisit)
export class VisitHousehold {
  @Field(() => ID)
  id!: string;

  @Field()
  address!: string;

  @Field()
  tenancyReference!: string;

  @Field(() => [VisitMember])
  members!: VisitMember[];

  @Field(() => [VisitWarning])
  warnings!: VisitWarning[];

  /** Only in the visit's own organisation: the relation rule checks it. */
  organisationId!: string;
}

/** The visit view of households (already checked to be the caller's to visit). Audited. */
async function visitViews(
  em: EntityManager,
  caller: Caller,
  households: Household[],
): Promise<VisitHousehold[]> {
  const views = await Promise.all(
    households.map(async (h) => {
      const [members, warnings] = await Promise.all([
        membersOf(em, caller, h.id, true),
        warningsForHousehold(em, caller, h.id, false),
      ]);
      const names = new Map(members.map((m) => [m.person.id, m.person.displayName]));
      return {
        id: h.id,
        organisationId: h.organisation.id,
        address: addressOf(h),
        tenancyReference: h.tenancyReference,
        members: members.map((m) => ({
          id: m.person.id,
          displayName: m.person.displayName,
          organisationId: h.organisation.id,
        })),
        warnings: warnings.map(({ warning, personHidden }) => ({
          id: warning.id,
          organisationId: h.organisation.id,
          type: warning.type,
          description: warning.description,
          reviewDate: warning.reviewDate,
          aboutPersonName: warning.person && !personHidden ? (names.get(warning.person.id) ?? null) : null,
          signedOff: warning.status === 'ACTIVE',
        })),
      };
    }),
  );
  if (households.length)
    audit(
      em,
      caller,
      'READ',
      'Household',
      households.map((h) => h.id),
    );
  // Every warning shown is a read of it, one on someone restricted from the caller included (shown
  // for the visitor's safety, without the name; `warningsForHousehold` audits only the others).
  const shown = views.flatMap((view) => view.warnings.map((w) => w.id));
  if (shown.length) audit(em, caller, 'READ', 'Warning', shown);
  return views;
}

/** The households the caller works with today, for a visit. */
export async function householdsIWorkWith(em: EntityManager, caller: Caller): Promise<VisitHousehold[]> {
  const ids = await householdIdsWorkedWith(em, caller);
  if (ids.length === 0) return [];
  const households = await em.find(
    Household,
    { id: { $in: ids } },
    { orderBy: { addressLine1: 'asc', id: 'asc' } },
  );
  return visitViews(em, caller, households);
}

/** One household, for a visit: one the caller works with (or any, for leads and managers). */
export async function visitHousehold(em: EntityManager, caller: Caller, id: string): Promise<VisitHousehold> {
  const allowed =
    seesEveryHousehold(caller.identity) || (await householdIdsWorkedWith(em, caller)).includes(id);
  const household = allowed && isUuid(id) ? await em.findOne(Household, { id }) : null;
  if (!household) throw new NotFoundError('Household');
  const [view] = await visitViews(em, caller, [household]);
  return view!;
}
