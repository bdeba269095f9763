/** Fired by `<sg-referral-tracker>` when the person's message on a referral was recorded. */
export class SgReferralMessageEvent extends Event {
  static readonly eventName = 'sg-referral-message';

  constructor(
    /** The referral written on. */
    readonly referralId: string,
    /** The message's id. */
    readonly messageId: string,
  ) {
    super(SgReferralMessageEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-referral-message': SgReferralMessageEvent;
  }
}
