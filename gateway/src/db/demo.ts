import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addMonths,
  INVERSE_RELATIONSHIP,
  isoDateOf,
  type HouseholdRole,
  type RaiseConcernInput,
  type RelationshipType,
  type Role,
  type Tenure,
  type VulnerabilityFactor,
  type WarningInput,
  type YouSaidWeDidInput,
} from '@doorstep/schema';
import { sqlOf } from '../common/sql.js';
import type { Caller } from '../context.js';
import { raiseConcern } from '../modules/concern/concern.service.js';
import { Household, HouseholdAssignment, HouseholdMember } from '../modules/household/household.entity.js';
import { joinHousehold } from '../modules/household/household.service.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Team } from '../modules/organisation/team.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import { Person, PersonRelationship } from '../modules/person/person.entity.js';
import { publishYouSaidWeDid } from '../modules/feedback/you-said-we-did.service.js';
import { addWarning, signOffWarning } from '../modules/warning/warning.service.js';

/**
 * A small synthetic demo set: fictional organisations and staff, never real people. The ids are
 * fixed so the example portal, `pnpm demo-token` and the docs can name them.
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

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Riverside's teams, and who is in each (reports count concerns by the reporter's team). */
export const DEMO_TEAMS: { id: string; organisationId: string; name: string; members: string[] }[] = [
  { id: id(151), organisationId: RIVERSIDE, name: 'Safeguarding', members: [id(101), id(106)] },
  { id: id(152), organisationId: RIVERSIDE, name: 'Housing management', members: [id(102), id(104)] },
  { id: id(153), organisationId: RIVERSIDE, name: 'Repairs and gas servicing', members: [id(103)] },
];

/** Fictional households of the demo organisations. Fixed ids, so the portal and docs can name them. */
export const DEMO_HOUSEHOLDS: {
  id: string;
  organisationId: string;
  tenancyReference: string;
  addressLine1: string;
  town: string;
  postcode: string;
  localAuthorityArea: string;
  tenure: Tenure;
}[] = [
  {
    id: id(401),
    organisationId: RIVERSIDE,
    tenancyReference: 'RH-100234',
    addressLine1: '4 Alder Court',
    town: 'Riverside',
    postcode: 'RV1 4AC',
    localAuthorityArea: 'Northshire Council',
    tenure: 'SOCIAL_RENT',
  },
  {
    id: id(402),
    organisationId: RIVERSIDE,
    tenancyReference: 'RH-100871',
    addressLine1: '12 Birch Road',
    town: 'Riverside',
    postcode: 'RV2 7BR',
    localAuthorityArea: 'Northshire Council',
    tenure: 'SOCIAL_RENT',
  },
  {
    id: id(403),
    organisationId: RIVERSIDE,
    tenancyReference: 'RH-101562',
    addressLine1: '7 Cedar Walk',
    town: 'Riverside',
    postcode: 'RV3 2CW',
    localAuthorityArea: 'Northshire Council',
    tenure: 'AFFORDABLE_RENT',
  },
  {
    id: id(404),
    organisationId: RIVERSIDE,
    tenancyReference: 'RH-102003',
    addressLine1: '21 Elm Row',
    town: 'Riverside',
    postcode: 'RV4 9ER',
    localAuthorityArea: 'Northshire Council',
    tenure: 'TEMPORARY_ACCOMMODATION',
  },
  {
    id: id(451),
    organisationId: HILLCREST,
    tenancyReference: 'HH-2001',
    addressLine1: '3 Quarry Lane',
    town: 'Hillcrest',
    postcode: 'HC1 3QL',
    localAuthorityArea: 'Southvale Council',
    tenure: 'SOCIAL_RENT',
  },
];

interface DemoPerson {
  id: string;
  organisationId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  vulnerabilityFactors?: VulnerabilityFactor[];
  preferredLanguage?: string;
  household?: { id: string; role: HouseholdRole; joinedOn: string };
}

