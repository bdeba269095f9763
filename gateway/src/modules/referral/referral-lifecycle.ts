import type { ReferralStatus } from '@doorstep/schema';

/** Which side of a referral may make a move: the agency it was sent to, or the organisation that sent it. */
export type ReferralSide = 'AGENCY' | 'SENDER';

/** A move a referral can make, named by the status it leads to. */
export type ReferralTarget = Exclude<ReferralStatus, 'SENT'>;

interface MoveRule {
  from: readonly ReferralStatus[];
  by: ReferralSide;
  /** In words, for the message of a refused move. */
  verb: string;
}

export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['SENT', 'ACKNOWLEDGED', 'ACCEPTED'];

/**
 * The referral lifecycle, the one place that says which moves are allowed: the agency acknowledges
 * a sent referral, accepts or declines an acknowledged one and closes an accepted one; the sender
 * withdraws one that is still open. DECLINED, CLOSED and WITHDRAWN are final.
 */
export const REFERRAL_MOVES: Readonly<Record<ReferralTarget, MoveRule>> = {
  ACKNOWLEDGED: { from: ['SENT'], by: 'AGENCY', verb: 'acknowledge' },
  ACCEPTED: { from: ['ACKNOWLEDGED'], by: 'AGENCY', verb: 'accept' },
  DECLINED: { from: ['ACKNOWLEDGED'], by: 'AGENCY', verb: 'decline' },
  CLOSED: { from: ['ACCEPTED'], by: 'AGENCY', verb: 'close' },
  WITHDRAWN: { from: OPEN_REFERRAL_STATUSES, by: 'SENDER', verb: 'withdraw' },
};

/** The moves open to one side from a status. */
export function movesFrom(status: ReferralStatus, side: ReferralSide): ReferralTarget[] {
  return (Object.keys(REFERRAL_MOVES) as ReferralTarget[]).filter(
    (to) => REFERRAL_MOVES[to].by === side && REFERRAL_MOVES[to].from.includes(status),
  );
}

/**
 * Whether `side` may move a referral from `from` to `to`: `null` if so, otherwise a plain message
 * saying what that side may do from here.
 */
export function refusal(from: ReferralStatus, to: ReferralTarget, side: ReferralSide): string | null {
  if (REFERRAL_MOVES[to].from.includes(from) && REFERRAL_MOVES[to].by === side) return null;
  const open = movesFrom(from, side).map((m) => REFERRAL_MOVES[m].verb);
  const now = `This referral is ${from.toLowerCase()}`;
  if (!open.length)
    return `${now}: you cannot ${REFERRAL_MOVES[to].verb} it, and it cannot move any further from your side.`;
  return `${now}: you cannot ${REFERRAL_MOVES[to].verb} it. From here you may ${open.join(' or ')} it.`;
}
