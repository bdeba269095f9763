import type { Actor, Identity } from '../src/auth/identity.js';

/**
 * The access model of DESIGN.md ("Access: need to know, and nothing else"), written out by hand,
 * apart from the code's rules in `src/auth/permissions.ts`. `access-matrix.test.ts` checks every
 * field of the schema against it for every actor: a field missing here fails the test, and so does
 * any actor the code lets through (or stops) against what is written here.
 *
 * Keys: `Type.field`, or `Type.*` for every field of an object type without an entry of its own.
 * Query and Mutation fields need entries of their own. Values: the actors allowed, or 'envelope'
 * for wrappers and receipts (readable by whoever was allowed the field that returned them).
 * Relationship rules (same organisation, households worked with, referrals received) are checked
 * by the matrix too: `relation` lists the types whose records must belong to the caller's
 * organisation.
 */
const RAISERS: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'ADMIN',
];
const SAFEGUARDING: readonly Actor[] = ['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION'];
/** The organisation's figures (reports): its managers and safeguarding leads. */
const REPORT_READERS: readonly Actor[] = ['SAFEGUARDING_LEAD', 'MANAGER'];
const LEAD: readonly Actor[] = ['SAFEGUARDING_LEAD'];
/** Managers sign warnings off, so they see them; nothing else person-level. */
const WARNING_READERS: readonly Actor[] = [...SAFEGUARDING, 'MANAGER'];
/**
 * Before a visit: frontline staff and contractors (households they work with, decided by the
 * service), leads, champions and managers. Only type, how to stay safe, review date, who lives there.
 */
const VISITORS: readonly Actor[] = ['CONTRACTOR', 'FRONTLINE', ...WARNING_READERS];
const ALL_STAFF: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'AUDITOR',
  'ADMIN',
  'AGENCY_OFFICER',
];
/**
 * The self-assessment checklist (about the organisation, not a person): leads, champions and
 * managers read it; leads and managers answer it.
 */
const SELF_ASSESSMENT_READERS: readonly Actor[] = [...SAFEGUARDING, 'MANAGER'];
/** Feedback (named feedback is personal data) and its figures: leads, champions and managers. */
const FEEDBACK_READERS: readonly Actor[] = [...SAFEGUARDING, 'MANAGER'];
/** Who publishes and withdraws "you said, we did". */
const RESPONDERS: readonly Actor[] = ['SAFEGUARDING_LEAD', 'MANAGER'];
/** Cases: leads and champions work them; managers read them to sign reviews off. */
const CASE_READERS: readonly Actor[] = [...SAFEGUARDING, 'MANAGER'];
/** Who may break glass: staff who may need a record in an emergency. */
const BREAK_GLASS: readonly Actor[] = ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'];

