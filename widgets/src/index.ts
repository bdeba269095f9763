/**
 * The widgets' classes, events and translation tools, without registering any tag. To register
 * `<sg-concern-form>`, import `@doorstep/widgets/concern-form.js` (or load the bundle).
 */
export { SgConcernForm } from './concern-form/concern-form.js';
export { readConcernInput } from './concern-form/concern-input.js';
export { SgConcernSubmittedEvent } from './events/concern-submitted.js';
export { SgErrorEvent } from './events/error.js';
export { en } from './i18n/en.js';
export type { Translation } from './i18n/translation.js';
export { registerTranslation } from './internal/localize.js';
