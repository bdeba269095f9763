import type { Common } from './translation.js';

/*
 * The words every widget shares, spread into each widget's own translation (`{ ...commonEn, … }`),
 * so a widget bundle carries only its own words besides these.
 */

export const commonEn: Common = {
  $code: 'en',
  $name: 'English',
  $formatLocale: 'en-GB',
  $dir: 'ltr',
  errorPrefix: 'Error:',
  warningPrefix: 'Warning',
  optional: '(optional)',
};

export const commonCy: Common = {
  $code: 'cy',
  $name: 'Cymraeg',
  $formatLocale: 'cy-GB',
  $dir: 'ltr',
  errorPrefix: 'Gwall:',
  warningPrefix: 'Rhybudd',
  optional: '(dewisol)',
};
