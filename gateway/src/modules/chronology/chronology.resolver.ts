import type { ChronologyKind, ExportFormat } from '@doorstep/schema';
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
import { ChronologyKindEnum, ExportFormatEnum } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { Household } from '../household/household.entity.js';
import { findHousehold, findVisiblePerson } from '../household/household.service.js';
import { Person } from '../person/person.entity.js';
import { ChronologyEntry } from './chronology-entry.entity.js';
import { exportChronology, listChronology, pinEntry, type ChronologySubject } from './chronology.service.js';
import type { Caller } from '../../context.js';
import type { EntityManager } from '@mikro-orm/postgresql';

@ObjectType()
@Access(Permission.Envelope)
export class ChronologyConnection extends Connection(ChronologyEntry, 'Chronology') {}

/** Rules in `chronologyFilterSchema` (@doorstep/schema). */
@InputType({ description: 'Narrow a chronology by kinds of entry, dates, key events' })
export class ChronologyFilterInput {
  @Field(() => [ChronologyKindEnum], { nullable: true })
  kinds?: ChronologyKind[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only key (pinned) events' })
  pinnedOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Newest first (default: oldest first)' })
  newestFirst?: boolean | null;
}

@InputType({ description: 'Whose chronology: one person or one household' })
export class ChronologySubjectInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  householdId?: string | null;
}

@ObjectType({ description: 'A chronology exported for a review' })
@Access(Permission.Envelope)
export class ChronologyExport {
  @Field()
  filename!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  entryCount!: number;

  @Field({ description: 'The file: CSV (RFC 4180, formula-safe) or JSON' })
  content!: string;
}

/** The subject, checked: a person or household of the caller's organisation that they may see. */
export async function checkedSubject(
  em: EntityManager,
  caller: Caller,
  subject: ChronologySubjectInput,
): Promise<ChronologySubject> {
  if (!!subject.personId === !!subject.householdId) {
    throw new BadUserInputError([
      { field: 'subject', code: 'invalid', message: 'Give either personId or householdId' },
    ]);
  }
  if (subject.personId) return { personId: (await findVisiblePerson(em, caller, subject.personId)).id };
  return { householdId: (await findHousehold(em, subject.householdId!)).id };
}

@Resolver(() => ChronologyEntry)
export class ChronologyResolver {
  @Access(Permission.RecordRead)
  @Query(() => ChronologyConnection, {
    description: 'A person’s or household’s chronology: every concern, triage decision and warning change',
  })
  async chronology(
    @Arg('subject', () => ChronologySubjectInput) subject: ChronologySubjectInput,
    @Ctx() ctx: Context,
    @Arg('filter', () => ChronologyFilterInput, { nullable: true }) filter?: ChronologyFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const caller = callerOf(ctx);
    return listChronology(ctx.em, caller, await checkedSubject(ctx.em, caller, subject), filter, {
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Access(Permission.RecordRead)
  @Query(() => ChronologyExport, {
    description:
      'The chronology as a CSV or JSON file, for a safeguarding adults, child practice or domestic homicide review. Audited as an export.',
  })
  async chronologyExport(
    @Arg('subject', () => ChronologySubjectInput) subject: ChronologySubjectInput,
    @Arg('format', () => ExportFormatEnum) format: ExportFormat,
    @Ctx() ctx: Context,
    @Arg('filter', () => ChronologyFilterInput, { nullable: true }) filter?: ChronologyFilterInput,
  ) {
    const caller = callerOf(ctx);
    return exportChronology(ctx.em, caller, await checkedSubject(ctx.em, caller, subject), format, filter);
  }

  @Access(Permission.RecordWrite)
  @Mutation(() => ChronologyEntry, { description: 'Mark an entry as a key event, or not' })
  pinChronologyEntry(
    @Arg('id', () => ID) id: string,
    @Arg('pinned', () => Boolean) pinned: boolean,
    @Ctx() ctx: Context,
  ) {
    return pinEntry(ctx.em, callerOf(ctx), id, pinned);
  }
}

/** `Person.chronology`: resolved here, in the module above person (docs/architecture.md, "Layers"). */
@Resolver(() => Person)
export class PersonChronologyResolver {
  @FieldResolver(() => ChronologyConnection)
  chronology(
    @Root() person: Person,
    @Ctx() ctx: Context,
    @Arg('filter', () => ChronologyFilterInput, { nullable: true }) filter?: ChronologyFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listChronology(ctx.em, callerOf(ctx), { personId: person.id }, filter, { first, after });
  }
}

/** `Household.chronology`: resolved here, in the module above household. */
@Resolver(() => Household)
export class HouseholdChronologyResolver {
  @FieldResolver(() => ChronologyConnection, {
    description: 'The household’s chronology, with its members’ entries from while they lived there',
  })
  chronology(
    @Root() household: Household,
    @Ctx() ctx: Context,
    @Arg('filter', () => ChronologyFilterInput, { nullable: true }) filter?: ChronologyFilterInput,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listChronology(ctx.em, callerOf(ctx), { householdId: household.id }, filter, { first, after });
  }
}
