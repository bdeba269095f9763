import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Case } from '../case/case.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * A stretch of time a case was open: from opening (or reopening) to closure, or still open (no
 * `closedAt`). A case reopened twice has three. Kept by the database in the transaction that opens,
 * closes or reopens the case (the migration's `doorstep_case_open_period` trigger), because the
 * case row keeps only its latest closure; nothing in the application writes it. Reports count the
 * cases open at the end of each month from it.
 */
@Entity({ tableName: 'case_open_period' })
@Index({ properties: ['organisation', 'openedAt'] })
@Index({
  name: 'case_open_period_case',
  expression: 'create index "case_open_period_case" on "case_open_period" ("organisation_id", "case_id")',
})
@Index({
  name: 'case_open_period_closed',
  expression:
    'create index "case_open_period_closed" on "case_open_period" ("organisation_id", "closed_at") where "closed_at" is not null',
})
export class CaseOpenPeriod {
  [PrimaryKeyProp]?: ['organisation', 'id'];

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'], deleteRule: 'cascade' })
  case!: Rel<Case>;

  @Property({ type: 'timestamptz' })
  openedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null = null;
}
