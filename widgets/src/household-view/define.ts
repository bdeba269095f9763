// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgHouseholdView } from './household-view.js';

export { SgHouseholdView };
export { SgProvider } from '../provider/provider.js';
export { SgOpenEvent, type SgOpenKind } from '../events/open.js';
export { SgRaiseConcernEvent } from '../events/raise-concern.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-household-view>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-household-view')) {
  customElements.define('sg-household-view', SgHouseholdView);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-household-view': SgHouseholdView;
  }
}
