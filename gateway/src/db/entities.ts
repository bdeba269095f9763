import { IdempotencyRecord } from '../common/idempotency.entity.js';
import { RateLimitWindow } from '../common/rate-limit.entity.js';
import { AccessGrant } from '../modules/access/access-grant.entity.js';
import { ApiKey, IdentityProvider, PublicToken } from '../modules/access/credentials.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Feedback, FeedbackLink, FeedbackRating, YouSaidWeDid } from '../modules/feedback/feedback.entity.js';
import { Notification } from '../modules/notification/notification.entity.js';
import { ReferralEvent } from '../modules/referral/referral-event.entity.js';
import { ReferralMessage } from '../modules/referral/referral-message.entity.js';
import { ReferralMove } from '../modules/referral/referral-move.entity.js';
import { Referral } from '../modules/referral/referral.entity.js';
import { ReferralResponsePolicy } from '../modules/referral/response-due.entity.js';
import { ConcernCount } from '../modules/concern/concern-count.entity.js';
import { ConcernReferenceCounter } from '../modules/concern/concern-reference.entity.js';
import { ChronologyEntry } from '../modules/chronology/chronology-entry.entity.js';
import { ConcernNamedPerson } from '../modules/concern/concern-named-person.entity.js';
import { ConcernPerson } from '../modules/concern/concern-person.entity.js';
import { ConcernTriage } from '../modules/concern/concern-triage.entity.js';
import { Concern } from '../modules/concern/concern.entity.js';
import {
  CumulativeFlag,
  CumulativeFlagConcern,
  CumulativeRule,
  Task,
} from '../modules/cumulative/cumulative.entity.js';
import { Household, HouseholdAssignment, HouseholdMember } from '../modules/household/household.entity.js';
import { Person, PersonRelationship } from '../modules/person/person.entity.js';
import {
  SelfAssessmentAnswer,
  SelfAssessmentRound,
} from '../modules/self-assessment/self-assessment.entity.js';
import { CapacityAssessment } from '../modules/risk/capacity-assessment.entity.js';
import { DashChecklist } from '../modules/risk/dash-checklist.entity.js';
import { Warning } from '../modules/warning/warning.entity.js';
import {
  Case,
  CaseAction,
  CaseConcern,
  CaseNote,
  CasePerson,
  CasePersonRemoval,
  CaseReview,
  CaseReviewPolicy,
} from '../modules/case/case.entity.js';
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from '../modules/webhook/webhook.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import { Team } from '../modules/organisation/team.entity.js';
import { CaseOpenPeriod } from '../modules/report/case-open-period.entity.js';
import { ReportTally } from '../modules/report/report-tally.entity.js';
import { WorkingDayNumber } from '../modules/report/working-day-number.entity.js';

/** Every entity, listed: no folder scanning, so the same code runs from tsc output and under vitest. */
export const entities = [
  Organisation,
  Team,
  User,
  IdentityProvider,
  ApiKey,
  PublicToken,
  AccessGrant,
  Concern,
  ConcernReferenceCounter,
  ConcernCount,
  AuditEvent,
  Notification,
  Referral,
  DashChecklist,
  CapacityAssessment,
  ReferralEvent,
  ReferralMessage,
  ReferralMove,
  ReferralResponsePolicy,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookAttempt,
  IdempotencyRecord,
  RateLimitWindow,
  Household,
  HouseholdMember,
  HouseholdAssignment,
  Person,
  PersonRelationship,
  ConcernPerson,
  ConcernNamedPerson,
  ConcernTriage,
  Warning,
  ChronologyEntry,
  CumulativeRule,
  CumulativeFlag,
  CumulativeFlagConcern,
  Task,
  SelfAssessmentAnswer,
  SelfAssessmentRound,
  FeedbackLink,
  Feedback,
  FeedbackRating,
  YouSaidWeDid,
  Case,
  CasePerson,
  CasePersonRemoval,
  CaseConcern,
  CaseAction,
  CaseNote,
  CaseReview,
  CaseReviewPolicy,
  CaseOpenPeriod,
  ReportTally,
  WorkingDayNumber,
];
