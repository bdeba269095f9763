import {
  Entity,
  Index,
  Enum,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReferralOutcomeEnum, ReferralStatusEnum } from '../../common/enums.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Referral } from './referral.entity.js';

/**
 * One move of a referral through its lifecycle: who made it (on which side), when, and why. Kept
 * with the referral, so it belongs to the sender's organisation; row-level security lets the agency
 * the referral was sent to read and add them too. Both sides read every move.
 */
@ObjectType({ description: 'A move of a referral through its lifecycle, readable by both sides' })
@Access(Permission.ReferralRead)
@Entity({ tableName: 'referral_move' })
@Index({ properties: ['referral', 'at'] })
export class ReferralMove {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'at' | 'byAgency' | 'recipientOrganisation' | 'reason' | 'outcome' | 'outcomeDetail';

  /** The sending organisation (the referral's). */
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Referral, { fieldNames: ['organisation_id', 'referral_id'] })
  referral!: Rel<Referral>;

  @Field(() => ReferralStatusEnum)
  @Enum({ items: () => [...REFERRAL_STATUSES] })
  from!: ReferralStatus;

  @Field(() => ReferralStatusEnum)
  @Enum({ items: () => [...REFERRAL_STATUSES] })
  to!: ReferralStatus;

  @Field(() => String, { nullable: true, description: 'Why it was declined or withdrawn' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null = null;

  @Field(() => ReferralOutcomeEnum, { nullable: true, description: 'What the agency did (on closing)' })
  @Enum({ items: () => [...REFERRAL_OUTCOMES], nullable: true })
  outcome?: ReferralOutcome | null = null;

  @Field(() => String, { nullable: true, description: 'What the agency did, in its words' })
  @Property({ type: 'text', nullable: true })
  outcomeDetail?: string | null = null;

  /** The organisation of whoever made the move: the agency or the sender. */
  @ManyToOne(() => Organisation)
  byOrganisation!: Rel<Organisation>;

  @ManyToOne(() => User)
  byUser!: Rel<User>;

  /** Their name when they made it: each side reads the other's moves but not its staff records. */
  @Field({ description: 'Who made the move' })
  @Property({ type: 'text' })
  byName!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field({ description: 'True if the agency made it, false if the sender did' })
  get byAgency(): boolean {
    return this.byOrganisation.id === this.referral.recipientOrganisation.id;
  }

  /** The agency the referral was sent to: the access rule reads it. */
  get recipientOrganisation(): { id: string } {
    return this.referral.recipientOrganisation;
  }
}
