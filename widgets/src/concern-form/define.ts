// <sg-provider> first: a form inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgConcernForm } from './concern-form.js';

export { SgConcernForm };
export { SgProvider } from '../provider/provider.js';
export { SgConcernQueuedEvent } from '../events/concern-queued.js';
export { SgConcernSubmittedEvent } from '../events/concern-submitted.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-concern-form>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-concern-form')) {
  customElements.define('sg-concern-form', SgConcernForm);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-concern-form': SgConcernForm;
  }
}
