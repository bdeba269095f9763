import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Concerns raised in the period about adults, about children, and not known' })
@Access(Permission.Envelope)
export class AgeFigures {
  @Field(() => Int, { nullable: true, description: 'About adults only: no one it is about was under 18' })
  adults!: number | null;

  @Field(() => Int, { nullable: true, description: 'About a child: someone it is about was under 18' })
  children!: number | null;

  @Field(() => Int, { nullable: true, description: 'No one it is about has a date of birth on record' })
  notKnown!: number | null;
}

/**
 * Concerns raised in the period about adults and about children, each concern counted once, so the
 * three add up to the concerns raised. Age is at the date of the concern (when it happened, else
 * when it was raised, as a UK day), from the date of birth of each person it is about: on record
 * (subjects) or named with a date of birth. A child if any of them was under 18 that day, which is
 * whether the youngest was (`concern.youngest_subject_born`, kept by the database); else an adult
 * if any has a date of birth; else not known. Ages in whole years as UK law counts them (a
 * 29 February birthday comes on 1 March in other years): PostgreSQL's `age()`, worked out for each
 * concern by `doorstep_concern_facts` into the tally (`concern.age`).
 */
export const concernsByAge: ReportDefinition<AgeFigures> = {
  field: 'concernsByAge',
  csvName: 'concerns-by-age',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, ['concern.age']);
    return {
      adults: reported(tally.count('concern.age', 'ADULT'), scope),
      children: reported(tally.count('concern.age', 'CHILD'), scope),
      notKnown: reported(tally.count('concern.age', 'NOT_KNOWN'), scope),
    };
  },
  csv: (f) => ({
    header: ['adults', 'children', 'not_known'],
    rows: [[countCell(f.adults), countCell(f.children), countCell(f.notKnown)]],
  }),
};

@Resolver(() => Report)
export class ConcernsByAgeResolver {
  @FieldResolver(() => AgeFigures, {
    description: 'Concerns raised in the period about adults and children, at the date of the concern',
  })
  concernsByAge(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(concernsByAge, report, ctx);
  }
}
