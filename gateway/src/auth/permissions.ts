import type { Actor, Identity } from './identity.js';

/**
 * The one place that says who may do what. Every query, mutation, object type and field of the
 * API names one of these with `@Access(Permission.X)` (see `access.ts`); the gateway will not start
 * if any field has none (deny by default), and `test/access-matrix.test.ts` checks each rule for
 * every actor against the access model written out independently in `test/access-spec.ts`.
 *
 * A rule is who may (`actors`: staff roles, TENANT, PUBLIC) and, for records, a relationship the
 * record must have to the caller (`relation`), checked on every field read. Which records a caller
 * can reach at all (their organisation's, the households they work with, referrals sent to their
 * agency) is decided by the services' queries, backed by PostgreSQL row-level security.
 */
export const Permission = {
  /** Raise a concern as staff or a contractor. The reply is only the reference. */
  ConcernRaise: 'concern:raise',
  /** Raise a concern through the public form (public token) or a tenant site (tenant token). */
  ConcernRaisePublic: 'concern:raise-public',
  /** A tenant reads the concerns they sent, as they sent them. */
  ConcernOwn: 'concern:own',
  /** Read concerns of one's own organisation, in full. */
  ConcernRead: 'concern:read',
  /** A receipt or page wrapper: readable by whoever was allowed the field that returned it. */
  Envelope: 'envelope',
  /** Read the audit trail of one's own organisation. */
  AuditRead: 'audit:read',
  /** Triage and close concerns of one's own organisation; review cumulative-concern flags. */
  ConcernTriage: 'concern:triage',
  /**
   * People, households, their members and relationships, the chronology, search, triage tasks:
   * the organisation's safeguarding leads and champions. Restricted people need a grant besides.
   */
  RecordRead: 'record:read',
  /** Create and change people, households, memberships and relationships; pin chronology entries. */
  RecordWrite: 'record:write',
  /** Restrict a person, merge two records, manage who works with which household, set the rule. */
  RecordAdminister: 'record:administer',
  /** Warnings in full (who they are on, whether the person was told, sign-off): leads and managers. */
  WarningRead: 'warning:read',
  /** Add, review, change and end warnings. */
  WarningWrite: 'warning:write',
  /**
   * Domestic abuse risk (DASH checklists) and mental capacity assessments on the organisation's
   * concerns: its safeguarding leads and champions, nobody else. A MARAC sees a checklist only as
   * a referral shared it.
   */
  RiskRead: 'risk:read',
  /** Record and correct DASH checklists and capacity assessments; refer a checklist to a MARAC. */
  RiskWrite: 'risk:write',
  /** A manager's sign-off of a warning. */
  WarningSignOff: 'warning:sign-off',
  /**
   * What a visitor needs before a visit: the warnings (type, how to stay safe, review date) of a
   * household they work with, and who lives there. The services decide which households.
   */
  HouseholdVisit: 'household:visit',
  /** Read one's own notifications. */
  NotificationRead: 'notification:read',
  /** Take emergency access to a record one would not otherwise see, with a reason. Reported. */
  BreakGlass: 'access:break-glass',
  /** Give or withdraw a member of staff's access to a restricted record. */
  GrantAccess: 'access:grant',
  /** Read an access grant: leads read all of their organisation's, anyone their own. */
  GrantRead: 'access:grant-read',
  /** Refer a concern to a partner agency, sharing a copy under a legal basis. */
  ReferralSend: 'referral:send',
  /** A referral and what it shared: the sending organisation's leads, and the receiving agency. */
  ReferralRead: 'referral:read',
  /** The parts of a referral only its sender sees (which of their concerns it came from). */
  ReferralSender: 'referral:sender',
  /** An agency officer's list of referrals sent to their agency. */
  ReferralReceive: 'referral:receive',
  /** How long each agency type has to respond to the organisation's referrals. */
  ResponsePolicyRead: 'referral:response-policy-read',
  /** Change how long an agency type has to respond: safeguarding leads and managers. */
  ResponsePolicyWrite: 'referral:response-policy-write',
  /** An agency officer moves a referral sent to their agency (acknowledge, accept, decline, close). */
  ReferralRespond: 'referral:respond',
  /** Write on an open referral's message thread: the sender's leads and champions, the agency's officers. */
  ReferralMessage: 'referral:message',
  /**
   * The organisation's webhook endpoints (add, list, rotate their secrets, remove) and their
   * delivery log: its administrators, who manage its settings.
   */
  WebhookAdminister: 'webhook:administer',
  /** Names and roles of fellow staff (who broke glass, who was granted). */
  StaffRead: 'staff:read',
  /**
   * The organisation's safeguarding self-assessment checklist, its history and comparisons
   * (organisational, not about any person): leads, champions and managers.
   */
  SelfAssessmentRead: 'self-assessment:read',
  /** Answer a question of the self-assessment checklist: leads and managers. */
  SelfAssessmentAnswer: 'self-assessment:answer',
  /** Give feedback (tenant voice), and check a one-time feedback link: the public and tenants. */
  FeedbackGive: 'feedback:give',
  /** Enter feedback a tenant gave by phone, on paper or in person: staff who deal with tenants. */
  FeedbackRecord: 'feedback:record',
  /** Make a one-time feedback link for a closed concern. */
  FeedbackLink: 'feedback:link',
  /** The organisation's feedback (named feedback is personal data) and its figures. */
  FeedbackRead: 'feedback:read',
  /** Publish and withdraw "you said, we did" answers. */
  FeedbackRespond: 'feedback:respond',
  /**
   * Cases, their plan, notes and reviews, and the review frequency: safeguarding leads and champions
   * (who work them) and managers (who sign reviews off). Restricted people's cases need a grant.
   */
  CaseRead: 'case:read',
  /** Open cases, change their plan, write notes, record reviews, close and reopen: leads and champions. */
  CaseWrite: 'case:write',
  /** A manager's sign-off of a case review (management oversight). */
  CaseSignOff: 'case:sign-off',
  /** Set how often the organisation's cases are reviewed: safeguarding leads and managers. */
  CasePolicyWrite: 'case:policy-write',
  /**
   * The organisation's reports (figures by month, category, age, source, triage time, outcomes):
   * its managers and safeguarding leads. Counts only, never a person; exports are audited.
   */
  ReportRead: 'report:read',
  /** Published "you said, we did" answers: everyone who can reach the organisation. */
  YouSaidWeDidRead: 'feedback:you-said-we-did',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export type Relation = (identity: Identity, record: unknown) => boolean;

export interface Rule {
  actors: readonly Actor[];
  relation?: Relation;
}

/** The organisation a record belongs to: its `organisation` relation or `organisationId` column. */
export function organisationOf(record: unknown): string | undefined {
  const r = record as { organisation?: { id?: string }; organisationId?: string } | null | undefined;
  return r?.organisation?.id ?? r?.organisationId;
}

/** The record is the caller's organisation's. */
export const sameOrganisation: Relation = (identity, record) =>
  organisationOf(record) === identity.organisationId;

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
/** Staff who may need a record in an emergency: not contractors, auditors, admins or agencies. */
const BREAK_GLASS: readonly Actor[] = ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'];

const isStaff = (identity: Identity, userId: string | undefined) =>
  identity.kind === 'staff' && userId !== undefined && identity.userId === userId;
const idOf = (value: unknown) => (value as { id?: string } | null | undefined)?.id;

/** The caller's own notification. */
const ownNotification: Relation = (identity, record) =>
  sameOrganisation(identity, record) &&
  isStaff(identity, idOf((record as { recipient?: unknown }).recipient));

/** A lead reads every grant of their organisation; anyone else only grants to themselves. */
const leadOrGrantee: Relation = (identity, record) =>
  sameOrganisation(identity, record) &&
  ((identity.kind === 'staff' && identity.roles.includes('SAFEGUARDING_LEAD')) ||
    isStaff(identity, idOf((record as { user?: unknown }).user)));

const holdsRole = (identity: Identity, roles: readonly Actor[]) =>
  identity.kind === 'staff' && identity.roles.some((r) => roles.includes(r));
const recipientOf = (record: unknown) =>
  (record as { recipientOrganisation?: { id?: string } }).recipientOrganisation?.id;

/**
 * The sending organisation's safeguarding leads and champions, or the receiving agency's officers:
 * the one path along which records cross from one organisation to another.
 */
const senderOrRecipient: Relation = (identity, record) =>
  (sameOrganisation(identity, record) && holdsRole(identity, SAFEGUARDING)) ||
  (recipientOf(record) === identity.organisationId && holdsRole(identity, ['AGENCY_OFFICER']));

/** A concern the signed-in tenant sent themselves. */
const ownSubmission: Relation = (identity, record) =>
  identity.kind === 'tenant' &&
  sameOrganisation(identity, record) &&
  (record as { reporterTenantRef?: string }).reporterTenantRef === identity.tenantRef;

const RAISERS: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
  'ADMIN',
];
/** Safeguarding leads and champions: they triage and manage concerns. */
const SAFEGUARDING: readonly Actor[] = ['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION'];

