/**
 * Fired by `<sg-concern-form>` when the gateway has accepted a concern. The form is showing its
 * confirmation by then; a host page can record the reference or move on.
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
    /** When the gateway received it (ISO 8601). */
    readonly receivedAt: string,
  ) {
    super(SgConcernSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-concern-submitted': SgConcernSubmittedEvent;
  }
}
