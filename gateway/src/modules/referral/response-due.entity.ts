import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKeyProp, Property, type Rel } from '@mikro-orm/core';
import { AGENCY_TYPES, type AgencyType } from '@doorstep/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { AgencyTypeEnum } from '../../common/enums.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * How many working days a housing provider gives one type of agency to respond to its referrals.
 * Absent: the default (`DEFAULT_RESPONSE_WORKING_DAYS` in @doorstep/schema). A referral takes its
 * due date from the policy when it is sent; changing the policy does not move it.
 */
@ObjectType({ description: 'How many working days an agency type has to respond to your referrals' })
@Access(Permission.ResponsePolicyRead)
@Entity({ tableName: 'referral_response_policy' })
export class ReferralResponsePolicy {
  [PrimaryKeyProp]?: ['organisation', 'agencyType'];
  [OptionalProps]?: 'updatedAt' | 'updatedBy' | 'setByOrganisation';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => AgencyTypeEnum)
  @Enum({ items: () => [...AGENCY_TYPES], primary: true })
  agencyType!: AgencyType;

  @Field(() => Int, {
    description:
      'England and Wales working days after the day counting starts (0: the same working day); ' +
      'the referral is due by midnight, London time, at the end of the last one',
  })
  @Property({ type: 'integer' })
  workingDays!: number;

  @Field({ description: 'False while your organisation uses Doorstep’s default for this agency type' })
  get setByOrganisation(): boolean {
    return this.updatedAt !== null && this.updatedAt !== undefined;
  }

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAt?: Date | null = null;
}
