/**
 * Fired by a widget when a request to the gateway failed for a reason the user cannot fix by
 * changing their answers: no or expired token (`UNAUTHENTICATED`), no permission (`FORBIDDEN`), no
 * connection (`NETWORK_ERROR`), the gateway unavailable (`SERVICE_UNAVAILABLE`), … The widget has
 * already told the user; a host page may react, for example by refreshing its token.
 */
export class SgErrorEvent extends Event {
  static readonly eventName = 'sg-error';

  constructor(
    /** The gateway's `extensions.code`, or `NETWORK_ERROR`. */
    readonly code: string,
    /** A technical description, for the host's logs; not shown to the user. */
    readonly message: string,
  ) {
    super(SgErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-error': SgErrorEvent;
  }
}
