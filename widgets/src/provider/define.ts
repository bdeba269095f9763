import { SgProvider } from './provider.js';

export { SgProvider };

/** Registers `<sg-provider>`, unless this or another copy of the widgets already has. */
if (!customElements.get('sg-provider')) {
  customElements.define('sg-provider', SgProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-provider': SgProvider;
  }
}
