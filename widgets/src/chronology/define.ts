// <sg-provider> first: a widget inside one asks it for the endpoint and token when it connects.
import '../provider/define.js';
import { SgChronology } from './chronology.js';

export { SgChronology };
export { SgProvider } from '../provider/provider.js';
export { SgErrorEvent } from '../events/error.js';
export { SgOpenEvent } from '../events/open.js';

/** Registers `<sg-chronology>`, unless this or another copy of the widget already has. */
if (!customElements.get('sg-chronology')) {
  customElements.define('sg-chronology', SgChronology);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-chronology': SgChronology;
  }
}
