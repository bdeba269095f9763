import { Entity, ManyToOne, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * How many concerns an organisation holds, kept by a trigger in the transaction that adds or
 * removes one (the migration's `doorstep_count_concerns`), so a list's total is one row read
 * however many concerns there are. Nothing in the application writes it.
 */
@Entity({ tableName: 'concern_count' })
export class ConcernCount {
  [PrimaryKeyProp]?: 'organisation';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Property({ type: 'bigint' })
  concerns!: string;
}
