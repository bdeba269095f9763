import type { WarningType } from '@doorstep/schema';

/*
 * The kinds of warning in words, shared by the widgets that show warnings (the household view, the
 * work queue), so they always say the same.
 */

export const warningTypesEn: Record<WarningType, string> = {
  RISK_TO_STAFF: 'Risk to staff',
  RISK_TO_CHILDREN: 'Risk to children',
  RISK_TO_ADULTS: 'Risk to adults',
  ADULT_AT_RISK: 'Adult at risk',
  DISCLOSURE_RISK: 'Take care what you say',
  MARAC_CASE: 'MARAC case',
  PROTECTION_ORDER: 'Protection order',
};

export const warningTypesCy: Record<WarningType, string> = {
  RISK_TO_STAFF: 'Risg i staff',
  RISK_TO_CHILDREN: 'Risg i blant',
  RISK_TO_ADULTS: 'Risg i oedolion',
  ADULT_AT_RISK: 'Oedolyn mewn perygl',
  DISCLOSURE_RISK: 'Byddwch yn ofalus beth rydych chi’n ei ddweud',
  MARAC_CASE: 'Achos MARAC',
  PROTECTION_ORDER: 'Gorchymyn amddiffyn',
};
