// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgSelfAssessment } from './self-assessment.js';

export { SgSelfAssessment };
export { SgProvider } from '../provider/provider.js';
export { SgErrorEvent } from '../events/error.js';

/** Registers `<sg-self-assessment>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-self-assessment')) {
  customElements.define('sg-self-assessment', SgSelfAssessment);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-self-assessment': SgSelfAssessment;
  }
}
