/**
 * Fired when a person asks to open a record a view shows (in `<sg-chronology>`, the concern,
 * warning or referral behind an entry): the host page opens it where it is worked. It carries
 * only the record's kind and id, never what the record says.
 *
 * ```js
 * chronology.addEventListener('sg-open', (e) => router.go(`/${e.kind.toLowerCase()}s/${e.id}`));
 * ```
 */
export class SgOpenEvent extends Event {
  static readonly eventName = 'sg-open';

  constructor(
    /** The kind of record: `Concern`, `Warning`, `Referral`, `CumulativeFlag`, … */
    readonly kind: string,
    /** The record's id. */
    readonly id: string,
  ) {
    super(SgOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-open': SgOpenEvent;
  }
}