export const spec: Record<string, readonly Actor[] | 'envelope'> = {
  // Raising concerns: staff and contractors get back a receipt; the public and tenants too.
  'Mutation.raiseConcern': RAISERS,
  'Mutation.raisePublicConcern': ['PUBLIC', 'TENANT'],
  'ConcernReceipt.*': 'envelope',
  'PublicConcernReceipt.*': 'envelope',
  // What a tenant sent, as they sent it: that tenant only.
  'Query.myConcerns': ['TENANT'],
  'SubmittedConcern.*': ['TENANT'],
  'SubmittedConcernConnection.*': 'envelope',
  'SubmittedConcernEdge.*': 'envelope',

  // Concerns in full: the organisation's safeguarding leads and champions only.
  'Query.concern': SAFEGUARDING,
  'Query.concerns': SAFEGUARDING,
  // The work queue's concerns waiting for triage: those who triage.
  'Query.concernsToTriage': SAFEGUARDING,
  'Concern.*': SAFEGUARDING,
  'ConcernConnection.*': 'envelope',
  'ConcernEdge.*': 'envelope',
  'PageInfo.*': 'envelope',

  // Triage (leads and champions): the lifecycle, the history of decisions, the people named.
  // A decision to REFER sends a referral in the same step; the draft of one is for the same people.
  'Mutation.triageConcern': SAFEGUARDING,
  'Query.referralDraft': SAFEGUARDING,
  'ReferralDraft.*': SAFEGUARDING,
  'Mutation.closeConcern': SAFEGUARDING,
  'ConcernTriage.*': SAFEGUARDING,
  'ConcernPersonLink.*': SAFEGUARDING,
  'NamedPerson.*': SAFEGUARDING,
  'Mutation.linkNamedPerson': SAFEGUARDING,

  // People and households in full: the organisation's safeguarding leads and champions. Agency
  // officers, auditors, admins, tenants and the public: none of it (referrals come later).
  'Query.household': SAFEGUARDING,
  'Query.person': SAFEGUARDING,
  'Query.searchPeople': SAFEGUARDING,
  'Query.searchHouseholds': SAFEGUARDING,
  'Query.householdAssignments': SAFEGUARDING,
  'Mutation.createHousehold': SAFEGUARDING,
  'Mutation.updateHousehold': SAFEGUARDING,
  'Mutation.addHouseholdMember': SAFEGUARDING,
  'Mutation.endHouseholdMembership': SAFEGUARDING,
  'Mutation.createPerson': SAFEGUARDING,
  'Mutation.updatePerson': SAFEGUARDING,
  'Mutation.addRelationship': SAFEGUARDING,
  'Mutation.removeRelationship': SAFEGUARDING,
  'Household.*': SAFEGUARDING,
  'HouseholdMember.*': SAFEGUARDING,
  'HouseholdAssignment.*': SAFEGUARDING,
  'Person.*': SAFEGUARDING,
  'PersonRelationship.*': SAFEGUARDING,
  'CreatePersonResult.*': 'envelope',
  'DuplicateCandidate.*': 'envelope',
  'PersonSearchConnection.*': 'envelope',
  'PersonSearchEdge.*': 'envelope',
  'PersonMatch.*': 'envelope',
  'HouseholdSearchConnection.*': 'envelope',
  'HouseholdSearchEdge.*': 'envelope',
  'HouseholdMatch.*': 'envelope',

  // Restricting people, merging records, who works with which household, the cumulative rule: leads.
  'Mutation.restrictPerson': LEAD,
  'Mutation.unrestrictPerson': LEAD,
  'Mutation.mergePeople': LEAD,
  'Mutation.assignHousehold': LEAD,
  'Mutation.endHouseholdAssignment': LEAD,
  'Mutation.setCumulativeRule': LEAD,

  // Cumulative low-level concerns and the triage tasks they make.
  'Query.cumulativeRule': SAFEGUARDING,
  'Query.cumulativeFlags': SAFEGUARDING,
  'Query.tasks': SAFEGUARDING,
  'Mutation.reviewCumulativeFlag': SAFEGUARDING,
  'CumulativeRule.*': SAFEGUARDING,
  'CumulativeFlag.*': SAFEGUARDING,
  'Task.*': SAFEGUARDING,

  // The chronology: leads and champions; exports too (audited as EXPORT).
  'Query.chronology': SAFEGUARDING,
  'Query.chronologyExport': SAFEGUARDING,
  'Mutation.pinChronologyEntry': SAFEGUARDING,
  'ChronologyEntry.*': SAFEGUARDING,
  'ChronologyConnection.*': 'envelope',
  'ChronologyEdge.*': 'envelope',
  'ChronologyExport.*': 'envelope',

  // Warnings in full: leads, champions, and managers (who sign them off). Leads and champions write.
  'Query.warning': WARNING_READERS,
  'Query.warningsDueForReview': WARNING_READERS,
  'Query.warningsAwaitingSignOff': WARNING_READERS,
  'Mutation.addWarning': SAFEGUARDING,
  'Mutation.updateWarning': SAFEGUARDING,
  'Mutation.endWarning': SAFEGUARDING,
  'Mutation.signOffWarning': ['MANAGER'],
  'Warning.*': WARNING_READERS,
  'WarningConnection.*': 'envelope',
  'WarningEdge.*': 'envelope',

  // Domestic abuse risk (DASH checklists, MARAC referrals from them) and mental capacity
  // assessments: the organisation's leads and champions only. A MARAC reads a checklist only as a
  // referral shared it (SharedRiskAssessment, below).
  'Query.dashChecklist': SAFEGUARDING,
  'Mutation.recordDashChecklist': SAFEGUARDING,
  'Mutation.updateDashChecklist': SAFEGUARDING,
  'Mutation.referDashChecklistToMarac': SAFEGUARDING,
  'DashChecklist.*': SAFEGUARDING,
  'DashChecklistAnswer.*': SAFEGUARDING,
  'MaracReferralDraft.*': SAFEGUARDING,
  'Query.capacityAssessment': SAFEGUARDING,
  'Query.concernsAwaitingCapacityAssessment': SAFEGUARDING,
  'Mutation.recordCapacityAssessment': SAFEGUARDING,
  'Mutation.updateCapacityAssessment': SAFEGUARDING,
  'CapacityAssessment.*': SAFEGUARDING,
  'BestInterestsDecision.*': SAFEGUARDING,

  // Before a visit: who lives there and the warnings, never the concerns behind them.
  'Query.householdsIWorkWith': VISITORS,
  'Query.visitHousehold': VISITORS,
  'VisitHousehold.*': VISITORS,
  'VisitMember.*': VISITORS,
  'VisitWarning.*': VISITORS,
  // The audit trail: auditors of the organisation, and nobody else.
  'Query.auditEvents': ['AUDITOR'],
  'AuditEvent.*': ['AUDITOR'],
  'AuditEventConnection.*': 'envelope',
  'AuditEventEdge.*': 'envelope',

  // Break-glass and grants: leads grant and see the report; whoever broke glass sees their own.
  'Mutation.breakGlass': BREAK_GLASS,
  'Mutation.grantAccess': ['SAFEGUARDING_LEAD'],
  'Mutation.revokeAccessGrant': ['SAFEGUARDING_LEAD'],
  'Query.accessGrants': ['SAFEGUARDING_LEAD'],
  'AccessGrant.*': BREAK_GLASS,
  'AccessGrantConnection.*': 'envelope',
  'AccessGrantEdge.*': 'envelope',
  // Referrals: the sender's leads and champions, and the receiving agency's officers, who see only
  // what was shared (a copy) with its legal basis, never the concern behind it.
  'Query.partnerAgencies': SAFEGUARDING,
  'PartnerAgency.*': SAFEGUARDING,
  'Mutation.referConcern': SAFEGUARDING,
  'Query.referralsSent': SAFEGUARDING,
  'Query.referralsReceived': ['AGENCY_OFFICER'],
  'Query.referral': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'Referral.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'Referral.concernId': SAFEGUARDING,
  // The lifecycle: the agency's officers make the agency's moves, the sender's leads and champions
  // withdraw; both sides read every move.
  'Mutation.acknowledgeReferral': ['AGENCY_OFFICER'],
  'Mutation.acceptReferral': ['AGENCY_OFFICER'],
  'Mutation.declineReferral': ['AGENCY_OFFICER'],
  'Mutation.closeReferral': ['AGENCY_OFFICER'],
  'Mutation.withdrawReferral': SAFEGUARDING,
  'ReferralMove.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  // The message thread: the two sides write and read it, nobody else.
  'Mutation.sendReferralMessage': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'ReferralMessage.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'SharedInformation.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'SharedPerson.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'SharedRiskAssessment.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'SharedDashAnswer.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'ReferralConnection.*': 'envelope',
  'ReferralEdge.*': 'envelope',
  // Live updates: whoever reads referrals may subscribe to their events (checked when the
  // subscription starts and again for each event, each event's referral read as `referral` reads it).
  'Subscription.referralUpdated': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  'Subscription.referralReceived': ['AGENCY_OFFICER'],
  'ReferralEvent.*': [...SAFEGUARDING, 'AGENCY_OFFICER'],
  // How long each agency type has to respond to the organisation's referrals: leads and managers.
  'Query.referralResponsePolicies': ['SAFEGUARDING_LEAD', 'MANAGER'],
  'Mutation.setReferralResponsePolicy': ['SAFEGUARDING_LEAD', 'MANAGER'],
  'ReferralResponsePolicy.*': ['SAFEGUARDING_LEAD', 'MANAGER'],
  // Fellow staff's names, as they appear on grants.
  'StaffMember.*': [...BREAK_GLASS, 'ADMIN'],

  // The self-assessment checklist, its history and comparisons; leads and managers answer it.
  'Query.selfAssessment': SELF_ASSESSMENT_READERS,
  'Query.selfAssessmentHistory': SELF_ASSESSMENT_READERS,
  'Query.selfAssessmentComparison': SELF_ASSESSMENT_READERS,
  'Mutation.answerSelfAssessment': ['SAFEGUARDING_LEAD', 'MANAGER'],
  'SelfAssessmentQuestion.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentAnswer.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentItem.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentComparisonRow.*': SELF_ASSESSMENT_READERS,
  // Rounds: the safeguarding lead opens and signs them off; the checklist's readers read them.
  'Query.selfAssessmentRounds': SELF_ASSESSMENT_READERS,
  'Query.selfAssessmentRoundComparison': SELF_ASSESSMENT_READERS,
  'Query.selfAssessmentStanding': SELF_ASSESSMENT_READERS,
  'Mutation.openSelfAssessmentRound': ['SAFEGUARDING_LEAD'],
  'Mutation.signOffSelfAssessmentRound': ['SAFEGUARDING_LEAD'],
  'SelfAssessmentRound.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentRoundRow.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentRoundComparison.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentStanding.*': SELF_ASSESSMENT_READERS,
  'SelfAssessmentAreaStanding.*': SELF_ASSESSMENT_READERS,

  // Tenant voice. The public and tenants give feedback and check a one-time link (nothing about
  // whom it is for); leads and champions make links for closed concerns; leads, champions and
  // managers read the feedback and its figures. Leads and managers publish "you said, we did",
  // which everyone who can reach the organisation reads; only they see when one was withdrawn.
  'Mutation.submitFeedback': ['PUBLIC', 'TENANT'],
  // Staff who deal with tenants enter what a tenant said by phone, on paper or in person.
  'Mutation.recordFeedback': ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'],
  'Query.feedbackLink': ['PUBLIC', 'TENANT'],
  'FeedbackReceipt.*': 'envelope',
  'FeedbackLinkStatus.*': 'envelope',
  'Mutation.createFeedbackLink': SAFEGUARDING,
  'FeedbackLinkIssued.*': 'envelope',
  'Query.feedback': FEEDBACK_READERS,
  'Query.feedbackSummary': FEEDBACK_READERS,
  'Feedback.*': FEEDBACK_READERS,
  'FeedbackRating.*': FEEDBACK_READERS,
  'FeedbackConnection.*': 'envelope',
  'FeedbackEdge.*': 'envelope',
  'FeedbackSummary.*': FEEDBACK_READERS,
  'FeedbackPrincipleSummary.*': FEEDBACK_READERS,
  'Mutation.publishYouSaidWeDid': RESPONDERS,
  'Mutation.withdrawYouSaidWeDid': RESPONDERS,
  'Query.youSaidWeDid': [...ALL_STAFF, 'TENANT', 'PUBLIC'],
  'YouSaidWeDid.*': [...ALL_STAFF, 'TENANT', 'PUBLIC'],
  'YouSaidWeDid.withdrawnAt': RESPONDERS,
  'YouSaidWeDidConnection.*': 'envelope',
  'YouSaidWeDidEdge.*': 'envelope',

  // Signed webhooks: the organisation's administrators add, list, rotate and remove its endpoints
  // and read their delivery log; nobody else, not even its leads.
  'Query.webhookEndpoints': ['ADMIN'],
  'Mutation.addWebhookEndpoint': ['ADMIN'],
  'Mutation.rotateWebhookSecret': ['ADMIN'],
  'Mutation.removeWebhookEndpoint': ['ADMIN'],
  'WebhookEndpoint.*': ['ADMIN'],
  'WebhookEndpointSecret.*': 'envelope',
  'Query.webhookDeliveryLog': ['ADMIN'],
  'WebhookAttempt.*': ['ADMIN'],
  'WebhookAttemptConnection.*': 'envelope',
  'WebhookAttemptEdge.*': 'envelope',

  // Cases: leads and champions work them (open, plan, notes, reviews, close, reopen); managers read
  // them and sign reviews off (management oversight); the people and household of a case are
  // person records (leads and champions). Frontline staff, contractors, agency officers, auditors,
  // admins, tenants and the public: none of it. Leads and managers set the review frequency.
  'Query.case': CASE_READERS,
  'Query.cases': CASE_READERS,
  'Query.caseReviewPolicy': CASE_READERS,
  // The work queue's case section: a lead's for the organisation, a champion's own cases.
  'Query.caseWorkDue': SAFEGUARDING,
  'CaseWorkDue.*': 'envelope',
  'Mutation.openCase': SAFEGUARDING,
  'Mutation.addCaseAction': SAFEGUARDING,
  'Mutation.updateCaseAction': SAFEGUARDING,
  'Mutation.addCaseNote': SAFEGUARDING,
  'Mutation.recordCaseReview': SAFEGUARDING,
  'Mutation.signOffCaseReview': ['MANAGER'],
  'Mutation.closeCase': SAFEGUARDING,
  'Mutation.reopenCase': SAFEGUARDING,
  'Mutation.addCasePerson': SAFEGUARDING,
  'Mutation.removeCasePerson': SAFEGUARDING,
  'Mutation.changeCaseLeadWorker': SAFEGUARDING,
  'Mutation.setCaseReviewPolicy': ['SAFEGUARDING_LEAD', 'MANAGER'],
  'Case.*': CASE_READERS,
  'Case.people': SAFEGUARDING,
  'Case.household': SAFEGUARDING,
  // A case's DASH checklists and capacity assessments: risk records, leads and champions only.
  'Case.dashChecklists': SAFEGUARDING,
  'Case.capacityAssessments': SAFEGUARDING,
  'CaseAction.*': CASE_READERS,
  'CaseNote.*': CASE_READERS,
  'CaseReview.*': CASE_READERS,
  'CaseReviewPolicy.*': CASE_READERS,

  // Reports: counts for the organisation's managers and safeguarding leads, nothing person-level.
  'Query.report': REPORT_READERS,
  'Report.*': REPORT_READERS,
  // What a report can be narrowed to: area and team names, for the same readers.
  'Query.reportFilters': REPORT_READERS,
  'ReportFilters.*': REPORT_READERS,
  'ReportTeam.*': 'envelope',
  'ReportPeriodEcho.*': 'envelope',
  'MonthFigures.*': 'envelope',
  'CategoryFigure.*': 'envelope',
  'AgeFigures.*': 'envelope',
  'SourceFigure.*': 'envelope',
  'DurationFigures.*': 'envelope',
  'FlagFigures.*': 'envelope',
  'MspFigures.*': 'envelope',
  'AgencyReferralFigures.*': 'envelope',
  'ReferralOutcomeCount.*': 'envelope',
  'ReferralStatusCount.*': 'envelope',
  'FeedbackScores.*': 'envelope',
  'PrincipleScores.*': 'envelope',
  'WarningReviewCounts.*': 'envelope',

  // Notifications: every member of staff, their own only.
  'Query.notifications': ALL_STAFF,
  'Mutation.markNotificationsRead': ALL_STAFF,
  'Notification.*': ALL_STAFF,
  'NotificationConnection.*': 'envelope',
  'NotificationEdge.*': 'envelope',
};

