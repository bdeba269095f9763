import type { RiskLevel, TriageDecision } from '@doorstep/schema';

/**
 * Fired by `<sg-work-queue>` when a concern was triaged from it (the gateway saved the decision and,
 * for a referral, sent it). The concern has left the queue. It carries the decision and the level of
 * risk, never the reason:
 *
 * ```js
 * queue.addEventListener('sg-triaged', (event) => {
 *   if (event.decision === 'OPEN_CASE') router.go(`/concerns/${event.concernId}`);
 * });
 * ```
 */
export class SgTriagedEvent extends Event {
  static readonly eventName = 'sg-triaged';

  constructor(
    /** The concern triaged. */
    readonly concernId: string,
    /** `NO_FURTHER_ACTION`, `MONITOR_LOW_LEVEL`, `REFER` or `OPEN_CASE`. */
    readonly decision: TriageDecision,
    /** `LOW`, `MEDIUM` or `HIGH`. */
    readonly riskLevel: RiskLevel,
  ) {
    super(SgTriagedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-triaged': SgTriagedEvent;
  }
}
