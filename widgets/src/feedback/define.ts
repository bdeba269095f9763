// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgFeedback } from './feedback.js';

export { SgFeedback };
export { SgProvider } from '../provider/provider.js';
export { SgFeedbackSubmittedEvent } from '../events/feedback-submitted.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-feedback>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-feedback')) {
  customElements.define('sg-feedback', SgFeedback);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-feedback': SgFeedback;
  }
}
