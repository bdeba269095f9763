import { commonCy } from './common.js';
import { warningTypesCy } from './warning-types.js';
import type { HouseholdViewTranslation } from './translation.js';

/** Welsh words of `<sg-household-view>`. */
export const householdViewCy: HouseholdViewTranslation = {
  ...commonCy,
  householdView: {
    label: 'Aelwyd',
    loading: 'Wrthi’n llwytho’r aelwyd…',
    tenancy: (reference) => `Tenantiaeth ${reference}`,
    warnings: {
      heading: 'Rhybuddion',
      none: 'Does dim rhybuddion ar gyfer yr aelwyd hon.',
      types: warningTypesCy,
      about: (name) => `Am ${name}`,
      household: 'Am yr aelwyd gyfan',
      reviewBy: (date) => `Adolygu erbyn ${date}`,
      notSignedOff: 'Newydd: heb ei wirio gan reolwr eto',
    },
    visit: {
      intro:
        'Dyma beth sydd ei angen arnoch ar gyfer eich ymweliad: pwy sy’n byw yma a sut i gadw’n ddiogel.',
    },
    people: {
      heading: 'Pwy sy’n byw yma',
      none: 'Does neb wedi’i gofnodi fel rhywun sy’n byw yma.',
      roles: {
        LEAD_TENANT: 'Prif denant',
        JOINT_TENANT: 'Cyd-denant',
        OCCUPANT: 'Yn byw yma',
        LODGER: 'Lletywr',
      },
      age: (age) => (age === null ? 'Oedran ddim yn hysbys' : `Oedran ${age}`),
      child: 'Plentyn',
      relationshipsLabel: (name) => `Sut mae ${name} yn perthyn i eraill`,
      relationships: {
        PARENT: 'Rhiant',
        CHILD: 'Plentyn',
        PARTNER: 'Partner',
        EX_PARTNER: 'Cyn-bartner',
        CARER: 'Gofalwr',
        CARED_FOR: 'Yn gofalu am',
        SIBLING: 'Brawd neu chwaer',
        OTHER: 'Arall',
      },
      raiseConcern: 'Codi pryder',
      raiseConcernAbout: (name) => ` am ${name}`,
    },
    counts: {
      heading: 'Ar agor i’r aelwyd',
      concerns: {
        zero: '{n} pryder ar agor',
        one: '{n} pryder ar agor',
        two: '{n} bryder ar agor',
        few: '{n} phryder ar agor',
        many: '{n} pryder ar agor',
        other: '{n} pryder ar agor',
      },
      referrals: {
        zero: '{n} atgyfeiriad ar agor',
        one: '{n} atgyfeiriad ar agor',
        two: '{n} atgyfeiriad ar agor',
        few: '{n} atgyfeiriad ar agor',
        many: '{n} atgyfeiriad ar agor',
        other: '{n} atgyfeiriad ar agor',
      },
      // "achos" (case) begins with a vowel: no number mutates it.
      cases: {
        zero: '{n} achos ar agor',
        one: '{n} achos ar agor',
        two: '{n} achos ar agor',
        few: '{n} achos ar agor',
        many: '{n} achos ar agor',
        other: '{n} achos ar agor',
      },
      about: (name) => ` am ${name}`,
      household: ' am yr aelwyd',
    },
    failed: {
      title: 'Doedd dim modd llwytho’r aelwyd',
      byCode: {
        NETWORK_ERROR: 'Does dim cysylltiad. Gwiriwch ef, yna rhowch gynnig arall arni.',
        UNAUTHENTICATED: 'Mae angen i chi fewngofnodi eto.',
        NOT_FOUND:
          'Doedden ni ddim yn gallu dod o hyd i’r aelwyd hon, neu dydych chi ddim yn gweithio gyda hi.',
        FORBIDDEN: 'Dydy eich cyfrif ddim yn gallu gweld yr aelwyd hon. Gofynnwch i’ch arweinydd diogelu.',
      },
      other: 'Aeth rhywbeth o’i le. Rhowch gynnig arall arni.',
      retry: 'Rhowch gynnig arall arni',
    },
  },
};
