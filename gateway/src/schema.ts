import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { enforceAccess } from './auth/access.js';
import { AccessResolver } from './modules/access/access.resolver.js';
import { AuditResolver } from './modules/audit/audit.resolver.js';
import {
  ChronologyResolver,
  HouseholdChronologyResolver,
  PersonChronologyResolver,
} from './modules/chronology/chronology.resolver.js';
import {
  ConcernResolver,
  CumulativeFlagConcernsResolver,
  HouseholdConcernsResolver,
  PersonConcernsResolver,
} from './modules/concern/concern.resolver.js';
import { CaseResolver, CaseReviewPolicyResolver } from './modules/case/case.resolver.js';
import { CumulativeResolver } from './modules/cumulative/cumulative.resolver.js';
import {
  HouseholdAssignmentResolver,
  HouseholdMemberResolver,
  HouseholdResolver,
} from './modules/household/household.resolver.js';
import { FeedbackResolver, YouSaidWeDidResolver } from './modules/feedback/feedback.resolver.js';
import { NotificationResolver } from './modules/notification/notification.resolver.js';
import { ReferralResolver } from './modules/referral/referral.resolver.js';
import { ReferralSubscriptionResolver } from './modules/referral/referral-subscription.resolver.js';
import { ReferralOverdueResolver, ResponsePolicyResolver } from './modules/referral/response-due.resolver.js';
import { TriageReferralResolver } from './modules/referral/triage-referral.resolver.js';
import {
  HouseholdThinkFamilyResolver,
  PersonThinkFamilyResolver,
} from './modules/think-family/think-family.resolver.js';
import {
  HouseholdMemberPersonResolver,
  PersonRelationshipResolver,
  PersonResolver,
} from './modules/person/person.resolver.js';
import {
  CapacityAssessmentResolver,
  ConcernRiskResolver,
  DashChecklistResolver,
} from './modules/risk/risk.resolver.js';
import { SearchResolver } from './modules/search/search.resolver.js';
import { SelfAssessmentResolver } from './modules/self-assessment/self-assessment.resolver.js';
import { WebhookResolver } from './modules/webhook/webhook.resolver.js';
import {
  HouseholdWarningsResolver,
  PersonWarningsResolver,
  VisitResolver,
  WarningResolver,
} from './modules/warning/warning.resolver.js';
// The read model of each module: how the compiled read path reads its types (`read/`).
import { reportResolvers } from './modules/report/report.registry.js';
import './modules/household/household.read.js';
import './modules/person/person.read.js';
import './modules/warning/warning.read.js';
import './modules/warning/visit.read.js';
import './modules/concern/concern.read.js';
import './modules/chronology/chronology.read.js';
import './modules/think-family/think-family.read.js';

export const resolvers = [
  ConcernResolver,
  PersonConcernsResolver,
  HouseholdConcernsResolver,
  CumulativeFlagConcernsResolver,
  AuditResolver,
  AccessResolver,
  NotificationResolver,
  HouseholdResolver,
  HouseholdMemberResolver,
  HouseholdAssignmentResolver,
  PersonResolver,
  PersonRelationshipResolver,
  HouseholdMemberPersonResolver,
  WarningResolver,
  PersonWarningsResolver,
  HouseholdWarningsResolver,
  VisitResolver,
  ChronologyResolver,
  PersonChronologyResolver,
  HouseholdChronologyResolver,
  CumulativeResolver,
  SearchResolver,
  ReferralResolver,
  PersonThinkFamilyResolver,
  HouseholdThinkFamilyResolver,
  TriageReferralResolver,
  ReferralSubscriptionResolver,
  ReferralOverdueResolver,
  ResponsePolicyResolver,
  SelfAssessmentResolver,
  FeedbackResolver,
  YouSaidWeDidResolver,
  WebhookResolver,
  DashChecklistResolver,
  CapacityAssessmentResolver,
  ConcernRiskResolver,
  CaseResolver,
  CaseReviewPolicyResolver,
  ...reportResolvers,
] as const;

let built: GraphQLSchema | undefined;

/**
 * Built once per process: no per-request schema work. Every field is wrapped in its access rule,
 * and building fails if any field has none.
 */
export async function getSchema(): Promise<GraphQLSchema> {
  built ??= enforceAccess(
    await buildSchema({
      resolvers,
      validate: false, // input rules are the shared zod schemas, applied in the services
      emitSchemaFile: false,
      // Subscriptions bring their own source streams (`subscribe`, http/subscription-runner.ts), never
      // type-graphql's topics; it asks for a PubSub all the same.
      pubSub: {
        publish() {
          throw new Error('Subscriptions here use `subscribe`, not topics');
        },
        subscribe() {
          throw new Error('Subscriptions here use `subscribe`, not topics');
        },
      },
    }),
  );
  return built;
}
