import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Referral } from './referral.entity.js';

/**
 * A message on a referral while it is open: the agency asks for more information, the sender
 * answers. Kept with the referral (the sender's rows); row-level security lets the agency it was
 * sent to read and add them too, and nobody else.
 */
@ObjectType({ description: 'A message on a referral, from the agency or the sender; only the two see it' })
@Access(Permission.ReferralRead)
@Entity({ tableName: 'referral_message' })
@Index({ properties: ['referral', 'sentAt'] })
export class ReferralMessage {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'sentAt' | 'byAgency' | 'recipientOrganisation';

  /** The sending organisation (the referral's). */
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Referral, { fieldNames: ['organisation_id', 'referral_id'] })
  referral!: Rel<Referral>;

  @Field({ description: 'The message' })
  @Property({ type: 'text' })
  body!: string;

  /** The organisation of whoever wrote it: the agency or the sender. */
  @ManyToOne(() => Organisation)
  byOrganisation!: Rel<Organisation>;

  @ManyToOne(() => User)
  byUser!: Rel<User>;

  /** Their name when they wrote it: each side reads the other's messages but not its staff records. */
  @Field({ description: 'Who wrote it' })
  @Property({ type: 'text' })
  byName!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  sentAt: Date = new Date();

  @Field({ description: 'True if the agency wrote it, false if the sender did' })
  get byAgency(): boolean {
    return this.byOrganisation.id === this.referral.recipientOrganisation.id;
  }

  /** The agency the referral was sent to: the access rule reads it. */
  get recipientOrganisation(): { id: string } {
    return this.referral.recipientOrganisation;
  }
}
