/**
 * Fired by `<sg-feedback>` when the gateway has the feedback. It carries nothing the person wrote:
 * only when it was received, and the idempotency key it was sent with. The widget is showing its
 * thank-you by then.
 *
 * ```js
 * feedback.addEventListener('sg-feedback-submitted', () => analytics.count('feedback'));
 * ```
 */
export class SgFeedbackSubmittedEvent extends Event {
  static readonly eventName = 'sg-feedback-submitted';

  constructor(
    /** When the gateway received it (ISO 8601). */
    readonly receivedAt: string,
    /** The key it was sent with: sending again with it is recognised and stored once. */
    readonly idempotencyKey: string,
  ) {
    super(SgFeedbackSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-feedback-submitted': SgFeedbackSubmittedEvent;
  }
}