/** Fictional people. Mason and Lily Price are children: that is derived from their dates of birth. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    id: id(501),
    organisationId: RIVERSIDE,
    givenName: 'Walter',
    familyName: 'Briggs',
    dateOfBirth: '1942-06-11',
    vulnerabilityFactors: ['OLDER_FRAIL', 'MAY_LACK_CAPACITY'],
    household: { id: id(401), role: 'LEAD_TENANT', joinedOn: '1998-04-01' },
  },
  {
    id: id(502),
    organisationId: RIVERSIDE,
    givenName: 'Edith',
    familyName: 'Marsh',
    dateOfBirth: '1943-02-19',
    vulnerabilityFactors: ['OLDER_FRAIL'],
    household: { id: id(402), role: 'LEAD_TENANT', joinedOn: '2004-09-13' },
  },
  {
    id: id(503),
    organisationId: RIVERSIDE,
    givenName: 'Darren',
    familyName: 'Marsh',
    dateOfBirth: '1989-08-03',
    household: { id: id(402), role: 'OCCUPANT', joinedOn: '2026-06-01' },
  },
  {
    id: id(504),
    organisationId: RIVERSIDE,
    givenName: 'Kelly',
    familyName: 'Price',
    dateOfBirth: '1995-04-14',
    household: { id: id(403), role: 'LEAD_TENANT', joinedOn: '2019-02-01' },
  },
  {
    id: id(505),
    organisationId: RIVERSIDE,
    givenName: 'Mason',
    familyName: 'Price',
    dateOfBirth: '2018-09-02',
    household: { id: id(403), role: 'OCCUPANT', joinedOn: '2019-02-01' },
  },
  {
    id: id(506),
    organisationId: RIVERSIDE,
    givenName: 'Lily',
    familyName: 'Price',
    dateOfBirth: '2021-01-27',
    household: { id: id(403), role: 'OCCUPANT', joinedOn: '2021-01-27' },
  },
  {
    id: id(507),
    organisationId: RIVERSIDE,
    givenName: 'Ryan',
    familyName: 'Cole',
    dateOfBirth: '1992-11-30',
  },
  {
    id: id(508),
    organisationId: RIVERSIDE,
    givenName: 'Sophie',
    familyName: 'Hart',
    dateOfBirth: '1999-07-08',
    preferredLanguage: 'English',
    household: { id: id(404), role: 'LEAD_TENANT', joinedOn: '2026-08-15' },
  },
  {
    id: id(551),
    organisationId: HILLCREST,
    givenName: 'Aled',
    familyName: 'Rhys',
    dateOfBirth: '1958-05-21',
    preferredLanguage: 'Welsh',
    household: { id: id(451), role: 'LEAD_TENANT', joinedOn: '2010-01-04' },
  },
];

/** `related` is `type` to `person` (stored with the inverse). */
const DEMO_RELATIONSHIPS: { person: string; related: string; type: RelationshipType; note?: string }[] = [
  { person: id(502), related: id(503), type: 'OTHER', note: 'Nephew' },
  { person: id(504), related: id(505), type: 'CHILD' },
  { person: id(504), related: id(506), type: 'CHILD' },
  { person: id(505), related: id(506), type: 'SIBLING' },
  { person: id(504), related: id(507), type: 'EX_PARTNER' },
];

/**
 * Who works with which household: Tom's patch, Jo's patch (a housing officer who is also the team's
 * safeguarding champion, so she sees its concerns), Gareth's gas safety check.
 */
