import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The England and Wales working-day calendar (`common/working-days.ts`) as a table the database's
 * tally triggers count working days from: for every day from 1970 to 2199, how many working days
 * come before it. Filled by its migration (report_tally_referrals_cases); nothing in the
 * application writes it. A change to the calendar needs a migration that fills it again and
 * rebuilds the referral tallies.
 */
@Entity({ tableName: 'working_day_number' })
export class WorkingDayNumber {
  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'int' })
  n!: number;
}
