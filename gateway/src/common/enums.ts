import { registerEnumType } from 'type-graphql';
import {
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