/** Types whose records are their organisation's: another organisation's record is refused. */
export const organisationOwned: readonly string[] = [
  'SubmittedConcern',
  'Concern',
  'ConcernTriage',
  'ConcernPersonLink',
  'NamedPerson',
  'Household',
  'HouseholdMember',
  'HouseholdAssignment',
  'Person',
  'PersonRelationship',
  'CumulativeRule',
  'ReferralResponsePolicy',
  'CumulativeFlag',
  'Task',
  'ChronologyEntry',
  'Warning',
  'DashChecklist',
  'DashChecklistAnswer',
  'MaracReferralDraft',
  'CapacityAssessment',
  'BestInterestsDecision',
  'VisitHousehold',
  'VisitMember',
  'VisitWarning',
  'AuditEvent',
  'AccessGrant',
  'StaffMember',
  'Notification',
  'SelfAssessmentQuestion',
  'SelfAssessmentAnswer',
  'SelfAssessmentItem',
  'SelfAssessmentComparisonRow',
  'SelfAssessmentRound',
  'SelfAssessmentRoundRow',
  'SelfAssessmentRoundComparison',
  'SelfAssessmentStanding',
  'SelfAssessmentAreaStanding',
  'Feedback',
  'FeedbackRating',
  'FeedbackSummary',
  'FeedbackPrincipleSummary',
  'Report',
  'ReportFilters',
  'YouSaidWeDid',
  'WebhookEndpoint',
  'WebhookAttempt',
  'Case',
  'CaseAction',
  'CaseNote',
  'CaseReview',
  'CaseReviewPolicy',
];

