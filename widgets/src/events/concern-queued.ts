/**
 * Fired by `<sg-concern-form>` when a concern could not be sent (no connection, or the gateway
 * failing) and is kept to send later. The form tells the person; it is sent when the connection
 * returns, and `sg-concern-submitted` follows with the same `idempotencyKey`.
 */
export class SgConcernQueuedEvent extends Event {
  static readonly eventName = 'sg-concern-queued';

  constructor(
    /** The key the concern will be sent with; retries reuse it, so it arrives once. */
    readonly idempotencyKey: string,
    /**
     * `device`: encrypted in this browser's storage, sent even after the page is closed and opened
     * again. `memory`: device storage is off (`offline-storage="off"`), so it is lost if the page
     * is closed before the connection returns.
     */
    readonly storage: 'device' | 'memory',
  ) {
    super(SgConcernQueuedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-concern-queued': SgConcernQueuedEvent;
  }
}
