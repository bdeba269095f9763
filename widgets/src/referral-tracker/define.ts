// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgReferralTracker } from './referral-tracker.js';

export { SgReferralTracker };
export { SgProvider } from '../provider/provider.js';
export { SgReferralMessageEvent } from '../events/referral-message.js';
export { SgReferralMovedEvent } from '../events/referral-moved.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-referral-tracker>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-referral-tracker')) {
  customElements.define('sg-referral-tracker', SgReferralTracker);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-referral-tracker': SgReferralTracker;
  }
}