const userIdOf = (identity: Identity) => (identity.kind === 'staff' ? identity.userId : undefined);

/**
 * A record of each type that the caller is related to as the model requires (their own
 * notification, a grant to them). Types not listed: a record of the caller's organisation.
 */
/** A referral as its sender (leads, champions) or its recipient (agency officers) sees it. */
const referralFor = (identity: Identity) =>
  identity.kind === 'staff' && identity.roles.includes('AGENCY_OFFICER')
    ? { organisation: { id: 'a-housing-provider' }, recipientOrganisation: { id: identity.organisationId } }
    : { organisation: { id: identity.organisationId }, recipientOrganisation: { id: 'an-agency' } };

export const relatedRecord: Record<string, (identity: Identity) => object> = {
  Referral: referralFor,
  ReferralEvent: referralFor,
  SharedInformation: referralFor,
  SharedPerson: referralFor,
  SharedRiskAssessment: referralFor,
  SharedDashAnswer: referralFor,
  ReferralMove: referralFor,
  ReferralMessage: referralFor,
  SubmittedConcern: (identity) => ({
    organisationId: identity.organisationId,
    reporterTenantRef: identity.kind === 'tenant' ? identity.tenantRef : undefined,
  }),
  Notification: (identity) => ({
    organisation: { id: identity.organisationId },
    recipient: { id: userIdOf(identity) },
  }),
  AccessGrant: (identity) => ({
    organisation: { id: identity.organisationId },
    user: { id: userIdOf(identity) },
  }),
};

