import { registerEnumType } from 'type-graphql';
import {
  REPORTING_GROUPS,
  AGENCY_TYPES,
  CHILDREN_PRESENT,
  CONCERN_CATEGORIES,
  CONCERN_STATUSES,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  ORGANISATION_KINDS,
  REPORTER_KINDS,
  ROLES,
  SELF_CONSENT,
  VIEWS_STATUSES,
  ASSIGNMENT_REASONS,
  CHRONOLOGY_KINDS,
  EXPORT_FORMATS,
  FLAG_STATUSES,
  FLAG_SUBJECTS,
  HOUSEHOLD_ROLES,
  LOCATIONS_OF_RISK,
  RELATIONSHIP_TYPES,
  RISK_LEVELS,
  SOURCES_OF_RISK,
  TASK_KINDS,
  TASK_STATUSES,
  TENURES,
  TRIAGE_DECISIONS,
  VULNERABILITY_FACTORS,
  WARNING_STATUSES,
  WARNING_TOLD,
  WARNING_TYPES,
  CONCERN_PERSON_ROLES,
  LEGAL_BASES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  SELF_ASSESSMENT_STATUSES,
  FEEDBACK_CHANNELS,
  FEEDBACK_LINK_STATES,
  FEEDBACK_PRINCIPLES,
  DASH_ANSWERS,
  DASH_LEVELS,
  MARAC_CRITERIA,
  CASE_ACTION_STATUSES,
  CASE_NOTE_TYPES,
  CASE_REVIEW_STATUSES,
  CASE_STATUSES,
  OUTCOMES_ACHIEVED,
  RISK_OUTCOMES,
} from '@doorstep/schema';

/** type-graphql wants an enum-like object; the shared tuples are the source. */
function enumObject<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const RoleEnum = enumObject(ROLES);
export const OrganisationKindEnum = enumObject(ORGANISATION_KINDS);
export const AgencyTypeEnum = enumObject(AGENCY_TYPES);
export const ConcernUrgencyEnum = enumObject(CONCERN_URGENCIES);
export const ConcernCategoryEnum = enumObject(CONCERN_CATEGORIES);
export const ConcernStatusEnum = enumObject(CONCERN_STATUSES);
export const ReporterKindEnum = enumObject(REPORTER_KINDS);
export const ViewsStatusEnum = enumObject(VIEWS_STATUSES);
export const ConsentStatusEnum = enumObject(CONSENT_STATUSES);
export const ChildrenPresentEnum = enumObject(CHILDREN_PRESENT);
export const SelfConsentEnum = enumObject(SELF_CONSENT);

registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do' });
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });
registerEnumType(AgencyTypeEnum, { name: 'AgencyType', description: 'The kind of partner agency' });
registerEnumType(ConcernUrgencyEnum, {
  name: 'ConcernUrgency',
  description: 'How urgent a concern is. IMMEDIATE_DANGER: the reporter is told to call 999 first.',
});
registerEnumType(ConcernCategoryEnum, {
  name: 'ConcernCategory',
  description: 'Care Act / Safeguarding Adults Collection categories, the children’s list, and other harms',
});
registerEnumType(ConcernStatusEnum, { name: 'ConcernStatus' });
registerEnumType(ReporterKindEnum, { name: 'ReporterKind' });
registerEnumType(ViewsStatusEnum, {
  name: 'ViewsStatus',
  description: 'Making Safeguarding Personal: were the person’s own views asked for?',
});
registerEnumType(ConsentStatusEnum, { name: 'ConsentStatus', description: 'Consent to share information' });
registerEnumType(ChildrenPresentEnum, { name: 'ChildrenPresent' });
registerEnumType(SelfConsentEnum, {
  name: 'SelfConsent',
  description: 'Whether the person a concern is about agreed to it being shared to get them help',
});

