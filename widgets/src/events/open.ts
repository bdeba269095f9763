/**
 * What an `sg-open` event asks the host page to open:
 * - `person-concerns`, `household-concerns`: the open concerns about a person or household;
 * - `person-referrals`, `household-referrals`: the open referrals sent about them.
 *
 * Cases (`person-cases`, `household-cases`) come with the case module (issue 14); until then the
 * household view shows no case count at all rather than a zero it cannot know.
 */
export type SgOpenKind =
  'person-concerns' | 'household-concerns' | 'person-referrals' | 'household-referrals';

/**
 * Fired by `<sg-household-view>` when the user asks to open what a count stands for. The widgets
 * that show concerns and referrals are separate, so the host page decides where they open (another
 * page, a panel, `<sg-referral-tracker>`): nothing is fetched or shown by the event itself.
 *
 * ```js
 * view.addEventListener('sg-open', (event) => router.go(`/${event.kind}/${event.id}`));
 * ```
 */
export class SgOpenEvent extends Event {
  static readonly eventName = 'sg-open';

  constructor(
    /** What to open. */
    readonly kind: SgOpenKind,
    /** The person's or household's id. */
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
