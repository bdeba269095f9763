/**
 * What an `sg-open` event asks the host page to open:
 * - from `<sg-household-view>`, what a count stands for: `person-concerns`, `household-concerns`
 *   (the open concerns about a person or household), `person-referrals`, `household-referrals`
 *   (the open referrals sent about them), `person-cases`, `household-cases` (the open cases about
 *   them); the id is the person's or household's.
 * - from `<sg-chronology>`, the record behind an entry, by its type: `Concern`, `Warning`,
 *   `Referral`, `CumulativeFlag`, …; the id is the record's.
 * - from `<sg-work-queue>`, an item of the queue, by its record's type: `Concern`, `CumulativeFlag`,
 *   `Referral`, `Warning`, or an overdue task's source type; the id is the record's.
 */
export type SgOpenKind =
  | 'person-concerns'
  | 'household-concerns'
  | 'person-referrals'
  | 'household-referrals'
  | 'person-cases'
  | 'household-cases'
  // A record's type, from the chronology (`string & {}` keeps the names above suggested).
  | (string & {});

/**
 * Fired when a person asks to open something a view shows. The widgets that show concerns,
 * referrals and the rest are separate, so the host page decides where they open (another page, a
 * panel, `<sg-referral-tracker>`): nothing is fetched or shown by the event itself. It carries only
 * a kind and an id, never what the record says.
 *
 * ```js
 * view.addEventListener('sg-open', (event) => router.go(`/${event.kind}/${event.id}`));
 * ```
 */
export class SgOpenEvent extends Event {
  static readonly eventName = 'sg-open';

  constructor(
    /** What to open (`SgOpenKind`). */
    readonly kind: SgOpenKind,
    /** The person's, household's or record's id. */
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
