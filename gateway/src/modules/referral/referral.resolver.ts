import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { LegalBasis, ReferralOutcome, ReferralStatus } from '@doorstep/schema';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import {
  AgencyTypeEnum,
  LegalBasisEnum,
  ReferralOutcomeEnum,
  ReferralStatusEnum,
} from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { ReferralMessage } from './referral-message.entity.js';
import { ReferralMove } from './referral-move.entity.js';
import { Referral, SharedInformation } from './referral.entity.js';
import {
  getReferral,
  listReferrals,
  messagesOf,
  moveReferral,
  movesOf,
  partnerAgencies,
  referConcern,
  sendReferralMessage,
  sharedOf,
} from './referral.service.js';

const OVERDUE_FILTER =
  'Only referrals past their respondBy date and not yet responded to (true), or the others (false)';

/**
 * What both lists filter by (each list's input type adds the other organisation): rules in
 * `sentReferralsFilterSchema` and `receivedReferralsFilterSchema` (@doorstep/schema).
 */
@InputType()
abstract class ReferralFilter {
  @Field(() => [ReferralStatusEnum], {
    nullable: true,
    description: 'Only referrals in one of these statuses',
  })
  status?: ReferralStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: OVERDUE_FILTER })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Sent on or after this UK day (YYYY-MM-DD)' })
  sentFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Sent on or before this UK day (YYYY-MM-DD)' })
  sentTo?: string | null;
}

@InputType({
  description: 'Which of the referrals your organisation sent to list; every condition given applies',
})
export class SentReferralsFilter extends ReferralFilter {
  @Field(() => ID, { nullable: true, description: 'Only those sent to this agency' })
  agencyId?: string | null;
}

@InputType({
  description: 'Which of the referrals sent to your agency to list; every condition given applies',
})
export class ReceivedReferralsFilter extends ReferralFilter {
  @Field(() => ID, { nullable: true, description: 'Only those sent by this organisation' })
  senderId?: string | null;
}

const OVERDUE_ARGUMENT = {
  nullable: true,
  description: OVERDUE_FILTER,
  deprecationReason: 'Use filter.overdue',
};

@ObjectType()
@Access(Permission.Envelope)
export class ReferralConnection extends Connection(Referral, 'Referral') {}

@ObjectType({ description: 'A partner agency a concern can be referred to' })
@Access(Permission.ReferralSend)
export class PartnerAgency {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AgencyTypeEnum, { nullable: true })
  agencyType!: string | null;
}

/**
 * What a referral shares and on what basis, sent directly (ReferConcernInput) or by a triage decision
 * to REFER (TriageReferralInput): rules in `referConcernInputSchema` and `triageReferralInputSchema`.
 */
@InputType()
export abstract class ReferralSharingInput {
  @Field(() => ID, { description: 'The partner agency (see partnerAgencies, or referralDraft)' })
  recipientOrganisationId!: string;

  @Field(() => LegalBasisEnum)
  legalBasis!: LegalBasis;

  @Field(() => String, { nullable: true, description: 'Required unless the basis is CONSENT' })
  legalBasisReason?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Share what was reported word for word (default no)' })
  includeWhatWasReported?: boolean | null;
}

@InputType()
export class ReferConcernInput extends ReferralSharingInput {
  @Field(() => ID)
  concernId!: string;

  @Field({ description: 'Why you are referring' })
  reason!: string;

  @Field({ description: 'What the agency needs to know, in your words: share no more than that' })
  summary!: string;
}

@InputType({ description: 'A referral and the version of it you last saw' })
export class ReferralMoveInput {
  @Field(() => ID)
  referralId!: string;

  @Field(() => Int, {
    description: 'The referral’s version as you last saw it (STALE_VERSION if it has moved since)',
  })
  version!: number;
}

@InputType()
export class ReferralReasonInput extends ReferralMoveInput {
  @Field({ description: 'Why: the other side reads it' })
  reason!: string;
}

@InputType()
export class CloseReferralInput extends ReferralMoveInput {
  @Field(() => ReferralOutcomeEnum, { description: 'What your agency did' })
  outcome!: ReferralOutcome;

  @Field(() => String, { nullable: true, description: 'In your words; required for OTHER' })
  outcomeDetail?: string | null;
}

@InputType()
export class ReferralMessageInput {
  @Field(() => ID)
  referralId!: string;

  @Field({ description: 'Your message: the other side reads it' })
  body!: string;
}

const LIFECYCLE =
  ' Give the version you last saw. Errors: INVALID_TRANSITION (not from its current status: the message says what is), ' +
  'STALE_VERSION (it moved since), NOT_FOUND. Recorded in the referral’s moves, the audit trail and the sender’s chronology.';

@Resolver(() => Referral)
export class ReferralResolver {
  @Access(Permission.ReferralSend)
  @Query(() => [PartnerAgency], { description: 'The partner agencies a concern can be referred to' })
  partnerAgencies(@Ctx() ctx: Context): Promise<Organisation[]> {
    return partnerAgencies(ctx.em);
  }

