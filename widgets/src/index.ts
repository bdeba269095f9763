/**
 * The widgets' classes, events and translation tools, without registering any tag. To register a
 * widget (and `<sg-provider>`), import `@doorstep/widgets/concern-form.js`, `…/feedback.js`,
 * `…/self-assessment.js` or `…/household-view.js` (or load its bundle); `<sg-provider>` alone,
 * `@doorstep/widgets/provider.js`.
 */
export { SgConcernForm } from './concern-form/concern-form.js';
export { readConcernInput, readPublicInput, type Answers, type Mode } from './concern-form/concern-input.js';
export { SgFeedback } from './feedback/feedback.js';
export { SgSelfAssessment } from './self-assessment/self-assessment.js';
export { SgHouseholdView } from './household-view/household-view.js';
export { SgProvider } from './provider/provider.js';
export { SgConcernQueuedEvent } from './events/concern-queued.js';
export { SgConcernSubmittedEvent } from './events/concern-submitted.js';
export { SgFeedbackSubmittedEvent } from './events/feedback-submitted.js';
export { SgErrorEvent } from './events/error.js';
export { SgOpenEvent, type SgOpenKind } from './events/open.js';
export { SgRaiseConcernEvent } from './events/raise-concern.js';
export { cy } from './i18n/cy.js';
export { en } from './i18n/en.js';
export { feedbackCy } from './i18n/feedback.cy.js';
export { feedbackEn } from './i18n/feedback.en.js';
export { selfAssessmentCy } from './i18n/self-assessment.cy.js';
export { selfAssessmentEn } from './i18n/self-assessment.en.js';
export { householdViewCy } from './i18n/household-view.cy.js';
export { householdViewEn } from './i18n/household-view.en.js';
export type {
  Common,
  FeedbackTranslation,
  HouseholdViewTranslation,
  Plural,
  SelfAssessmentTranslation,
  Translation,
} from './i18n/translation.js';
export { registerTranslation } from './internal/localize.js';
export { tokenExpiry, type TokenFetcher } from './internal/token.js';
// sg-chronology
export { SgChronology } from './chronology/chronology.js';
export { chronologyCy } from './i18n/chronology.cy.js';
export { chronologyEn } from './i18n/chronology.en.js';
export type { ChronologyTranslation } from './i18n/translation.js';
// sg-work-queue
export { SgWorkQueue } from './work-queue/work-queue.js';
export { SgTriagedEvent } from './events/triaged.js';
export { workQueueCy } from './i18n/work-queue.cy.js';
export { workQueueEn } from './i18n/work-queue.en.js';
export type { WorkQueueTranslation } from './i18n/translation.js';

// sg-referral-tracker
export { SgReferralTracker } from './referral-tracker/referral-tracker.js';
export { SgReferralMessageEvent } from './events/referral-message.js';
export { SgReferralMovedEvent } from './events/referral-moved.js';
export { referralTrackerCy } from './i18n/referral-tracker.cy.js';
export { referralTrackerEn } from './i18n/referral-tracker.en.js';
export type { ReferralTrackerTranslation } from './i18n/translation.js';

// sg-dashboard
export { SgDashboard } from './dashboard/dashboard.js';
export { dashboardCy } from './i18n/dashboard.cy.js';
export { dashboardEn } from './i18n/dashboard.en.js';
export type { DashboardTranslation } from './i18n/translation.js';
