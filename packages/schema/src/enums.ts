/**
 * Enumerations shared by the gateway (GraphQL enums, database checks) and the widgets (form
 * choices). Each is a readonly tuple so zod, type-graphql and the UI all read the same list.
 */

/** What a user may do. Tenants are not users: they reach public widgets with scoped tokens. */
export const ROLES = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'AUDITOR',
  'ADMIN',
  'AGENCY_OFFICER',
] as const;
export type Role = (typeof ROLES)[number];

/** A housing provider, or the kind of partner agency an organisation is. */
export const ORGANISATION_KINDS = ['HOUSING_PROVIDER', 'AGENCY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const AGENCY_TYPES = [
  'ADULT_SOCIAL_CARE',
  'CHILDRENS_SOCIAL_CARE',
  'POLICE',
  'MASH',
  'MARAC',
  'EARLY_HELP',
  'MENTAL_HEALTH_CRISIS',
  'DOMESTIC_ABUSE_SERVICE',
  'HEALTH',
  'OTHER',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/**
 * How urgent a concern is. IMMEDIATE_DANGER means someone is at risk right now: the form tells
 * the reporter to call 999 first, then record the concern.
 */
export const CONCERN_URGENCIES = ['IMMEDIATE_DANGER', 'URGENT', 'ROUTINE', 'LOW_LEVEL'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];

/**
 * Categories of abuse and harm: the Care Act / Safeguarding Adults Collection list, the children's
 * list, and the other harms housing staff meet.
 */
export const ADULT_CATEGORIES = [
  'PHYSICAL',
  'SEXUAL',
  'PSYCHOLOGICAL',
  'FINANCIAL',
  'DISCRIMINATORY',
  'ORGANISATIONAL',
  'NEGLECT',
  'DOMESTIC_ABUSE',
  'SEXUAL_EXPLOITATION',
  'MODERN_SLAVERY',
  'SELF_NEGLECT',
] as const;
export const CHILD_CATEGORIES = [
  'CHILD_NEGLECT',
  'CHILD_PHYSICAL',
  'CHILD_EMOTIONAL',
  'CHILD_SEXUAL',
  'CHILD_EXPLOITATION',
  'FGM',
  'RADICALISATION',
] as const;
export const OTHER_CATEGORIES = ['HATE_CRIME', 'SELF_HARM', 'MENTAL_HEALTH_CRISIS'] as const;
export const CONCERN_CATEGORIES = [...ADULT_CATEGORIES, ...CHILD_CATEGORIES, ...OTHER_CATEGORIES] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/**
 * Who raised a concern. Derived from the caller's identity, never typed in: a member of the public
 * who leaves contact details is PUBLIC, one who does not is ANONYMOUS_PUBLIC.
 */
export const REPORTER_KINDS = ['STAFF', 'CONTRACTOR', 'TENANT', 'PUBLIC', 'ANONYMOUS_PUBLIC'] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

/** Making Safeguarding Personal: were the person's own views and wishes asked for? */
export const VIEWS_STATUSES = ['ASKED_EXPRESSED', 'ASKED_NONE_EXPRESSED', 'NOT_ASKED'] as const;
export type ViewsStatus = (typeof VIEWS_STATUSES)[number];

/** Consent to share information with other agencies. */
export const CONSENT_STATUSES = ['GIVEN', 'REFUSED', 'NOT_SOUGHT', 'LACKS_CAPACITY'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Whether children live in, or were seen at, the household. */
export const CHILDREN_PRESENT = ['YES', 'NO', 'NOT_KNOWN'] as const;
export type ChildrenPresent = (typeof CHILDREN_PRESENT)[number];

export const CONCERN_STATUSES = ['RAISED', 'TRIAGED', 'CLOSED'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** How a household holds its home. */
export const TENURES = [
  'SOCIAL_RENT',
  'AFFORDABLE_RENT',
  'SHARED_OWNERSHIP',
  'LEASEHOLD',
  'TEMPORARY_ACCOMMODATION',
  'SUPPORTED_HOUSING',
  'LICENCE',
  'OTHER',
] as const;
export type Tenure = (typeof TENURES)[number];

/** A person's place in a household. */
export const HOUSEHOLD_ROLES = ['LEAD_TENANT', 'JOINT_TENANT', 'OCCUPANT', 'LODGER'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

/**
 * Why a member of staff or a contractor works with a household (and so sees its warnings): a
 * housing officer's patch, a repair or gas job, tenancy support.
 */
export const ASSIGNMENT_REASONS = [
  'HOUSING_OFFICER_PATCH',
  'REPAIR_JOB',
  'GAS_SAFETY_CHECK',
  'TENANCY_SUPPORT',
  'OTHER',
] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

/** What may make an adult at risk (Care Act; Livv policy's definition). */
export const VULNERABILITY_FACTORS = [
  'OLDER_FRAIL',
  'LEARNING_DISABILITY',
  'PHYSICAL_OR_SENSORY_DISABILITY',
  'MENTAL_HEALTH',
  'LONG_TERM_ILLNESS',
  'SUBSTANCE_MISUSE',
  'CARER',
  'MAY_LACK_CAPACITY',
] as const;
export type VulnerabilityFactor = (typeof VULNERABILITY_FACTORS)[number];

/** How one person is related to another. Each is stored with its inverse (`INVERSE_RELATIONSHIP`). */
export const RELATIONSHIP_TYPES = [
  'PARENT',
  'CHILD',
  'PARTNER',
  'EX_PARTNER',
  'CARER',
  'CARED_FOR',
  'SIBLING',
  'OTHER',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** A is B's PARENT ⇔ B is A's CHILD; partners, ex-partners, siblings and "other" are symmetric. */
export const INVERSE_RELATIONSHIP: { readonly [K in RelationshipType]: RelationshipType } = {
  PARENT: 'CHILD',
  CHILD: 'PARENT',
  PARTNER: 'PARTNER',
  EX_PARTNER: 'EX_PARTNER',
  CARER: 'CARED_FOR',
  CARED_FOR: 'CARER',
  SIBLING: 'SIBLING',
  OTHER: 'OTHER',
};

/** How a person is involved in a concern: someone it is about, or an alleged source of harm. */
export const CONCERN_PERSON_ROLES = ['SUBJECT', 'ALLEGED_SOURCE'] as const;
export type ConcernPersonRole = (typeof CONCERN_PERSON_ROLES)[number];

/** Safeguarding Adults Collection: where the risk was. */
export const LOCATIONS_OF_RISK = [
  'OWN_HOME',
  'COMMUNITY',
  'COMMUNITY_SERVICE',
  'CARE_HOME_NURSING',
  'CARE_HOME_RESIDENTIAL',
  'HOSPITAL_ACUTE',
  'HOSPITAL_MENTAL_HEALTH',
  'HOSPITAL_COMMUNITY',
  'OTHER',
] as const;
export type LocationOfRisk = (typeof LOCATIONS_OF_RISK)[number];

/** Safeguarding Adults Collection: who the risk came from. */
export const SOURCES_OF_RISK = ['SERVICE_PROVIDER', 'KNOWN_TO_INDIVIDUAL', 'UNKNOWN_TO_INDIVIDUAL'] as const;
export type SourceOfRisk = (typeof SOURCES_OF_RISK)[number];

/** What a safeguarding lead decides when triaging a concern. */
export const TRIAGE_DECISIONS = ['NO_FURTHER_ACTION', 'MONITOR_LOW_LEVEL', 'REFER', 'OPEN_CASE'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Warnings (alerts) on a person or household, seen by staff before a visit. */
export const WARNING_TYPES = [
  'RISK_TO_STAFF',
  'RISK_TO_CHILDREN',
  'RISK_TO_ADULTS',
  'ADULT_AT_RISK',
  'DISCLOSURE_RISK',
  'MARAC_CASE',
  'PROTECTION_ORDER',
] as const;
export type WarningType = (typeof WARNING_TYPES)[number];

/** Whether the person the warning is about was told about it. */
export const WARNING_TOLD = ['TOLD', 'NOT_TOLD'] as const;
export type WarningTold = (typeof WARNING_TOLD)[number];

/** PENDING_SIGN_OFF until a manager signs it off; ENDED when it no longer applies. */
export const WARNING_STATUSES = ['PENDING_SIGN_OFF', 'ACTIVE', 'ENDED'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/**
 * What a chronology entry records. Other modules (referrals, cases, contacts) add their kinds here
 * and a migration that widens the column's check.
 */
export const CHRONOLOGY_KINDS = [
  'CONCERN_RAISED',
  'CONCERN_TRIAGED',
  'RISK_LEVEL_CHANGED',
  'CONCERN_CLOSED',
  'CUMULATIVE_FLAG_RAISED',
  'CUMULATIVE_FLAG_REVIEWED',
  'WARNING_ADDED',
  'WARNING_CHANGED',
  'WARNING_SIGNED_OFF',
  'WARNING_ENDED',
  'MEMBER_JOINED',
  'MEMBER_LEFT',
  'PERSON_MERGED',
  'REFERRAL_SENT',
  'FEEDBACK_LINK_SENT',
  'REFERRAL_ACKNOWLEDGED',
  'REFERRAL_ACCEPTED',
  'REFERRAL_DECLINED',
  'REFERRAL_CLOSED',
  'REFERRAL_WITHDRAWN',
  'DASH_CHECKLIST_RECORDED',
  'DASH_CHECKLIST_CHANGED',
  'CAPACITY_ASSESSMENT_RECORDED',
  'CAPACITY_ASSESSMENT_CHANGED',
  'CASE_OPENED',
  'CASE_CONCERN_ATTACHED',
  'CASE_ACTION_ADDED',
  'CASE_ACTION_CHANGED',
  'CASE_NOTE_ADDED',
  'CASE_REVIEW_RECORDED',
  'CASE_REVIEW_SIGNED_OFF',
  'CASE_CLOSED',
  'CASE_REOPENED',
  'CASE_PERSON_ADDED',
  'CASE_PERSON_REMOVED',
  'CASE_LEAD_WORKER_CHANGED',
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const EXPORT_FORMATS = ['CSV', 'JSON'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A cumulative-concern flag is about one person or one household. */
export const FLAG_SUBJECTS = ['PERSON', 'HOUSEHOLD'] as const;
export type FlagSubject = (typeof FLAG_SUBJECTS)[number];

export const FLAG_STATUSES = ['OPEN', 'REVIEWED'] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/**
 * Work for the safeguarding team: review a cumulative flag; chase a referral an agency has not
 * answered; a case's plan action past its due date; a case whose review is overdue (the last two
 * for the case's lead worker).
 */
export const TASK_KINDS = [
  'TRIAGE_CUMULATIVE_FLAG',
  'REFERRAL_OVERDUE',
  'CASE_ACTION_OVERDUE',
  'CASE_REVIEW_OVERDUE',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['OPEN', 'DONE'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * The lawful basis for sharing a concern with a partner agency: the person's consent, or sharing
 * without consent for one of these recorded reasons.
 */
export const LEGAL_BASES = [
  'CONSENT',
  'RISK_TO_CHILD',
  'RISK_TO_ADULT',
  'VITAL_INTERESTS',
  'PREVENTION_OF_CRIME',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Where a referral is: SENT → ACKNOWLEDGED → ACCEPTED or DECLINED → CLOSED (the agency's moves);
 * WITHDRAWN by the sender from any open state. DECLINED, CLOSED and WITHDRAWN are final.
 */
export const REFERRAL_STATUSES = [
  'SENT',
  'ACKNOWLEDGED',
  'ACCEPTED',
  'DECLINED',
  'CLOSED',
  'WITHDRAWN',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * What the agency did with a referral it closes: the usual ends of social care, police, MASH,
 * MARAC and domestic abuse work; OTHER with a description.
 */
export const REFERRAL_OUTCOMES = [
  'ASSESSMENT_COMPLETED',
  'SERVICES_PROVIDED',
  'SIGNPOSTED',
  'NO_FURTHER_ACTION',
  'REFERRED_ON',
  'STRATEGY_MEETING_HELD',
  'SECTION_42_ENQUIRY',
  'CHILD_PROTECTION_ENQUIRY',
  'MARAC_CASE_HEARD',
  'POLICE_INVESTIGATION',
  'SAFETY_PLAN_AGREED',
  'OTHER',
] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** A case is open until it is closed with its outcome; a closed case may be reopened, with a reason. */
export const CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What kind of work a case note records. */
export const CASE_NOTE_TYPES = [
  'CONTACT',
  'HOME_VISIT',
  'CALL',
  'MULTI_AGENCY_MEETING',
  'SUPERVISION',
] as const;
export type CaseNoteType = (typeof CASE_NOTE_TYPES)[number];

/** An action of a case's plan: to do, done, or no longer needed. */
export const CASE_ACTION_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export type CaseActionStatus = (typeof CASE_ACTION_STATUSES)[number];

/** A case review waits for a manager's sign-off (management oversight). */
export const CASE_REVIEW_STATUSES = ['AWAITING_SIGN_OFF', 'SIGNED_OFF'] as const;
export type CaseReviewStatus = (typeof CASE_REVIEW_STATUSES)[number];

/** Making Safeguarding Personal: were the person's desired outcomes achieved? */
export const OUTCOMES_ACHIEVED = ['FULLY', 'PARTIALLY', 'NOT_ACHIEVED'] as const;
export type OutcomesAchieved = (typeof OUTCOMES_ACHIEVED)[number];

/** Making Safeguarding Personal: the risk at closure, against when the case was opened. */
export const RISK_OUTCOMES = ['REMOVED', 'REDUCED', 'REMAINS'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];