const DEMO_ASSIGNMENTS = [
  { user: '00000000-0000-4000-8000-000000000102', household: id(402), reason: 'HOUSING_OFFICER_PATCH' },
  { user: '00000000-0000-4000-8000-000000000102', household: id(403), reason: 'HOUSING_OFFICER_PATCH' },
  { user: '00000000-0000-4000-8000-000000000106', household: id(401), reason: 'HOUSING_OFFICER_PATCH' },
  { user: '00000000-0000-4000-8000-000000000106', household: id(402), reason: 'HOUSING_OFFICER_PATCH' },
  { user: '00000000-0000-4000-8000-000000000103', household: id(401), reason: 'GAS_SAFETY_CHECK' },
] as const;

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
      householdId: id(401),
      subjectIds: [id(501)],
      locationOfRisk: 'OWN_HOME',
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
      householdId: id(402),
      subjectIds: [id(502)],
      allegedSourceIds: [id(503)],
      locationOfRisk: 'OWN_HOME',
      sourceOfRisk: 'KNOWN_TO_INDIVIDUAL',
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
      householdId: id(403),
      subjectIds: [id(505), id(506)],
      namedPeople: [
        {
          name: 'Older boy, about 14, first name Jayden',
          role: 'SUBJECT',
          description: 'Was with them. Said he is their cousin and stays most weeks. Not on the tenancy.',
        },
      ],
    },
  },
];

/**
 * Adds the demo set on first start (when the demo organisation is missing). Safe on every start.
 * All of it is one transaction: the services' own transactions become savepoints inside it, so a
 * start that dies part-way leaves no demo rows and the next start seeds again. Starts that seed at
 * the same moment take turns (a transaction-scoped advisory lock): one seeds, the others see it.
 * Runs as the gateway's own login, not in a request scope: no role or organisation is set.
 */
export async function seedDemo(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    await sqlOf(tx)(`select pg_advisory_xact_lock(hashtext('doorstep.demo.seed'))`);
    if ((await tx.count(Organisation, { id: DEMO_ORGANISATIONS[0].id })) > 0) return false;
    for (const org of DEMO_ORGANISATIONS) {
      tx.create(Organisation, { agencyType: null, ...org });
    }
    for (const team of DEMO_TEAMS) {
      tx.create(Team, {
        id: team.id,
        organisation: tx.getReference(Organisation, team.organisationId),
        name: team.name,
      });
    }
    for (const user of DEMO_USERS) {
      const team = DEMO_TEAMS.find((t) => t.members.includes(user.id));
      tx.create(User, {
        id: user.id,
        organisation: tx.getReference(Organisation, user.organisationId),
        team: team ? tx.getReference(Team, [team.organisationId, team.id]) : null,
        name: user.name,
        email: user.email,
        roles: user.roles,
      });
    }
    await tx.flush();
    await seedDemoRecords(tx);
    for (const [index, concern] of DEMO_CONCERNS.entries()) {
      await raiseConcern(tx, demoCaller(concern.raisedBy), `demo-seed-concern-${index + 1}`, concern.input);
    }
    await seedDemoWarnings(tx);
    for (const answer of DEMO_YOU_SAID_WE_DID) {
      await publishYouSaidWeDid(tx, demoCaller(PRIYA), answer);
    }
    return true;
  });
}

/** Riverside's published "you said, we did" answers, so the example portal has some to show. */
const DEMO_YOU_SAID_WE_DID: YouSaidWeDidInput[] = [
  {
    youSaid:
      'You said that after you told us about a worry, nobody told you what happened next, and you did not know who to ask.',
    weDid:
      'Every concern now has a named safeguarding officer, who calls or writes to you within five working days to say what we are doing, if it is safe to do so.',
    principle: 'ACCOUNTABILITY',
  },
  {
    youSaid: 'You said our leaflet about abuse was hard to read and was only in English.',
    weDid:
      'We rewrote it in plain English with tenants from our scrutiny panel, and it is now in Welsh too, on our website and in every housing office.',
    principle: 'PREVENTION',
  },
];

const demoCaller = (userId: string): Caller => {
  const user = DEMO_USERS.find((u) => u.id === userId)!;
  return {
    identity: { kind: 'staff', userId: user.id, organisationId: user.organisationId, roles: user.roles },
    requestId: 'demo-seed',
  };
};
const PRIYA = '00000000-0000-4000-8000-000000000101';
const ANA = '00000000-0000-4000-8000-000000000104';

