import { commonEn } from './common.js';
import { warningTypesEn } from './warning-types.js';
import type { HouseholdViewTranslation } from './translation.js';

/** English words of `<sg-household-view>`: plain, short, for someone about to knock on a door. */
export const householdViewEn: HouseholdViewTranslation = {
  ...commonEn,
  householdView: {
    label: 'Household',
    loading: 'Loading the household…',
    tenancy: (reference) => `Tenancy ${reference}`,
    warnings: {
      heading: 'Warnings',
      none: 'There are no warnings for this household.',
      types: warningTypesEn,
      about: (name) => `About ${name}`,
      household: 'About the whole household',
      reviewBy: (date) => `Review by ${date}`,
      notSignedOff: 'New: not yet checked by a manager',
    },
    visit: {
      intro: 'This is what you need for your visit: who lives here and how to stay safe.',
    },
    people: {
      heading: 'Who lives here',
      none: 'Nobody is recorded as living here.',
      roles: {
        LEAD_TENANT: 'Lead tenant',
        JOINT_TENANT: 'Joint tenant',
        OCCUPANT: 'Lives here',
        LODGER: 'Lodger',
      },
      age: (age) => (age === null ? 'Age not known' : `Age ${age}`),
      child: 'Child',
      relationshipsLabel: (name) => `How ${name} is related to others`,
      relationships: {
        PARENT: 'Parent',
        CHILD: 'Child',
        PARTNER: 'Partner',
        EX_PARTNER: 'Former partner',
        CARER: 'Carer',
        CARED_FOR: 'Cares for',
        SIBLING: 'Brother or sister',
        OTHER: 'Other',
      },
      raiseConcern: 'Raise a concern',
      raiseConcernAbout: (name) => ` about ${name}`,
    },
    counts: {
      heading: 'Open for the household',
      concerns: { one: '{n} open concern', other: '{n} open concerns' },
      referrals: { one: '{n} open referral', other: '{n} open referrals' },
      cases: { one: '{n} open case', other: '{n} open cases' },
      about: (name) => ` about ${name}`,
      household: ' about the household',
    },
    failed: {
      title: 'The household could not be loaded',
      byCode: {
        NETWORK_ERROR: 'There is no connection. Check it, then try again.',
        UNAUTHENTICATED: 'You need to sign in again.',
        NOT_FOUND: 'We could not find this household, or you do not work with it.',
        FORBIDDEN: 'Your account cannot see this household. Ask your safeguarding lead.',
      },
      other: 'Something went wrong. Try again.',
      retry: 'Try again',
    },
  },
};
