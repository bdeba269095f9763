import type { EntityManager } from '@mikro-orm/postgresql';
import type { RaiseConcernInput, Role } from '@doorstep/schema';
import { raiseConcern } from '../modules/concern/concern.service.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { User } from '../modules/organisation/user.entity.js';

/**
 * A small synthetic demo set: fictional organisations and staff, never real people. The ids are
 * fixed so the example portal, `pnpm token` and the docs can name them.
 */
export const DEMO_ORGANISATIONS = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Riverside Homes', kind: 'HOUSING_PROVIDER' },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Hillcrest Housing Trust', kind: 'HOUSING_PROVIDER' },
  {
    id: '00000000-0000-4000-8000-000000000003',
    name: 'Northshire Adult Social Care',
    kind: 'AGENCY',
    agencyType: 'ADULT_SOCIAL_CARE',
  },
] as const;

export interface DemoUser {
  id: string;
  organisationId: string;
  name: string;
  email: string;
  roles: Role[];
}

const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;

export const DEMO_USERS: DemoUser[] = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    organisationId: RIVERSIDE,
    name: 'Priya Shah (safeguarding lead)',
    email: 'priya.shah@riverside.example',
    roles: ['SAFEGUARDING_LEAD'],
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    organisationId: RIVERSIDE,
    name: 'Tom Evans (housing officer)',
    email: 'tom.evans@riverside.example',
    roles: ['FRONTLINE'],
  },
  {
    id: '00000000-0000-4000-8000-000000000103',
    organisationId: RIVERSIDE,
    name: 'Gareth Jones (gas engineer, contractor)',
    email: 'gareth.jones@heatsafe.example',
    roles: ['CONTRACTOR'],
  },
  {
    id: '00000000-0000-4000-8000-000000000104',
    organisationId: RIVERSIDE,
    name: 'Ana Costa (housing manager)',
    email: 'ana.costa@riverside.example',
    roles: ['MANAGER'],
  },
  {
    id: '00000000-0000-4000-8000-000000000105',
    organisationId: RIVERSIDE,
    name: 'Sam Okafor (auditor)',
    email: 'sam.okafor@riverside.example',
    roles: ['AUDITOR'],
  },
  {
    id: '00000000-0000-4000-8000-000000000106',
    organisationId: RIVERSIDE,
    name: 'Jo Williams (safeguarding champion)',
    email: 'jo.williams@riverside.example',
    roles: ['SAFEGUARDING_CHAMPION', 'FRONTLINE'],
  },
  {
    id: '00000000-0000-4000-8000-000000000107',
    organisationId: RIVERSIDE,
    name: 'Chris Taylor (system administrator)',
    email: 'chris.taylor@riverside.example',
    roles: ['ADMIN'],
  },
  {
    id: '00000000-0000-4000-8000-000000000201',
    organisationId: HILLCREST,
    name: 'Morgan Lee (safeguarding lead)',
    email: 'morgan.lee@hillcrest.example',
    roles: ['SAFEGUARDING_LEAD'],
  },
  {
    id: '00000000-0000-4000-8000-000000000301',
    organisationId: NORTHSHIRE,
    name: 'Dee Patel (social worker)',
    email: 'dee.patel@northshire.example',
    roles: ['AGENCY_OFFICER'],
  },
];

/** Synthetic concerns, so a lead signing in to the demo sees a list. Fictional people and places. */
const DEMO_CONCERNS: { raisedBy: string; input: RaiseConcernInput }[] = [
  {
    raisedBy: '00000000-0000-4000-8000-000000000103',
    input: {
      urgency: 'URGENT',
      categories: ['SELF_NEGLECT'],
      subjectDescription: 'Older man living alone, flat 4',
      location: '4 Alder Court, Riverside',
      whatHappened:
        'No heating on, very little food in the kitchen, post piled up behind the door. He seemed confused about the date.',
      personViews: {
        status: 'ASKED_EXPRESSED',
        views: 'He wants to stay at home but would like help with shopping.',
      },
      consent: { status: 'GIVEN' },
      mentalCapacityConcern: true,
      childrenPresent: 'NO',
    },
  },
  {
    raisedBy: '00000000-0000-4000-8000-000000000102',
    input: {
      urgency: 'ROUTINE',
      categories: ['FINANCIAL', 'PSYCHOLOGICAL'],
      primaryCategory: 'FINANCIAL',
      subjectDescription: 'Tenant of 12 Birch Road, in her eighties',
      location: '12 Birch Road, Riverside',
      whatHappened:
        'A nephew who has moved in answers every question for her and has her bank card. Rent is now in arrears for the first time in 20 years.',
      personViews: { status: 'NOT_ASKED', notAskedReason: 'The nephew would not leave the room.' },
      consent: { status: 'NOT_SOUGHT', reason: 'Could not speak to her alone.' },
      childrenPresent: 'NO',
    },
  },
  {
    raisedBy: '00000000-0000-4000-8000-000000000102',
    input: {
      urgency: 'LOW_LEVEL',
      categories: ['CHILD_NEGLECT'],
      subjectDescription: 'Two young children at 7 Cedar Walk',
      location: '7 Cedar Walk, Riverside',
      whatHappened: 'Children seen outside without coats at 9pm on a school night, third time this month.',
      personViews: { status: 'ASKED_NONE_EXPRESSED' },
      consent: { status: 'REFUSED', reason: 'Parent said it is nobody else’s business.' },
      childrenPresent: 'YES',
    },
  },
];

/** Adds the demo set on first start (when the demo organisation is missing). Safe on every start. */
export async function seedDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(Organisation, { id: DEMO_ORGANISATIONS[0].id })) > 0) return false;
  await em.transactional(async (tx) => {
    for (const org of DEMO_ORGANISATIONS) {
      tx.create(Organisation, { agencyType: null, ...org });
    }
    for (const user of DEMO_USERS) {
      tx.create(User, {
        id: user.id,
        organisation: tx.getReference(Organisation, user.organisationId),
        name: user.name,
        email: user.email,
        roles: user.roles,
      });
    }
  });
  for (const [index, concern] of DEMO_CONCERNS.entries()) {
    const user = DEMO_USERS.find((u) => u.id === concern.raisedBy)!;
    await raiseConcern(
      em,
      {
        identity: { kind: 'staff', userId: user.id, organisationId: user.organisationId, roles: user.roles },
        requestId: 'demo-seed',
      },
      `demo-seed-concern-${index + 1}`,
      concern.input,
    );
  }
  return true;
}
