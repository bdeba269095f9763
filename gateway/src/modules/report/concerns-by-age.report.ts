import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { concernsRaised, countCell, reported, type ReportDefinition } from './report.js';
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
 * 29 February birthday comes on 1 March in other years): PostgreSQL's `age()`.
 */
export const concernsByAge: ReportDefinition<AgeFigures> = {
  field: 'concernsByAge',
  csvName: 'concerns-by-age',
  async compute(sql, scope) {
    const raised = concernsRaised(scope);
    const [row] = await sql<{ adults: number; children: number; not_known: number }>(
      `select count(*) filter (where a.child)::int as children,
              count(*) filter (where not a.child)::int as adults,
              count(*) filter (where a.child is null)::int as not_known
         from concern c, lateral (select age((coalesce(c.happened_at, c.raised_at) at time zone 'Europe/London')::date,
                                             c.youngest_subject_born) < interval '18 years' as child) a
        where ${raised.sql}`,
      raised.params,
    );
    return {
      adults: reported(row!.adults, scope),
      children: reported(row!.children, scope),
      notKnown: reported(row!.not_known, scope),
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