/** Records of the caller's organisation but about someone else, and who may still read them. */
export const unrelatedRecord: Record<
  string,
  { record: (identity: Identity) => object; allowed: readonly Actor[] }
> = {
  Notification: {
    record: (identity) => ({
      organisation: { id: identity.organisationId },
      recipient: { id: 'someone-else' },
    }),
    allowed: [],
  },
  AccessGrant: {
    record: (identity) => ({ organisation: { id: identity.organisationId }, user: { id: 'someone-else' } }),
    allowed: ['SAFEGUARDING_LEAD'],
  },
};

/**
 * Which types hold person-level data (DESIGN.md: "Every read of person-level data is audited"),
 * and how reading one is recorded. `audit-coverage.test.ts` calls every Query field that can return
 * one of them and checks the audit rows of that request.
 * - `{ audit: 'Concern' }`: a record of its own; each one returned must be named (by its `id`) in a
 *   READ row of that entity type, written by the same request.
 * - `{ within: '…' }`: part of another record, or read as a whole; the text says which row covers it.
 *
 * Every type with rules of its own in `spec` is either here or in `notPersonLevel`: a new type is a
 * decision. Envelopes are wrappers around what they hold, unless listed here (an export's content).
 */
export const personLevel: Record<string, { audit: string } | { within: string }> = {
  Concern: { audit: 'Concern' },
  ConcernTriage: { within: 'its concern' },
  ConcernPersonLink: { within: 'its concern; the person in it is a Person of its own' },
  NamedPerson: { audit: 'ConcernNamedPerson' },
  SubmittedConcern: { within: 'a READ of the Concern it shows to the tenant who sent it (it has no id)' },
  Household: { audit: 'Household' },
  HouseholdMember: { within: 'its household; the person in it is a Person of its own' },
  HouseholdAssignment: { audit: 'HouseholdAssignment' },
  Person: { audit: 'Person' },
  PersonRelationship: { within: 'its person; the related person is a Person of their own' },
  CumulativeFlag: { audit: 'CumulativeFlag' },
  ChronologyEntry: { within: 'a READ of the PersonChronology or HouseholdChronology it is part of' },
  ChronologyExport: { within: 'an EXPORT of the PersonChronology or HouseholdChronology' },
  Warning: { audit: 'Warning' },
  VisitHousehold: { audit: 'Household' },
  VisitMember: { audit: 'Person' },
  VisitWarning: { audit: 'Warning' },
  AccessGrant: { audit: 'AccessGrant' },
  Referral: { audit: 'Referral' },
  ReferralEvent: {
    within: 'a READ of its Referral each time an event is delivered (test/subscriptions.test.ts)',
  },
  SharedInformation: { within: 'its referral' },
  SharedPerson: { within: 'its referral' },
  SharedRiskAssessment: { within: 'its referral (sending it is audited as a SHARE of the DashChecklist)' },
  SharedDashAnswer: { within: 'its referral' },
  DashChecklist: { audit: 'DashChecklist' },
  DashChecklistAnswer: { within: 'its checklist' },
  MaracReferralDraft: { within: 'its checklist' },
  CapacityAssessment: { audit: 'CapacityAssessment' },
  BestInterestsDecision: { within: 'its capacity assessment' },
  ReferralMove: { within: 'its referral' },
  ReferralMessage: { audit: 'ReferralMessage' },
  ReferralDraft: { within: 'a READ of the Concern it is drafted from' },
  Feedback: { audit: 'Feedback' },
  FeedbackRating: { within: 'its feedback' },
  Case: { audit: 'Case' },
  CaseAction: { audit: 'CaseAction' },
  CaseNote: { audit: 'CaseNote' },
  CaseReview: { audit: 'CaseReview' },
};

