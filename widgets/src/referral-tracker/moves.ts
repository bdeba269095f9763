import {
  AcceptReferralDocument,
  AcknowledgeReferralDocument,
  CloseReferralDocument,
  DeclineReferralDocument,
  WithdrawReferralDocument,
  type ReferralOutcome,
  type ReferralStatus,
} from '@doorstep/client';
import type { TrackerAction } from '../i18n/translation.js';
import { send, type Api } from '../internal/api.js';

/** Whose tracker it is: the organisation that sent referrals, or the agency that received them. */
export type TrackerMode = 'provider' | 'agency';

/**
 * The moves each side may make from each status, as the gateway's lifecycle allows them
 * (gateway/src/modules/referral/referral-lifecycle.ts): the agency acknowledges a sent referral,
 * accepts or declines an acknowledged one and closes an accepted one; the sender withdraws one that
 * is still open. The widget offers only these, so it never asks for a move the gateway refuses.
 */
const MOVES: Record<TrackerMode, Partial<Record<ReferralStatus, TrackerAction[]>>> = {
  agency: { SENT: ['acknowledge'], ACKNOWLEDGED: ['accept', 'decline'], ACCEPTED: ['close'] },
  provider: { SENT: ['withdraw'], ACKNOWLEDGED: ['withdraw'], ACCEPTED: ['withdraw'] },
};

/** The moves open to `mode` from `status`, in the order they are offered. */
export const movesFrom = (status: ReferralStatus, mode: TrackerMode): TrackerAction[] =>
  MOVES[mode][status] ?? [];

/** While a referral is open (sent, acknowledged, accepted) either side may write on its thread. */
export const takesMessages = (status: ReferralStatus): boolean =>
  status === 'SENT' || status === 'ACKNOWLEDGED' || status === 'ACCEPTED';

/** The moves that need words: a reason, or an outcome. */
export type WordedAction = Extract<TrackerAction, 'decline' | 'close' | 'withdraw'>;
export const needsWords = (action: TrackerAction): action is WordedAction =>
  action === 'decline' || action === 'close' || action === 'withdraw';

/** What the person wrote for a move: a reason (decline, withdraw) or an outcome (close). */
export interface MoveWords {
  reason: string;
  outcome: string;
  outcomeDetail: string;
}

/** The fields a move still needs, before anything is sent: none, or which. */
export function missingFor(
  action: TrackerAction,
  words: MoveWords,
): ('reason' | 'outcome' | 'outcomeDetail')[] {
  if (action === 'decline' || action === 'withdraw') return words.reason.trim() ? [] : ['reason'];
  if (action !== 'close') return [];
  if (!words.outcome) return ['outcome'];
  return words.outcome === 'OTHER' && !words.outcomeDetail.trim() ? ['outcomeDetail'] : [];
}

/**
 * Sends one move with the version the person saw (the gateway answers `STALE_VERSION` if it has
 * moved since); resolves with the referral's status and version after it.
 */
export async function sendMove(
  api: Api,
  action: TrackerAction,
  seen: { referralId: string; version: number },
  words: MoveWords,
): Promise<{ id: string; status: ReferralStatus; version: number }> {
  const reason = { ...seen, reason: words.reason };
  switch (action) {
    case 'acknowledge':
      return (await send(api, AcknowledgeReferralDocument, { input: seen })).acknowledgeReferral;
    case 'accept':
      return (await send(api, AcceptReferralDocument, { input: seen })).acceptReferral;
    case 'decline':
      return (await send(api, DeclineReferralDocument, { input: reason })).declineReferral;
    case 'withdraw':
      return (await send(api, WithdrawReferralDocument, { input: reason })).withdrawReferral;
    case 'close': {
      const outcome = words.outcome as ReferralOutcome;
      const detail = outcome === 'OTHER' ? { outcomeDetail: words.outcomeDetail } : {};
      return (await send(api, CloseReferralDocument, { input: { ...seen, outcome, ...detail } }))
        .closeReferral;
    }
  }
}
