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
