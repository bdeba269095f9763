/*
 * The agency's moves on a referral (acknowledge, accept, decline, close) and its messages. See
 * docs/guide/partner-agencies.md, "The referral lifecycle".
 */
import {
  AcceptReferralDocument,
  AcknowledgeReferralDocument,
  CloseReferralDocument,
  DeclineReferralDocument,
  DoorstepError,
  ReferralLifecycleDocument,
  SendReferralMessageDocument,
  request,
  type ClientOptions,
  type ReferralLifecycleFieldsFragment,
  type ReferralOutcome,
} from '@doorstep/client';
import type { Config } from './config.js';
import { withRetry } from './retry.js';

/** A move the agency's officers make, with what it needs. */
export type Move =
  | { to: 'ACKNOWLEDGED' }
  | { to: 'ACCEPTED' }
  | { to: 'DECLINED'; reason: string }
  | { to: 'CLOSED'; outcome: ReferralOutcome; outcomeDetail?: string };

/** Where the referral is after the move, or, when someone moved it first, where it is now. */
export type MoveResult =
  { moved: ReferralLifecycleFieldsFragment } | { stale: ReferralLifecycleFieldsFragment };

// #region move-referral
/** Sends one move, with the version the officer decided on. */
async function send(options: ClientOptions, referralId: string, version: number, move: Move) {
  switch (move.to) {
    case 'ACKNOWLEDGED':
      return (await request(options, AcknowledgeReferralDocument, { input: { referralId, version } }))
        .acknowledgeReferral;
    case 'ACCEPTED':
      return (await request(options, AcceptReferralDocument, { input: { referralId, version } }))
        .acceptReferral;
    case 'DECLINED':
      return (
        await request(options, DeclineReferralDocument, {
          input: { referralId, version, reason: move.reason },
        })
      ).declineReferral;
    case 'CLOSED':
      return (
        await request(options, CloseReferralDocument, {
          input: { referralId, version, outcome: move.outcome, outcomeDetail: move.outcomeDetail },
        })
      ).closeReferral;
  }
}

/**
 * Reads the referral's current version, then makes the move with it. The move is sent once, never
 * retried: if someone moved the referral in between, Doorstep answers STALE_VERSION and changes
 * nothing, so the program reads it again and reports where it is now, for the officer to decide
 * again. INVALID_TRANSITION (the referral's state does not allow the move) is thrown to the caller,
 * whose message says which moves are open.
 */
export async function moveReferral(
  options: ClientOptions,
  config: Config,
  referralId: string,
  move: Move,
): Promise<MoveResult> {
  const read = async () =>
    (await withRetry(config, () => request(options, ReferralLifecycleDocument, { id: referralId }))).referral;
  const { version } = await read();
  try {
    return { moved: await send(options, referralId, version, move) };
  } catch (error) {
    if (error instanceof DoorstepError && error.code === 'STALE_VERSION') return { stale: await read() };
    throw error;
  }
}
// #endregion move-referral

/** Writes on the referral's thread (asking the housing provider for more information). */
export async function sendMessage(options: ClientOptions, referralId: string, body: string) {
  return (await request(options, SendReferralMessageDocument, { input: { referralId, body } }))
    .sendReferralMessage;
}
