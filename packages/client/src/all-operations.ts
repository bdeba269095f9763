import { Concerns, RaiseConcern, RaisePublicConcern, type TypedDocument } from './operations.js';
import { feedbackOperations } from './feedback.js';
import { referralOperations } from './referrals.js';
import { safeguardingOperations } from './safeguarding.js';
import { selfAssessmentOperations } from './self-assessment.js';

/**
 * Every operation this package ships, for the gateway's schema drift test. In a module of its own so
 * a bundle that does not use the list (a widget) leaves it, and the operations it names, out.
 */
export const allOperations: readonly TypedDocument<unknown, unknown>[] = [
  RaiseConcern,
  RaisePublicConcern,
  Concerns,
  ...safeguardingOperations,
  ...referralOperations,
  ...selfAssessmentOperations,
  ...feedbackOperations,
];
