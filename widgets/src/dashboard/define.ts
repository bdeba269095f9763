// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgDashboard } from './dashboard.js';

export { SgDashboard };
export { SgProvider } from '../provider/provider.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-dashboard>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-dashboard')) {
  customElements.define('sg-dashboard', SgDashboard);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-dashboard': SgDashboard;
  }
}
