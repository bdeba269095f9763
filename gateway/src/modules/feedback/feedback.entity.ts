import {
  Check,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import {
  FEEDBACK_CHANNELS,
  FEEDBACK_LANGUAGES,
  FEEDBACK_PRINCIPLES,
  type FeedbackChannel,
  type FeedbackLanguage,
  type FeedbackPrinciple,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { FeedbackChannelEnum, FeedbackPrincipleEnum } from '../../common/enums.js';
import { Concern } from '../concern/concern.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * A one-time link a safeguarding lead or champion sends to the person a closed concern was about,
 * so their named feedback is tied to it (anonymous feedback only uses it up, and keeps no trace of
 * it). Only the SHA-256 digest of the token is kept; the token itself is shown once. Used at most
 * once (`usedAt`), and only until `expiresAt`; forgotten `FEEDBACK_LINK_KEEP_DAYS` after either,
 * unless named feedback holds it.
 *
 * The link is about a concern today; when cases exist it will be about a concern or a case: the
 * `feedback_link_about` check then becomes "exactly one of concern_id, case_id".
 */
@Entity({ tableName: 'feedback_link' })
@Check({ name: 'feedback_link_about', expression: '"concern_id" is not null' })
@Unique({ properties: ['organisation', 'tokenHash'] })
export class FeedbackLink {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'usedAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** SHA-256 (hex) of the token. */
  @Property({ type: 'text' })
  tokenHash!: string;

  @ManyToOne(() => Concern, {
    fieldNames: ['organisation_id', 'concern_id'],
    nullable: true,
    deleteRule: 'set null (concern_id)',
  })
  concern?: Rel<Concern> | null = null;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  /** The day it was used (midnight UTC): no finer, so it cannot be matched to anonymous feedback. */
  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null = null;
}

/**
 * Feedback from a tenant or a member of the public: scores against the six principles' "I
 * statements" (`FeedbackRating`), a comment, or both. A name and contact details only when it is
 * not anonymous (the check holds the database to that too). Named feedback through a one-time link
 * is tied to the link and its concern; anonymous feedback through one is not (nothing says it came
 * through a link). The tenant site's reference for a tenant is kept with named feedback, never
 * shown.
 */
@ObjectType({ description: 'Feedback from a tenant or a member of the public (tenant voice)' })
@Access(Permission.FeedbackRead)
@Entity({ tableName: 'feedback' })
@Index({ properties: ['organisation', 'receivedAt'] })
@Unique({ properties: ['link'] })
@Check({
  name: 'feedback_named_or_anonymous',
  expression:
    '(not "anonymous" and "name" is not null) or ("anonymous" and "name" is null and "phone" is null and "email" is null)',
})
export class Feedback {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'fromLink';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => String, { nullable: true, description: 'What they wrote, in their words' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null = null;

  @Field()
  @Property({ type: 'boolean' })
  anonymous!: boolean;

  @Field(() => String, { nullable: true, description: 'Only when not anonymous' })
  @Property({ type: 'text', nullable: true })
  name?: string | null = null;

  @Field(() => String, { nullable: true, description: 'Only when not anonymous' })
  @Property({ type: 'text', nullable: true })
  phone?: string | null = null;

  @Field(() => String, { nullable: true, description: 'Only when not anonymous' })
  @Property({ type: 'text', nullable: true })
  email?: string | null = null;

  @Field(() => String, { description: 'The language it was given in: en or cy' })
  @Enum({ items: () => [...FEEDBACK_LANGUAGES] })
  language!: FeedbackLanguage;

  @Field(() => FeedbackChannelEnum)
  @Enum({ items: () => [...FEEDBACK_CHANNELS] })
  channel!: FeedbackChannel;

  /** The tenant site's reference, when a signed-in tenant sent named feedback. Not part of the API. */
  @Property({ type: 'text', nullable: true })
  tenantRef?: string | null = null;

  @ManyToOne(() => FeedbackLink, {
    fieldNames: ['organisation_id', 'link_id'],
    nullable: true,
    deleteRule: 'set null (link_id)',
  })
  link?: Rel<FeedbackLink> | null = null;

  /** The concern the link was about (named feedback only). */
  @ManyToOne(() => Concern, {
    fieldNames: ['organisation_id', 'concern_id'],
    nullable: true,
    deleteRule: 'set null (concern_id)',
  })
  concern?: Rel<Concern> | null = null;

  @Field({
    description:
      'Given through a one-time link about a closed concern. Always false for anonymous feedback: ' +
      'it keeps no trace of a link',
  })
  get fromLink(): boolean {
    return !!this.link;
  }
}

/** One score: how far the person agrees with one principle's "I statement", 1 to 5. */
@ObjectType({ description: 'A score for one principle: 5 is “Yes, completely”, 1 is “No, not at all”' })
@Access(Permission.FeedbackRead)
@Entity({ tableName: 'feedback_rating' })
@Unique({ properties: ['feedback', 'principle'] })
@Check({ name: 'feedback_rating_score', expression: '"score" >= 1 and "score" <= 5' })
export class FeedbackRating {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { fieldNames: ['organisation_id', 'feedback_id'] })
  feedback!: Rel<Feedback>;

  @Field(() => FeedbackPrincipleEnum)
  @Enum({ items: () => [...FEEDBACK_PRINCIPLES] })
  principle!: FeedbackPrinciple;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  score!: number;
}

/**
 * "You said, we did": what the provider changed because of what people told it, published for
 * tenants and the public. Withdrawn answers are kept (and hidden).
 */
@ObjectType({ description: '“You said, we did”: what the provider did about what people told it' })
@Access(Permission.YouSaidWeDidRead)
@Entity({ tableName: 'you_said_we_did' })
@Index({ properties: ['organisation', 'publishedAt'] })
export class YouSaidWeDid {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'publishedAt' | 'withdrawnAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'What people told the provider' })
  @Property({ type: 'text' })
  youSaid!: string;

  @Field({ description: 'What the provider did about it' })
  @Property({ type: 'text' })
  weDid!: string;

  @Field(() => FeedbackPrincipleEnum, { nullable: true, description: 'The principle it answers, if one' })
  @Enum({ items: () => [...FEEDBACK_PRINCIPLES], nullable: true })
  principle?: FeedbackPrinciple | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  publishedAt: Date = new Date();

  @ManyToOne(() => User)
  publishedBy!: Rel<User>;

  /** Only for those who publish: everyone else sees published answers only. */
  @Access(Permission.FeedbackRespond)
  @Field(() => Date, { nullable: true, description: 'When it was withdrawn (for those who publish)' })
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  withdrawnBy?: Rel<User> | null = null;
}
