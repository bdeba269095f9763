import type { ReferralStatus } from '@doorstep/client';
import type { TrackerAction } from '../i18n/translation.js';

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