/** Households, people, memberships (with their chronology), relationships and assignments. */
async function seedDemoRecords(tx: EntityManager): Promise<void> {
  const org = (organisationId: string) => tx.getReference(Organisation, organisationId);
  const households = new Map(
    DEMO_HOUSEHOLDS.map((h) => [h.id, tx.create(Household, { ...h, organisation: org(h.organisationId) })]),
  );
  const people = new Map(
    DEMO_PEOPLE.map(({ household: _household, ...p }) => [
      p.id,
      tx.create(Person, { ...p, organisation: org(p.organisationId) }),
    ]),
  );
  await tx.flush();
  for (const p of DEMO_PEOPLE) {
    if (!p.household) continue;
    const household = households.get(p.household.id)!;
    if (p.organisationId === RIVERSIDE) {
      // Through the service, so the chronology shows them joining.
      await joinHousehold(
        tx,
        demoCaller(PRIYA),
        household,
        people.get(p.id)!,
        p.household.role,
        p.household.joinedOn,
      );
    } else {
      // Hillcrest's demo holds records but no activity (no audit rows, no chronology).
      tx.create(HouseholdMember, {
        organisation: org(p.organisationId),
        household,
        person: people.get(p.id)!,
        role: p.household.role,
        joinedOn: p.household.joinedOn,
      });
    }
  }
  for (const [index, r] of DEMO_RELATIONSHIPS.entries()) {
    const pairId = id(600 + index);
    for (const [from, to, type] of [
      [r.person, r.related, r.type],
      [r.related, r.person, INVERSE_RELATIONSHIP[r.type]],
    ] as const) {
      tx.create(PersonRelationship, {
        organisation: org(RIVERSIDE),
        person: people.get(from)!,
        relatedPerson: people.get(to)!,
        type,
        pairId,
        note: r.note ?? null,
      });
    }
  }
  // Sophie Hart has just fled domestic abuse: restricted by Priya, so only she (and anyone she grants) sees her.
  Object.assign(people.get(id(508))!, {
    restricted: true,
    restrictedReason: 'Fled domestic abuse; new address must not become known',
    restrictedBy: tx.getReference(User, PRIYA),
    restrictedAt: new Date(),
  });
  const from = addMonths(isoDateOf(), -3);
  for (const a of DEMO_ASSIGNMENTS) {
    tx.create(HouseholdAssignment, {
      organisation: org(RIVERSIDE),
      user: tx.getReference(User, a.user),
      household: households.get(a.household)!,
      fromDate: from,
      reason: a.reason,
      createdBy: tx.getReference(User, PRIYA),
    });
  }
  await tx.flush();
}

/** Warnings on the demo households: added by Priya, most signed off by Ana. */
async function seedDemoWarnings(em: EntityManager): Promise<void> {
  const review = addMonths(isoDateOf(), 6);
  const warnings: { input: WarningInput; signOff: boolean }[] = [
    {
      input: {
        householdId: id(402),
        type: 'DISCLOSURE_RISK',
        description:
          'Speak to Mrs Marsh on her own. Do not discuss her money or this warning in front of her nephew.',
        reviewDate: review,
        told: {
          status: 'NOT_TOLD',
          whyNot: 'She could not be spoken to alone; telling her with the nephew there would raise the risk.',
        },
      },
      signOff: true,
    },
    {
      input: {
        householdId: id(403),
        type: 'RISK_TO_STAFF',
        description:
          'A former partner may call and has been aggressive to staff. Visit in pairs and in daylight; leave if he arrives.',
        reviewDate: review,
        told: { status: 'TOLD', how: 'Explained to Ms Price by phone by the housing officer.' },
      },
      signOff: true,
    },
    {
      input: {
        personId: id(501),
        type: 'ADULT_AT_RISK',
        description: 'May be confused about the date and who you are. Show your ID card and speak slowly.',
        reviewDate: review,
        told: { status: 'TOLD', how: 'Talked through with Mr Briggs at home.' },
      },
      signOff: false,
    },
  ];
  for (const [index, w] of warnings.entries()) {
    const warning = await addWarning(em, demoCaller(PRIYA), `demo-seed-warning-${index + 1}`, w.input);
    if (w.signOff) await signOffWarning(em, demoCaller(ANA), warning.id);
  }
}