export const TenureEnum = enumObject(TENURES);
export const HouseholdRoleEnum = enumObject(HOUSEHOLD_ROLES);
export const AssignmentReasonEnum = enumObject(ASSIGNMENT_REASONS);
export const VulnerabilityFactorEnum = enumObject(VULNERABILITY_FACTORS);
export const RelationshipTypeEnum = enumObject(RELATIONSHIP_TYPES);
export const LocationOfRiskEnum = enumObject(LOCATIONS_OF_RISK);
export const SourceOfRiskEnum = enumObject(SOURCES_OF_RISK);
export const TriageDecisionEnum = enumObject(TRIAGE_DECISIONS);
export const RiskLevelEnum = enumObject(RISK_LEVELS);
export const WarningTypeEnum = enumObject(WARNING_TYPES);
export const WarningToldEnum = enumObject(WARNING_TOLD);
export const WarningStatusEnum = enumObject(WARNING_STATUSES);
export const ChronologyKindEnum = enumObject(CHRONOLOGY_KINDS);
export const ExportFormatEnum = enumObject(EXPORT_FORMATS);
export const FlagSubjectEnum = enumObject(FLAG_SUBJECTS);
export const FlagStatusEnum = enumObject(FLAG_STATUSES);
export const TaskKindEnum = enumObject(TASK_KINDS);
export const TaskStatusEnum = enumObject(TASK_STATUSES);
export const ConcernPersonRoleEnum = enumObject(CONCERN_PERSON_ROLES);

registerEnumType(TenureEnum, { name: 'Tenure' });
registerEnumType(HouseholdRoleEnum, {
  name: 'HouseholdRole',
  description: 'A person’s place in a household',
});
registerEnumType(AssignmentReasonEnum, {
  name: 'AssignmentReason',
  description: 'Why a member of staff or a contractor works with a household',
});
registerEnumType(VulnerabilityFactorEnum, {
  name: 'VulnerabilityFactor',
  description: 'What may make an adult at risk (Care Act)',
});
registerEnumType(RelationshipTypeEnum, {
  name: 'RelationshipType',
  description: 'What one person is to another; stored with its inverse (PARENT ↔ CHILD, CARER ↔ CARED_FOR)',
});
registerEnumType(LocationOfRiskEnum, {
  name: 'LocationOfRisk',
  description: 'Safeguarding Adults Collection: where the risk was',
});
registerEnumType(SourceOfRiskEnum, {
  name: 'SourceOfRisk',
  description: 'Safeguarding Adults Collection: who the risk came from',
});
registerEnumType(TriageDecisionEnum, { name: 'TriageDecision' });
registerEnumType(RiskLevelEnum, { name: 'RiskLevel' });
registerEnumType(WarningTypeEnum, { name: 'WarningType' });
registerEnumType(WarningToldEnum, {
  name: 'WarningTold',
  description: 'Whether the person the warning is about was told about it',
});
registerEnumType(WarningStatusEnum, {
  name: 'WarningStatus',
  description: 'PENDING_SIGN_OFF until a manager signs it off; ENDED when it no longer applies',
});
registerEnumType(ChronologyKindEnum, { name: 'ChronologyKind' });
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });
registerEnumType(FlagSubjectEnum, { name: 'FlagSubject' });
registerEnumType(FlagStatusEnum, { name: 'FlagStatus' });
registerEnumType(TaskKindEnum, { name: 'TaskKind' });
registerEnumType(TaskStatusEnum, { name: 'TaskStatus' });
registerEnumType(ConcernPersonRoleEnum, {
  name: 'ConcernPersonRole',
  description: 'Someone a concern is about, or an alleged source of harm',
});

export const LegalBasisEnum = enumObject(LEGAL_BASES);
export const ReferralStatusEnum = enumObject(REFERRAL_STATUSES);
export const ReferralOutcomeEnum = enumObject(REFERRAL_OUTCOMES);
registerEnumType(LegalBasisEnum, {
  name: 'LegalBasis',
  description:
    'Why sharing is lawful: CONSENT (the person agreed), or without consent because of a risk to a child, ' +
    'a risk to an adult at risk, the person’s vital interests, or the prevention of crime',
});
registerEnumType(ReferralStatusEnum, {
  name: 'ReferralStatus',
  description:
    'SENT → ACKNOWLEDGED → ACCEPTED or DECLINED → CLOSED (the agency’s moves); WITHDRAWN by the sender while open',
});
registerEnumType(ReferralOutcomeEnum, {
  name: 'ReferralOutcome',
  description: 'What the agency did with a referral it closed (OTHER: in its words, in outcomeDetail)',
});

