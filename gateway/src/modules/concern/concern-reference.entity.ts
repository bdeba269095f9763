import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last concern number used in a year: references are SG-<year>-<number>. */
@Entity({ tableName: 'concern_reference_counter' })
export class ConcernReferenceCounter {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
