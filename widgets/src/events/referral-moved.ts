import type { ReferralStatus } from '@doorstep/client';

/**
 * Fired by `<sg-referral-tracker>` when the person moved a referral (acknowledged, accepted,
 * declined, closed or withdrew it) and the gateway recorded it. Ids and the new status only.
 */
export class SgReferralMovedEvent extends Event {
  static readonly eventName = 'sg-referral-moved';

  constructor(
    /** The referral moved. */
    readonly referralId: string,
    /** Its status now. */
    readonly status: ReferralStatus,
  ) {
    super(SgReferralMovedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-referral-moved': SgReferralMovedEvent;
  }
}