  @Access(Permission.ReferralSend)
  @Mutation(() => Referral, {
    description:
      'Refer a concern to a partner agency. The agency sees a copy of what you share and its legal basis, ' +
      'never the concern itself. Recorded as SHARE in the audit trail.',
  })
  referConcern(@Arg('input', () => ReferConcernInput) input: ReferConcernInput, @Ctx() ctx: Context) {
    return referConcern(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.ReferralSend)
  @Query(() => ReferralConnection, { description: 'Referrals your organisation sent, newest first' })
  referralsSent(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('overdue', () => Boolean, OVERDUE_ARGUMENT) overdue?: boolean,
    @Arg('filter', () => SentReferralsFilter, { nullable: true }) filter?: SentReferralsFilter,
  ) {
    return listReferrals(ctx.em, callerOf(ctx), 'sent', { first, after, overdue, filter });
  }

  @Access(Permission.ReferralReceive)
  @Query(() => ReferralConnection, {
    description: 'For agency officers: referrals sent to your agency, newest first',
  })
  referralsReceived(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('overdue', () => Boolean, OVERDUE_ARGUMENT) overdue?: boolean,
    @Arg('filter', () => ReceivedReferralsFilter, { nullable: true }) filter?: ReceivedReferralsFilter,
  ) {
    return listReferrals(ctx.em, callerOf(ctx), 'received', { first, after, overdue, filter });
  }

  @Access(Permission.ReferralRead)
  @Query(() => Referral, { description: 'One referral your organisation sent, or your agency received' })
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getReferral(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.ReferralRespond)
  @Mutation(() => Referral, {
    description: 'For agency officers: say a SENT referral has been received.' + LIFECYCLE,
  })
  acknowledgeReferral(@Arg('input', () => ReferralMoveInput) input: ReferralMoveInput, @Ctx() ctx: Context) {
    return moveReferral(ctx.em, callerOf(ctx), 'ACKNOWLEDGED', input);
  }

  @Access(Permission.ReferralRespond)
  @Mutation(() => Referral, {
    description: 'For agency officers: take on an ACKNOWLEDGED referral.' + LIFECYCLE,
  })
  acceptReferral(@Arg('input', () => ReferralMoveInput) input: ReferralMoveInput, @Ctx() ctx: Context) {
    return moveReferral(ctx.em, callerOf(ctx), 'ACCEPTED', input);
  }

  @Access(Permission.ReferralRespond)
  @Mutation(() => Referral, {
    description: 'For agency officers: decline an ACKNOWLEDGED referral, saying why.' + LIFECYCLE,
  })
  declineReferral(@Arg('input', () => ReferralReasonInput) input: ReferralReasonInput, @Ctx() ctx: Context) {
    return moveReferral(ctx.em, callerOf(ctx), 'DECLINED', input);
  }

  @Access(Permission.ReferralRespond)
  @Mutation(() => Referral, {
    description: 'For agency officers: close an ACCEPTED referral with what your agency did.' + LIFECYCLE,
  })
  closeReferral(@Arg('input', () => CloseReferralInput) input: CloseReferralInput, @Ctx() ctx: Context) {
    return moveReferral(ctx.em, callerOf(ctx), 'CLOSED', input);
  }

  @Access(Permission.ReferralSend)
  @Mutation(() => Referral, {
    description: 'Withdraw a referral your organisation sent while it is open, saying why.' + LIFECYCLE,
  })
  withdrawReferral(@Arg('input', () => ReferralReasonInput) input: ReferralReasonInput, @Ctx() ctx: Context) {
    return moveReferral(ctx.em, callerOf(ctx), 'WITHDRAWN', input);
  }

  @Access(Permission.ReferralMessage)
  @Mutation(() => ReferralMessage, {
    description:
      'Write on an open referral’s thread: the agency asks for more information, the sender answers. ' +
      'Only the two organisations see it. Errors: INVALID_TRANSITION (the referral is no longer open), NOT_FOUND.',
  })
  sendReferralMessage(
    @Arg('input', () => ReferralMessageInput) input: ReferralMessageInput,
    @Ctx() ctx: Context,
  ) {
    return sendReferralMessage(ctx.em, callerOf(ctx), input);
  }

  @FieldResolver(() => [ReferralMessage], { description: 'Its message thread, oldest first' })
  messages(@Root() referral: Referral, @Ctx() ctx: Context): Promise<ReferralMessage[]> {
    return messagesOf(ctx.em, referral);
  }

  @FieldResolver(() => [ReferralMove], { description: 'Its moves through the lifecycle, oldest first' })
  moves(@Root() referral: Referral, @Ctx() ctx: Context): Promise<ReferralMove[]> {
    return movesOf(ctx.em, referral);
  }

  @FieldResolver(() => String, { description: 'The organisation that sent it' })
  sender(@Root() referral: Referral): string {
    return referral.organisation.name;
  }

  @FieldResolver(() => String, { description: 'The agency it was sent to' })
  recipient(@Root() referral: Referral): string {
    return referral.recipientOrganisation.name;
  }

  @FieldResolver(() => SharedInformation, { description: 'What was shared, as it was when sent' })
  shared(@Root() referral: Referral): SharedInformation {
    return sharedOf(referral);
  }

  @Access(Permission.ReferralSender)
  @FieldResolver(() => ID, { description: 'Your concern it came from (the agency does not see this)' })
  concernId(@Root() referral: Referral): string {
    return referral.concern.id;
  }
}
