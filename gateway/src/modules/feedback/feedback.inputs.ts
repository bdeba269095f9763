import type { FeedbackChannel, FeedbackLinkState, FeedbackPrinciple } from '@doorstep/schema';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { FeedbackChannelEnum, FeedbackLinkStateEnum, FeedbackPrincipleEnum } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { Feedback, YouSaidWeDid } from './feedback.entity.js';

/**
 * The GraphQL shapes. The rules (each principle once, scores 1 to 5, a name unless anonymous, at
 * least one answer or a comment, the link's format) live in `feedbackInputSchema` and
 * `youSaidWeDidInputSchema` in @doorstep/schema, shared with the sg-feedback widget.
 */
@InputType({ description: 'A score for one principle’s “I statement”' })
export class FeedbackRatingInput {
  @Field(() => FeedbackPrincipleEnum)
  principle!: FeedbackPrinciple;

  @Field(() => Int, { description: '5 “Yes, completely” … 1 “No, not at all”' })
  score!: number;
}

@InputType()
export class FeedbackInput {
  @Field(() => [FeedbackRatingInput], { nullable: true, description: 'Each principle at most once' })
  ratings?: FeedbackRatingInput[] | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;

  @Field({
    description:
      'True: no name or contact details are kept (even if sent), nor the one-time link or its concern',
  })
  anonymous!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when not anonymous' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'When not anonymous, to be contacted' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'When not anonymous, to be contacted' })
  email?: string | null;

  @Field({ description: 'The language it is given in: en or cy' })
  language!: string;

  @Field(() => FeedbackChannelEnum, {
    nullable: true,
    description:
      'Default WEB. submitFeedback takes WEB only; PHONE, PAPER and IN_PERSON are for recordFeedback, where staff enter what a tenant told them',
  })
  channel?: FeedbackChannel | null;

  @Field(() => String, {
    nullable: true,
    description: 'The token of a one-time feedback link (from the link a safeguarding lead sent)',
  })
  link?: string | null;
}

@InputType()
export class YouSaidWeDidInput {
  @Field({ description: 'What people told you' })
  youSaid!: string;

  @Field({ description: 'What you did about it' })
  weDid!: string;

  @Field(() => FeedbackPrincipleEnum, { nullable: true })
  principle?: FeedbackPrinciple | null;
}

/** All a person giving feedback gets back. */
@ObjectType({ description: 'Proof that feedback was received' })
@Access(Permission.Envelope)
export class FeedbackReceipt {
  @Field(() => Date)
  receivedAt!: Date;
}

@ObjectType({ description: 'Where a one-time feedback link stands. Nothing about whom it is for.' })
@Access(Permission.Envelope)
export class FeedbackLinkStatus {
  @Field(() => FeedbackLinkStateEnum)
  status!: FeedbackLinkState;

  @Field(() => Date, {
    nullable: true,
    description: 'When it closes (or closed): only when VALID or EXPIRED',
  })
  expiresAt!: Date | null;
}

@ObjectType({ description: 'A one-time feedback link, made for a closed concern' })
@Access(Permission.Envelope)
export class FeedbackLinkIssued {
  @Field({ description: 'Shown once, never stored: put it in the link you send' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

/** A summary belongs to the organisation it counts (the access rule checks it). */
interface Counted {
  organisationId: string;
}

@ObjectType({ description: 'The scores given for one principle' })
@Access(Permission.FeedbackRead)
export class FeedbackPrincipleSummary implements Counted {
  organisationId!: string;

  @Field(() => FeedbackPrincipleEnum)
  principle!: FeedbackPrinciple;

  @Field(() => Int, { description: 'How many gave this principle a score' })
  responses!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Their mean score (1 to 5, two decimals); empty when none',
  })
  averageScore!: number | null;
}

@ObjectType({ description: 'Feedback figures for a period: counts and mean scores, no free text' })
@Access(Permission.FeedbackRead)
export class FeedbackSummary implements Counted {
  organisationId!: string;

  @Field(() => Int)
  responses!: number;

  @Field(() => [FeedbackPrincipleSummary], { description: 'All six principles, in their usual order' })
  byPrinciple!: FeedbackPrincipleSummary[];

  @Field(() => Int, { description: 'How many wrote a comment' })
  withComment!: number;

  @Field(() => Int, {
    description:
      'How many came through a one-time link (named only: anonymous feedback keeps no trace of it)',
  })
  fromLinks!: number;
}

@ObjectType()
@Access(Permission.Envelope)
export class FeedbackConnection extends Connection(Feedback, 'Feedback') {}

@ObjectType()
@Access(Permission.Envelope)
export class YouSaidWeDidConnection extends Connection(YouSaidWeDid, 'YouSaidWeDid') {}
