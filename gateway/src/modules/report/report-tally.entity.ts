import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * The reports' running totals (docs/performance.md, "Summary tables"): how many of something
 * (`kind`, `key`: concerns raised, under one category, closed, …) happened on one UK day, for the
 * whole organisation (`area` and `teamId` empty), one local authority area, one team, or both.
 * Nothing in the application writes it: the database's triggers add a row of +1 or -1 in the
 * transaction that changes what is counted (so a report is never stale), and
 * `doorstep_report_tally_compact()` (the gateway's maintenance, every few seconds) folds a day's new
 * rows into one per count (`fresh` false), so a year is a few thousand rows however many concerns it
 * holds. A report sums the rows of its period.
 */
@Entity({ tableName: 'report_tally' })
@Index({
  name: 'report_tally_read',
  expression:
    'create index "report_tally_read" on "report_tally" ("organisation_id", "kind", "area", "team_id", "day") include ("key", "n")',
})
@Index({
  name: 'report_tally_fresh',
  expression:
    'create index "report_tally_fresh" on "report_tally" ("organisation_id", "kind", "day") where "fresh"',
})
export class ReportTally {
  [PrimaryKeyProp]?: ['organisation', 'id'];

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The UK day it happened on. */
  @Property({ type: 'date' })
  day!: string;

  /** A local authority area; empty: every area (and none). */
  @Property({ type: 'text', nullable: true })
  area?: string | null;

  /** A team; empty: every team (and none). */
  @Property({ type: 'uuid', nullable: true })
  teamId?: string | null;

  /** What is counted: `raised`, `category`, `source`, … (the migration's fact functions). */
  @Property({ type: 'text' })
  kind!: string;

  /** Which one of it: a category, a source, an hour, … ('' when the kind has one). */
  @Property({ type: 'text', default: '' })
  key!: string;

  /** The change: +1 or -1 when fresh, their sum once compacted. */
  @Property({ type: 'int' })
  n!: number;

  /** Not yet folded into the day's totals. */
  @Property({ type: 'boolean', default: true })
  fresh!: boolean;
}
