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
 * (subjects) or named with a date of birth. A child if any of them was under 18 that day; else an
 * adult if any has a date of birth; else not known. Ages in whole years as UK law counts them (a
 * 29 February birthday comes on 1 March in other years): PostgreSQL's `age()`.
 */
export const concernsByAge: ReportDefinition<AgeFigures> = {
  field: 'concernsByAge',
  csvName: 'concerns-by-age',
  async compute(sql, scope) {
    const raised = concernsRaised(scope);
    const [row] = await sql<{ adults: number; children: number; not_known: number }>(
      `with c as (
         select c.organisation_id, c.id,
                (coalesce(c.happened_at, c.raised_at) at time zone 'Europe/London')::date as on_day
           from concern c where ${raised.sql}),
       ages as (
         select c.id,
                bool_or(age(c.on_day, b.date_of_birth) < interval '18 years') as child,
                bool_or(b.date_of_birth is not null) as known
           from c left join lateral (
                  select p.date_of_birth from concern_person cp
                    join person p on p.organisation_id = cp.organisation_id and p.id = cp.person_id
                   where cp.organisation_id = c.organisation_id and cp.concern_id = c.id and cp.role = 'SUBJECT'
                  union all
                  select n.date_of_birth from concern_named_person n
                   where n.organisation_id = c.organisation_id and n.concern_id = c.id and n.role = 'SUBJECT') b on true
          group by c.id)
       select count(*) filter (where child)::int as children,
              count(*) filter (where known and not coalesce(child, false))::int as adults,
              count(*) filter (where not coalesce(known, false))::int as not_known
         from ages`,
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
