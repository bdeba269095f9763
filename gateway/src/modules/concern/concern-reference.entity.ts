import { Entity, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * The last concern number an organisation used in a year: its references are SG-<year>-<number>.
 * Each organisation counts on its own, so a reference says nothing about how many concerns other
 * organisations receive, and references are unique within an organisation only.
 */
@Entity({ tableName: 'concern_reference_counter' })
export class ConcernReferenceCounter {
  [PrimaryKeyProp]?: ['organisation', 'year'];

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