export const SelfAssessmentStatusEnum = enumObject(SELF_ASSESSMENT_STATUSES);
registerEnumType(SelfAssessmentStatusEnum, {
  name: 'SelfAssessmentStatus',
  description: 'An answer to a self-assessment question: yes, no, or in progress',
});
export const FeedbackPrincipleEnum = enumObject(FEEDBACK_PRINCIPLES);
export const FeedbackChannelEnum = enumObject(FEEDBACK_CHANNELS);
export const FeedbackLinkStateEnum = enumObject(FEEDBACK_LINK_STATES);
registerEnumType(FeedbackPrincipleEnum, {
  name: 'FeedbackPrinciple',
  description:
    'The six safeguarding principles, each asked as its “I statement” (Making Safeguarding Personal)',
  valuesConfig: {
    EMPOWERMENT: {
      description:
        'I am asked what I want as the outcomes from the safeguarding process and these directly inform what happens.',
    },
    PREVENTION: {
      description:
        'I receive clear and simple information about what abuse is, how to recognise the signs and what I can do to seek help.',
    },
    PROPORTIONALITY: {
      description:
        'I am sure that the professionals will work in my interest, as I see them and they will only get involved as much as needed.',
    },
    PROTECTION: {
      description:
        'I get help and support to report abuse and neglect. I get help so that I am able to take part in the safeguarding process to the extent to which I want.',
    },
    PARTNERSHIP: {
      description:
        'I know that staff treat any personal and sensitive information in confidence, only sharing what is helpful and necessary. I am confident that professionals will work together and with me to get the best result for me.',
    },
    ACCOUNTABILITY: {
      description: 'I understand the role of everyone involved in my life and so do they.',
    },
  },
});
registerEnumType(FeedbackChannelEnum, {
  name: 'FeedbackChannel',
  description: 'How the feedback reached the provider',
});
registerEnumType(FeedbackLinkStateEnum, {
  name: 'FeedbackLinkState',
  description:
    'Where a one-time feedback link stands. INVALID: not a link of this organisation (or not a link at all).',
});

export const DashAnswerEnum = enumObject(DASH_ANSWERS);
export const DashLevelEnum = enumObject(DASH_LEVELS);
export const MaracCriterionEnum = enumObject(MARAC_CRITERIA);
registerEnumType(DashAnswerEnum, { name: 'DashAnswer', description: 'An answer to a DASH question' });
registerEnumType(DashLevelEnum, {
  name: 'DashLevel',
  description: 'The risk the DASH yes answers show: STANDARD up to 9, MEDIUM 10 to 13, HIGH 14 or more',
});
registerEnumType(MaracCriterionEnum, {
  name: 'MaracCriterion',
  description:
    'Why a MARAC referral is suggested: VISIBLE_HIGH_RISK (14 or more yes answers), PROFESSIONAL_JUDGEMENT ' +
    '(with the reason), POTENTIAL_ESCALATION (3 or more incidents in the 12 months up to the assessment: the ' +
    'person’s domestic abuse concerns and the police callouts recorded, one a day), REPEAT (a MARAC referral ' +
    'in the 12 months up to the assessment)',
});

export const CaseStatusEnum = enumObject(CASE_STATUSES);
export const CaseNoteTypeEnum = enumObject(CASE_NOTE_TYPES);
export const CaseActionStatusEnum = enumObject(CASE_ACTION_STATUSES);
export const CaseReviewStatusEnum = enumObject(CASE_REVIEW_STATUSES);
export const OutcomesAchievedEnum = enumObject(OUTCOMES_ACHIEVED);
export const RiskOutcomeEnum = enumObject(RISK_OUTCOMES);

registerEnumType(CaseStatusEnum, { name: 'CaseStatus', description: 'OPEN until closed with its outcome' });
registerEnumType(CaseNoteTypeEnum, {
  name: 'CaseNoteType',
  description: 'What kind of work a case note records',
});
registerEnumType(CaseActionStatusEnum, {
  name: 'CaseActionStatus',
  description: 'An action of a case’s plan: to do, done, or no longer needed',
});
registerEnumType(CaseReviewStatusEnum, {
  name: 'CaseReviewStatus',
  description: 'A case review waits for a manager’s sign-off',
});
registerEnumType(OutcomesAchievedEnum, {
  name: 'OutcomesAchieved',
  description: 'Making Safeguarding Personal: were the person’s desired outcomes achieved?',
});
registerEnumType(RiskOutcomeEnum, {
  name: 'RiskOutcome',
  description: 'Making Safeguarding Personal: at closure, is the risk removed, reduced, or does it remain?',
});

export const ReportingGroupEnum = enumObject(REPORTING_GROUPS);
registerEnumType(ReportingGroupEnum, {
  name: 'ReportingGroup',
  description:
    'The group a concern is reported under: Stockport Homes’ Table 1 labels, then Doorstep’s other categories, then NOT_RECORDED (REPORTING_GROUP_OF in @doorstep/schema maps each category)',
});
