// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgWorkQueue } from './work-queue.js';

export { SgWorkQueue };
export { SgProvider } from '../provider/provider.js';
export { SgOpenEvent, type SgOpenKind } from '../events/open.js';
export { SgTriagedEvent } from '../events/triaged.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-work-queue>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-work-queue')) {
  customElements.define('sg-work-queue', SgWorkQueue);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-work-queue': SgWorkQueue;
  }
}
