/**
 * Fired by `<sg-household-view>` when the user chooses "Raise a concern about this person". The host
 * page opens `<sg-concern-form>` with the person chosen, for example:
 *
 * ```js
 * view.addEventListener('sg-raise-concern', (event) => {
 *   form.subject = { householdId: event.householdId, personId: event.personId };
 * });
 * ```
 */
export class SgRaiseConcernEvent extends Event {
  static readonly eventName = 'sg-raise-concern';

  constructor(
    /** The household the person lives in. */
    readonly householdId: string,
    /** The person the concern is about. */
    readonly personId: string,
  ) {
    super(SgRaiseConcernEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-raise-concern': SgRaiseConcernEvent;
  }
}
