/**
 * The widgets' classes, events and translation tools, without registering any tag. To register
 * `<sg-concern-form>` and `<sg-provider>`, import `@doorstep/widgets/concern-form.js` (or load the
 * bundle); `<sg-provider>` alone, `@doorstep/widgets/provider.js`.
 */
export { SgConcernForm } from './concern-form/concern-form.js';
export { readConcernInput, readPublicInput, type Answers, type Mode } from './concern-form/concern-input.js';
export { SgProvider } from './provider/provider.js';
export { SgConcernQueuedEvent } from './events/concern-queued.js';
export { SgConcernSubmittedEvent } from './events/concern-submitted.js';
export { SgErrorEvent } from './events/error.js';
export { cy } from './i18n/cy.js';
export { en } from './i18n/en.js';
export type { Plural, Translation } from './i18n/translation.js';
export { registerTranslation } from './internal/localize.js';
export { tokenExpiry, type TokenFetcher } from './internal/token.js';
