/**
 * Fired by `<sg-concern-form>` when the gateway has accepted a concern: straight away, or later for
 * one that waited in the outbox. The form is showing its confirmation by then (or, for a concern
 * queued earlier, a notice with the reference).
 *
 * ```js
 * form.addEventListener('sg-concern-submitted', (event) => console.log(event.reference));
 * ```
 */
export class SgConcernSubmittedEvent extends Event {
  static readonly eventName = 'sg-concern-submitted';

  constructor(
    /** The concern's reference number, e.g. `SG-2026-000123`. */
    readonly reference: string,
    /** When the gateway received it (ISO 8601); not given for a public concern. */
    readonly receivedAt: string | undefined,
    /** The idempotency key the concern was sent with, fixed when the person pressed "Send". */
    readonly idempotencyKey: string,
  ) {
    super(SgConcernSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-concern-submitted': SgConcernSubmittedEvent;
  }
}