/**
 * Types that hold no person-level data, and why: every type with rules of its own that is not in
 * `personLevel`, and envelopes that are the whole answer of a Query field.
 */
export const notPersonLevel: Record<string, string> = {
  StaffMember: 'a colleague’s name and roles, as on a grant',
  AuditEvent: 'who did what to which record id; reading the trail is audited as AuditTrail',
  CumulativeRule: 'the organisation’s threshold and window',
  ReferralResponsePolicy: 'an agency type and a number of working days',
  CaseReviewPolicy: 'a number of weeks',
  Task: 'a kind, a record id and dates',
  Notification: 'a kind, a record id and dates',
  PartnerAgency: 'an organisation',
  FeedbackLinkStatus: 'whether a link can still be used, nothing about whom it is for',
  FeedbackSummary: 'counts and averages',
  FeedbackPrincipleSummary: 'counts and averages',
  Report: 'counts, shares and durations of the organisation’s records: never a person',
  ReportFilters: 'the organisation’s local authority area names and team names',
  YouSaidWeDid: 'published answers, written to be read by everyone',
  SelfAssessmentItem: 'the organisation’s checklist',
  SelfAssessmentQuestion: 'the organisation’s checklist',
  SelfAssessmentAnswer: 'the organisation’s checklist',
  SelfAssessmentComparisonRow: 'the organisation’s checklist',
  SelfAssessmentRound: 'the organisation’s checklist: a name, dates, and staff names as on an answer',
  SelfAssessmentRoundRow: 'the organisation’s checklist',
  SelfAssessmentRoundComparison: 'the organisation’s checklist',
  SelfAssessmentStanding: 'counts',
  SelfAssessmentAreaStanding: 'counts',
  WebhookEndpoint: 'an address and dates (its secret is never read back); reading it is not audited',
  WebhookAttempt:
    'ids, an HTTP status or error code, times; reading the log is audited as WebhookDeliveryLog',
};
