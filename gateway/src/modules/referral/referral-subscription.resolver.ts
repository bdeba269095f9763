import type { ReferralStatus } from '@doorstep/schema';
import {
  Arg,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReferralStatusEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import { DoorstepError } from '../../errors.js';
import { REFERRAL_EVENT_KINDS, type ReferralEventKind } from './referral-event.entity.js';
import { Referral } from './referral.entity.js';
import {
  deliverReferralEvent,
  referralEventStream,
  type ReferralEventFilter,
  type ReferralEventSignal,
  type ReferralEventView,
} from './referral-subscriptions.js';

const ReferralEventKindEnum = Object.fromEntries(REFERRAL_EVENT_KINDS.map((k) => [k, k])) as {
  [K in ReferralEventKind]: K;
};
registerEnumType(ReferralEventKindEnum, {
  name: 'ReferralEventKind',
  description:
    'SENT: a new referral; MOVED: it moved through its lifecycle; MESSAGE: a new message on its thread',
});

@ObjectType('ReferralEvent', {
  description: 'Something that happened to a referral, as a subscription delivers it',
})
@Access(Permission.ReferralRead)
export class ReferralEventObject {
  @Field(() => ID, {
    description: 'Its position in the event log: give the last one you received as `after` to resume',
  })
  id!: string;

  @Field(() => ReferralEventKindEnum)
  kind!: ReferralEventKind;

  @Field(() => ReferralStatusEnum, { description: 'The referral’s status just after this event' })
  status!: ReferralStatus;

  @Field(() => Int, { description: 'The referral’s version just after this event' })
  version!: number;

  @Field(() => Date, { description: 'When it happened' })
  at!: Date;

  @Field(() => Referral, {
    description:
      'The referral as it is now (a later event may have moved it on), as you may read it: audited as a read',
  })
  referral!: Referral;
}

const AFTER =
  'Resume after this event id (the last one you received): missed events come first, then live ones';

/** The subscription's source stream: only over the subscription transports (http/subscriptions.ts). */
function stream(ctx: Context, filter: ReferralEventFilter, after: string | null | undefined) {
  if (!ctx.live)
    throw new DoorstepError('BAD_REQUEST', 'Subscriptions are served over WebSocket or server-sent events');
  return referralEventStream(ctx.live, callerOf(ctx), filter, after);
}

@Resolver()
export class ReferralSubscriptionResolver {
  @Access(Permission.ReferralRead)
  @Subscription(() => ReferralEventObject, {
    description:
      'Every event of the referrals your organisation sent or your agency received (or of one referral), live. ' +
      'Errors: NOT_FOUND (a referral you cannot read), BAD_USER_INPUT (after). Ends with UNAUTHENTICATED when ' +
      'the token expires, FORBIDDEN when access ends.',
    subscribe: ({ args, context }) =>
      stream(
        context as Context,
        { referralId: args.referralId as string | null },
        args.after as string | null,
      ),
  })
  referralUpdated(
    @Root() signal: ReferralEventSignal,
    @Ctx() ctx: Context,
    @Arg('referralId', () => ID, { nullable: true, description: 'Only this referral' }) _referralId?: string,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after?: string,
  ): Promise<ReferralEventView> {
    return deliverReferralEvent(ctx.em, callerOf(ctx), signal);
  }

  @Access(Permission.ReferralReceive)
  @Subscription(() => ReferralEventObject, {
    description: 'For agency officers: each new referral sent to your agency, live (events of kind SENT).',
    subscribe: ({ args, context }) =>
      stream(context as Context, { receivedOnly: true }, args.after as string | null),
  })
  referralReceived(
    @Root() signal: ReferralEventSignal,
    @Ctx() ctx: Context,
    @Arg('after', () => String, { nullable: true, description: AFTER }) _after?: string,
  ): Promise<ReferralEventView> {
    return deliverReferralEvent(ctx.em, callerOf(ctx), signal);
  }
}
