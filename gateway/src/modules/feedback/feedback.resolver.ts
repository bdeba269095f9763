import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { Feedback, FeedbackRating, YouSaidWeDid } from './feedback.entity.js';
import {
  FeedbackConnection,
  FeedbackInput,
  FeedbackLinkIssued,
  FeedbackLinkStatus,
  FeedbackReceipt,
  FeedbackSummary,
  YouSaidWeDidConnection,
  YouSaidWeDidInput,
} from './feedback.inputs.js';
import { createFeedbackLink, feedbackLinkStatus } from './feedback-link.service.js';
import {
  feedbackSummary,
  listFeedback,
  ratingsOf,
  recordFeedback,
  submitFeedback,
} from './feedback.service.js';
import { listYouSaidWeDid, publishYouSaidWeDid, withdrawYouSaidWeDid } from './you-said-we-did.service.js';

const PERIOD = 'YYYY-MM-DD, a UK day (inclusive)';

@Resolver(() => Feedback)
export class FeedbackResolver {
  @Access(Permission.FeedbackGive)
  @Mutation(() => FeedbackReceipt, {
    description:
      'Give feedback from a public form (public token) or a tenant site (tenant widget token). ' +
      'Rate-limited per token and per address. With `link`, a one-time link that is then used up ' +
      '(FEEDBACK_LINK_INVALID, FEEDBACK_LINK_USED, FEEDBACK_LINK_EXPIRED). Channel WEB only ' +
      '(another is refused: BAD_USER_INPUT on `channel`).',
  })
  submitFeedback(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => FeedbackInput) input: FeedbackInput,
    @Ctx() ctx: Context,
  ) {
    return submitFeedback(
      ctx.em,
      callerOf(ctx),
      ctx.config.publicLimits,
      ctx.clientAddress,
      idempotencyKey,
      input,
    );
  }

  @Access(Permission.FeedbackRecord)
  @Mutation(() => FeedbackReceipt, {
    description:
      'Staff enter feedback a tenant gave by phone, on paper or in person (channel PHONE, PAPER or ' +
      'IN_PERSON; no link): the same answers and rules as submitFeedback, anonymous or named as the tenant chooses.',
  })
  recordFeedback(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => FeedbackInput) input: FeedbackInput,
    @Ctx() ctx: Context,
  ) {
    return recordFeedback(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.FeedbackGive)
  @Query(() => FeedbackLinkStatus, {
    description: 'Whether a one-time feedback link can still be used. Rate-limited like submitFeedback.',
  })
  feedbackLink(@Arg('token', () => String) token: string, @Ctx() ctx: Context) {
    return feedbackLinkStatus(ctx.em, callerOf(ctx), ctx.config.publicLimits, ctx.clientAddress, token);
  }

  @Access(Permission.FeedbackLink)
  @Mutation(() => FeedbackLinkIssued, {
    description:
      'Make a one-time link for feedback on a closed concern, to send to the person it was about. ' +
      'The token is shown only now.',
  })
  createFeedbackLink(
    @Arg('concernId', () => ID) concernId: string,
    @Ctx() ctx: Context,
    @Arg('validDays', () => Int, { nullable: true, description: 'Days it stays open: 1 to 90, default 28' })
    validDays?: number,
  ) {
    return createFeedbackLink(ctx.em, callerOf(ctx), concernId, validDays);
  }

  @Access(Permission.FeedbackRead)
  @Query(() => FeedbackConnection, { description: 'Your organisation’s feedback, newest first' })
  feedback(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('from', () => String, { nullable: true, description: PERIOD }) from?: string,
    @Arg('to', () => String, { nullable: true, description: PERIOD }) to?: string,
  ) {
    return listFeedback(ctx.em, callerOf(ctx), { first, after, from, to });
  }

  @Access(Permission.FeedbackRead)
  @Query(() => FeedbackSummary, { description: 'Feedback figures for a period (all time if none given)' })
  feedbackSummary(
    @Ctx() ctx: Context,
    @Arg('from', () => String, { nullable: true, description: PERIOD }) from?: string,
    @Arg('to', () => String, { nullable: true, description: PERIOD }) to?: string,
  ) {
    return feedbackSummary(ctx.em, callerOf(ctx), { from, to });
  }

  @FieldResolver(() => [FeedbackRating], { description: 'The scores given, in the principles’ order' })
  ratings(@Root() feedback: Feedback, @Ctx() ctx: Context) {
    return ratingsOf(ctx.em, feedback);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The concern the one-time link was about (only when fromLink: never for anonymous feedback)',
  })
  concernReference(@Root() feedback: Feedback): string | null {
    return feedback.concern?.reference ?? null;
  }
}

@Resolver(() => YouSaidWeDid)
export class YouSaidWeDidResolver {
  @Access(Permission.FeedbackRespond)
  @Mutation(() => YouSaidWeDid, { description: 'Publish a “you said, we did” answer' })
  publishYouSaidWeDid(@Arg('input', () => YouSaidWeDidInput) input: YouSaidWeDidInput, @Ctx() ctx: Context) {
    return publishYouSaidWeDid(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.FeedbackRespond)
  @Mutation(() => YouSaidWeDid, {
    description: 'Withdraw a “you said, we did” answer: it is no longer shown',
  })
  withdrawYouSaidWeDid(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return withdrawYouSaidWeDid(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.YouSaidWeDidRead)
  @Query(() => YouSaidWeDidConnection, {
    description: 'The organisation’s published “you said, we did” answers, newest first',
  })
  youSaidWeDid(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listYouSaidWeDid(ctx.em, callerOf(ctx), { first, after });
  }
}