/** Who may see a household's warnings before a visit (frontline and contractors: only households they work with). */
const VISITORS: readonly Actor[] = [
  'CONTRACTOR',
  'FRONTLINE',
  'SAFEGUARDING_CHAMPION',
  'SAFEGUARDING_LEAD',
  'MANAGER',
];

export const rules: Record<Exclude<Permission, 'envelope'>, Rule> = {
  'concern:raise': { actors: RAISERS },
  'concern:raise-public': { actors: ['PUBLIC', 'TENANT'] },
  'concern:own': { actors: ['TENANT'], relation: ownSubmission },
  'concern:read': { actors: SAFEGUARDING, relation: sameOrganisation },
  'audit:read': { actors: ['AUDITOR'], relation: sameOrganisation },
  'concern:triage': { actors: SAFEGUARDING, relation: sameOrganisation },
  'record:read': { actors: SAFEGUARDING, relation: sameOrganisation },
  'record:write': { actors: SAFEGUARDING, relation: sameOrganisation },
  'record:administer': { actors: ['SAFEGUARDING_LEAD'], relation: sameOrganisation },
  'warning:read': { actors: [...SAFEGUARDING, 'MANAGER'], relation: sameOrganisation },
  'warning:write': { actors: SAFEGUARDING, relation: sameOrganisation },
  'warning:sign-off': { actors: ['MANAGER'], relation: sameOrganisation },
  'risk:read': { actors: SAFEGUARDING, relation: sameOrganisation },
  'risk:write': { actors: SAFEGUARDING, relation: sameOrganisation },
  'household:visit': { actors: VISITORS, relation: sameOrganisation },
  'notification:read': { actors: ALL_STAFF, relation: ownNotification },
  'access:break-glass': { actors: BREAK_GLASS },
  'access:grant': { actors: ['SAFEGUARDING_LEAD'] },
  'access:grant-read': { actors: BREAK_GLASS, relation: leadOrGrantee },
  'referral:send': { actors: SAFEGUARDING },
  'referral:read': { actors: [...SAFEGUARDING, 'AGENCY_OFFICER'], relation: senderOrRecipient },
  'referral:sender': { actors: SAFEGUARDING, relation: sameOrganisation },
  'referral:receive': { actors: ['AGENCY_OFFICER'] },
  'referral:response-policy-read': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'], relation: sameOrganisation },
  'referral:response-policy-write': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'] },
  'referral:respond': { actors: ['AGENCY_OFFICER'] },
  'referral:message': { actors: [...SAFEGUARDING, 'AGENCY_OFFICER'] },
  'webhook:administer': { actors: ['ADMIN'], relation: sameOrganisation },
  'staff:read': { actors: [...BREAK_GLASS, 'ADMIN'], relation: sameOrganisation },
  'self-assessment:read': { actors: [...SAFEGUARDING, 'MANAGER'], relation: sameOrganisation },
  'self-assessment:answer': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'] },
  'feedback:give': { actors: ['PUBLIC', 'TENANT'] },
  'feedback:record': { actors: ['FRONTLINE', 'SAFEGUARDING_CHAMPION', 'SAFEGUARDING_LEAD', 'MANAGER'] },
  'feedback:link': { actors: SAFEGUARDING },
  'feedback:read': { actors: [...SAFEGUARDING, 'MANAGER'], relation: sameOrganisation },
  'feedback:respond': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'], relation: sameOrganisation },
  'case:read': { actors: [...SAFEGUARDING, 'MANAGER'], relation: sameOrganisation },
  'case:write': { actors: SAFEGUARDING, relation: sameOrganisation },
  'case:sign-off': { actors: ['MANAGER'], relation: sameOrganisation },
  'case:policy-write': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'] },
  'report:read': { actors: ['SAFEGUARDING_LEAD', 'MANAGER'], relation: sameOrganisation },
  'feedback:you-said-we-did': { actors: [...ALL_STAFF, 'TENANT', 'PUBLIC'], relation: sameOrganisation },
};
