import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { RISK_LEVELS, TRIAGE_DECISIONS, type RiskLevel, type TriageDecision } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { RiskLevelEnum, TriageDecisionEnum } from '../../common/enums.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Concern } from './concern.entity.js';

/** One triage decision on a concern, kept for good: a re-triage adds a record, never overwrites one. */
@ObjectType({ description: 'A triage decision, with the risk level and the reasons' })
@Access(Permission.ConcernRead)
@Entity({ tableName: 'concern_triage' })
@Index({ properties: ['concern', 'decidedAt'] })
export class ConcernTriage {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'decidedAt' | 'previousRiskLevel' | 'riskChangeReason';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;

  @Field(() => TriageDecisionEnum)
  @Enum({ items: () => [...TRIAGE_DECISIONS] })
  decision!: TriageDecision;

  @Field(() => RiskLevelEnum)
  @Enum({ items: () => [...RISK_LEVELS] })
  riskLevel!: RiskLevel;

  @Field(() => RiskLevelEnum, { nullable: true, description: 'The level before this decision, if any' })
  @Enum({ items: () => [...RISK_LEVELS], nullable: true })
  previousRiskLevel?: RiskLevel | null = null;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Why the risk level changed' })
  @Property({ type: 'text', nullable: true })
  riskChangeReason?: string | null = null;

  @ManyToOne(() => User)
  decidedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  decidedAt: Date = new Date();
}
