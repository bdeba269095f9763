import { randomUUID } from 'node:crypto';
import { londonDateOf, REPORTING_GROUP_OF, type ConcernCategory } from '@doorstep/schema';
import { signSessionToken } from '../src/auth/tokens.js';
import { random } from '../src/db/synthetic.js';
import { DEMO_ORGANISATIONS, type DemoUser } from '../src/db/demo.js';
import { user, type testGateway } from './harness.js';
import { createHousehold, createPerson, lead, newStaff, ok, otherAgencyOfficer, raise } from './records.js';

/**
 * Data for the report tests, made through the API where the API can make it (concerns, people,
 * households, referrals) and moved in time with SQL where it cannot (a concern's `raised_at` is
 * always "now" through the API). Exported for every report's test, and for the benchmark's.
 */
type Gateway = Awaited<ReturnType<typeof testGateway>>;

export const RIVERSIDE = DEMO_ORGANISATIONS[0].id;

const TRIAGE = `mutation($id: ID!, $input: TriageInput!) { triageConcern(id: $id, input: $input) { id } }`;

export const REPORT = `query($period: ReportPeriod!) { report(period: $period) {
  period { from to localAuthorityArea teamId teamName shared suppressedBelow }
  concernsByMonth { month raised openConcernsAtEnd openCasesAtEnd }
  concernsByCategory { group count }
  concernsByAge { adults children notKnown }
  concernsBySource { source count }
  timeToTriage { triaged awaitingTriage medianWorkingHours percentile90WorkingHours }
  cumulativeFlags { raised aboutPeople aboutHouseholds reviewed }
  makingSafeguardingPersonal { concerns wishesAsked wishesAskedPercent closedCases outcomesAsked
    outcomesAskedPercent fullyAchieved partiallyAchieved notAchieved riskRemoved riskReduced riskRemains }
} }`;

/** A team of Riverside's, made as `pnpm admin team:add` makes one. */
export async function addTeam(gw: Gateway, name: string, organisationId = RIVERSIDE): Promise<string> {
  const id = randomUUID();
  await gw.sql(`insert into team (organisation_id, id, name, created_at) values ($1, $2, $3, now())`, [
    organisationId,
    id,
    name,
  ]);
  return id;
}

/** Puts a member of staff in a team (or none), as `pnpm admin user:team` does. */
export async function moveToTeam(gw: Gateway, who: DemoUser, teamId: string | null) {
  await gw.sql(`update app_user set team_id = $2 where id = $1`, [who.id, teamId]);
}

/** Moves a concern in time (the API raises concerns "now"). */
export async function setRaisedAt(gw: Gateway, concernId: string, raisedAt: string) {
  await gw.sql(`update concern set raised_at = $2 where id = $1`, [concernId, raisedAt]);
}

/**
 * Stockport Homes' 2020/21 safeguarding figures (Annual Safeguarding Report, §3): 152 concerns by
 * main area of concern (Table 1), 114 about adults and 38 about children, and referrals to the
 * police (39), the mental health crisis team (23), adult social care (48) and children's social
 * care (38).
 */
export const STOCKPORT = {
  from: '2020-04-01',
  to: '2021-03-31',
  table1: {
    DISCRIMINATORY: 1,
    DOMESTIC: 19,
    EMOTIONAL_PSYCHOLOGICAL: 10,
    FINANCIAL: 13,
    INSTITUTIONAL_ORGANISATIONAL: 1,
    MENTAL_HEALTH: 1,
    NEGLECT: 52,
    PHYSICAL: 49,
    SELF_HARM: 1,
    SELF_NEGLECT: 1,
    SEXUAL: 4,
  },
  adults: 114,
  children: 38,
  referrals: {
    POLICE: 39,
    MENTAL_HEALTH_CRISIS: 23,
    ADULT_SOCIAL_CARE: 48,
    CHILDRENS_SOCIAL_CARE: 38,
  },
} as const;

/** The categories the Stockport concerns are raised under, one per Table 1 row. */
const STOCKPORT_CATEGORY: Record<keyof typeof STOCKPORT.table1, ConcernCategory> = {
  DISCRIMINATORY: 'DISCRIMINATORY',
  DOMESTIC: 'DOMESTIC_ABUSE',
  EMOTIONAL_PSYCHOLOGICAL: 'PSYCHOLOGICAL',
  FINANCIAL: 'FINANCIAL',
  INSTITUTIONAL_ORGANISATIONAL: 'ORGANISATIONAL',
  MENTAL_HEALTH: 'MENTAL_HEALTH_CRISIS',
  NEGLECT: 'NEGLECT',
  PHYSICAL: 'PHYSICAL',
  SELF_HARM: 'SELF_HARM',
  SELF_NEGLECT: 'SELF_NEGLECT',
  SEXUAL: 'SEXUAL',
};
/** Children's concerns use the children's category where there is one (it folds into the same group). */
const CHILD_CATEGORY: Partial<Record<ConcernCategory, ConcernCategory>> = {
  NEGLECT: 'CHILD_NEGLECT',
  PHYSICAL: 'CHILD_PHYSICAL',
  PSYCHOLOGICAL: 'CHILD_EMOTIONAL',
  SEXUAL: 'CHILD_SEXUAL',
};

/** A partner agency of the type, with no one in it: somewhere to refer to. */
export async function addAgency(gw: Gateway, agencyType: string): Promise<string> {
  const id = randomUUID();
  await gw.sql(
    `insert into organisation (id, name, kind, agency_type, allowed_origins, created_at)
          values ($1, $2, 'AGENCY', $3, '{}', now())`,
    [id, `Stockport ${agencyType}`, agencyType],
  );
  return id;
}

/**
 * Loads Stockport's 2020/21 year into a housing provider through the API, as its safeguarding lead
 * (`as`): 152 concerns, the first 38 about a child, spread over the year's days (raised on the day
 * they happened), each under one Table 1 row, and 148 referrals to the four agencies. Answers the
 * concerns' ids and the agencies' organisation ids.
 */
export async function loadStockport(gw: Gateway, as: DemoUser = lead) {
  const adult = await createPerson(gw, { dateOfBirth: '1960-05-01' }, undefined, as);
  const child = await createPerson(gw, { dateOfBirth: '2012-09-01' }, undefined, as);
  const rows = Object.entries(STOCKPORT.table1).flatMap(([group, n]) =>
    Array.from({ length: n }, () => STOCKPORT_CATEGORY[group as keyof typeof STOCKPORT.table1]),
  );
  // The children's concerns: the neglect, physical, emotional and sexual ones first (38 of them).
  const order = [...rows].sort((a, b) => Number(b in CHILD_CATEGORY) - Number(a in CHILD_CATEGORY));
  const concernIds: string[] = [];
  const start = Date.parse(`${STOCKPORT.from}T12:00:00Z`);
  for (const [i, category] of order.entries()) {
    const isChild = i < STOCKPORT.children;
    const raised = new Date(start + Math.floor((i * 364) / order.length) * 86_400_000).toISOString();
    const primary = isChild ? (CHILD_CATEGORY[category] ?? category) : category;
    const { id } = await raise(
      gw,
      {
        categories: [primary],
        happenedAt: raised,
        subjectIds: [isChild ? child.person.id : adult.person.id],
      },
      as,
    );
    await setRaisedAt(gw, id, raised);
    concernIds.push(id);
  }
  const agencies: Record<string, string> = {};
  let next = 0;
  for (const [agencyType, n] of Object.entries(STOCKPORT.referrals)) {
    agencies[agencyType] = await addAgency(gw, agencyType);
    for (let k = 0; k < n; k++) {
      await ok(
        gw,
        `mutation R($input: ReferConcernInput!) { referConcern(input: $input) { id } }`,
        {
          input: {
            concernId: concernIds[next++ % concernIds.length],
            recipientOrganisationId: agencies[agencyType],
            reason: 'Needs support from the agency.',
            legalBasis: 'CONSENT',
            summary: 'Concern shared with consent.',
          },
        },
        as,
      );
    }
  }
  return { concernIds, agencies };
}

/** The UK day of a moment (YYYY-MM-DD): the tests' own reckoning, from Intl, not the gateway's. */
export const ukDay = (at: Date | string) => londonDateOf(new Date(at));

/** The reporting group of a category, or NOT_RECORDED. */
export const groupOf = (category: string | null) =>
  category ? REPORTING_GROUP_OF[category as ConcernCategory] : 'NOT_RECORDED';

/** The months (YYYY-MM) from one day's to another's. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** The last day of a month (YYYY-MM), or `to` if sooner. */
export function lastDayOf(month: string, to: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < to ? last : to;
}

export interface World {
  teams: { north: string; repairs: string };
  areas: { north: string; south: string };
  households: { north: string; south: string };
  /** Each case's planned open periods, as [opened, closed or null]: the tests' own record of history. */
  casePeriods: Map<string, [string, string | null][]>;
}

/**
 * A year and a half of Riverside's concerns and cases (2024 to mid 2025) with the edges reports
 * get wrong: raised and closed at UK midnight at the ends of months in GMT and in BST (and a
 * second either side), concerns raised before a period and still open in it, children turning 18
 * on the day, a leap-day birthday, concerns with no category, several subjects, named people with
 * a date of birth, two areas, two teams and a reporter who changes team, and cases closed and
 * reopened. `n` random concerns besides.
 */
export async function makeWorld(gw: Gateway, n = 60, seed = 15): Promise<World> {
  const rng = random(seed);
  const tom = user('tom');
  const gareth = user('gareth');
  const teams = { north: await addTeam(gw, 'North patch'), repairs: await addTeam(gw, 'Repairs') };
  await moveToTeam(gw, tom, teams.north);
  await moveToTeam(gw, gareth, teams.repairs);
  const areas = { north: 'Northshire Council', south: 'Southvale Council' };
  const households = {
    north: (await createHousehold(gw, { localAuthorityArea: areas.north })).id,
    south: (await createHousehold(gw, { localAuthorityArea: areas.south })).id,
  };
  const person = async (dateOfBirth?: string) =>
    (await createPerson(gw, dateOfBirth ? { dateOfBirth } : {})).person.id;
  const people = {
    adult: await person('1980-01-15'),
    child: await person('2015-06-01'),
    eighteenOn20240610: await person('2006-06-10'),
    leapling: await person('2008-02-29'),
    noBirthDate: await person(),
    corrected: await person('1990-04-04'),
  };
  const categories = [...Object.keys(REPORTING_GROUP_OF)] as ConcernCategory[];

  interface Spec {
    raisedAt: string;
    happenedAt?: string;
    closedAt?: string;
    by?: DemoUser;
    household?: 'north' | 'south';
    subjectIds?: string[];
    namedPeople?: { name: string; role: string; dateOfBirth?: string }[];
    categories?: ConcernCategory[];
    reporterKind?: 'TENANT' | 'PUBLIC' | 'ANONYMOUS_PUBLIC';
    views?: 'NOT_ASKED' | 'ASKED_NONE_EXPRESSED';
    /** Triaged (now, through the API), after being raised at `raisedAt`. */
    triage?: boolean;
  }
  const specs: Spec[] = [
    // Month ends at UK midnight: BST starts 31 March 2024 01:00 UTC, ends 27 October 2024.
    { raisedAt: '2024-03-31T22:59:59Z', household: 'north' }, // 31 March 23:59:59 BST: March
    { raisedAt: '2024-03-31T23:00:00Z', household: 'north' }, // 1 April 00:00 BST: April
    { raisedAt: '2024-10-31T23:59:59Z', by: tom }, // GMT: still October
    { raisedAt: '2024-11-30T23:59:59Z', by: gareth }, // GMT: November
    { raisedAt: '2024-12-01T00:00:00Z', by: gareth }, // December
    { raisedAt: '2024-06-30T23:00:00Z', closedAt: '2024-07-31T23:00:00Z' }, // closed at 1 August 00:00 BST
    { raisedAt: '2024-05-01T10:00:00Z', closedAt: '2024-08-31T22:59:59Z' }, // closed a second before September
    // Raised long before, open through the periods asked for.
    { raisedAt: '2023-11-20T10:00:00Z', household: 'south' },
    { raisedAt: '2023-12-31T23:59:59Z', closedAt: '2024-02-29T12:00:00Z' },
    // Turning 18 on 10 June 2024: the day before (child), the day itself (adult).
    { raisedAt: '2024-06-09T09:00:00Z', subjectIds: [people.eighteenOn20240610] },
    { raisedAt: '2024-06-10T09:00:00Z', subjectIds: [people.eighteenOn20240610] },
    // Happened while a child, raised once 18: the date of the concern is when it happened.
    {
      raisedAt: '2024-06-12T09:00:00Z',
      happenedAt: '2024-06-01T20:00:00Z',
      subjectIds: [people.eighteenOn20240610],
    },
    // 29 February 2008: 18 on 1 March 2026 (not 28 February).
    { raisedAt: '2026-02-28T12:00:00Z', subjectIds: [people.leapling] },
    // An adult and a child together: a concern about a child.
    { raisedAt: '2024-09-02T09:00:00Z', subjectIds: [people.adult, people.child], household: 'north' },
    // No date of birth; a named child not on record; nobody at all.
    { raisedAt: '2024-09-03T09:00:00Z', subjectIds: [people.noBirthDate] },
    {
      raisedAt: '2024-09-04T09:00:00Z',
      subjectIds: [people.noBirthDate],
      namedPeople: [{ name: 'Ellie', role: 'SUBJECT', dateOfBirth: '2019-03-03' }],
    },
    { raisedAt: '2024-09-05T09:00:00Z', categories: [] },
    { raisedAt: '2024-09-06T09:00:00Z', reporterKind: 'TENANT', views: 'NOT_ASKED' },
    { raisedAt: '2024-09-07T09:00:00Z', reporterKind: 'ANONYMOUS_PUBLIC', categories: [] },
    { raisedAt: '2024-09-08T09:00:00Z', reporterKind: 'PUBLIC' },
    // About someone whose date of birth is corrected afterwards (1990 to 2011): a child's.
    { raisedAt: '2024-09-09T09:00:00Z', subjectIds: [people.corrected] },
  ];
  const subjectChoices = [
    [people.adult],
    [people.child],
    [people.noBirthDate],
    [],
    [people.adult, people.child],
  ];
  for (let i = 0; i < n; i++) {
    const raised =
      Date.parse('2024-01-01T00:00:00Z') + rng.int(0, 539) * 86_400_000 + rng.int(0, 86_399) * 1000;
    const closed =
      rng.next() < 0.5 ? raised + rng.int(0, 199) * 86_400_000 + rng.int(0, 86_399) * 1000 : undefined;
    specs.push({
      raisedAt: new Date(raised).toISOString(),
      closedAt: closed ? new Date(closed).toISOString() : undefined,
      by: rng.pick([lead, tom, gareth]),
      household: rng.pick([undefined, 'north', 'south'] as const),
      subjectIds: rng.pick(subjectChoices),
      categories: rng.next() < 0.1 ? [] : [rng.pick(categories)],
      reporterKind: rng.pick([undefined, undefined, 'TENANT', 'PUBLIC', 'ANONYMOUS_PUBLIC'] as const),
      views: rng.pick([undefined, undefined, 'NOT_ASKED', 'ASKED_NONE_EXPRESSED'] as const),
      triage: rng.next() < 0.5,
    });
  }
  // Raised lately, over a weekend or a few working days: short times to triage.
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    specs.push({ raisedAt: new Date(now - rng.int(0, 10 * 86_400 - 1) * 1000).toISOString(), triage: true });
  }
  // Tom raises one for North patch, then moves to Repairs and raises another: each keeps its team.
  const before = await raise(gw, { categories: ['NEGLECT'] }, tom);
  await setRaisedAt(gw, before.id, '2024-04-15T09:00:00Z');
  await moveToTeam(gw, tom, teams.repairs);
  const after = await raise(gw, { categories: ['NEGLECT'] }, tom);
  await setRaisedAt(gw, after.id, '2024-04-16T09:00:00Z');
  await moveToTeam(gw, tom, teams.north);

  for (const spec of specs) {
    // Frontline staff and contractors link only households and people they work with: the links
    // of their concerns are made here as the service would make them.
    const by = spec.by ?? lead;
    const { id } = await raise(
      gw,
      {
        categories: spec.categories ?? ['PHYSICAL'],
        ...(spec.happenedAt && { happenedAt: spec.happenedAt }),
        ...(by === lead && spec.subjectIds?.length && { subjectIds: spec.subjectIds }),
        ...(spec.namedPeople && { namedPeople: spec.namedPeople }),
        ...(spec.views === 'NOT_ASKED' && {
          personViews: { status: 'NOT_ASKED', notAskedReason: 'They were not there' },
        }),
        ...(spec.views === 'ASKED_NONE_EXPRESSED' && { personViews: { status: 'ASKED_NONE_EXPRESSED' } }),
      },
      by,
    );
    if (by !== lead) {
      for (const [ordinal, personId] of (spec.subjectIds ?? []).entries()) {
        await gw.sql(
          `insert into concern_person (organisation_id, id, concern_id, person_id, role, ordinal)
                values ($1, $2, $3, $4, 'SUBJECT', $5)`,
          [RIVERSIDE, randomUUID(), id, personId, ordinal],
        );
      }
    }
    if (spec.triage) {
      await setRaisedAt(gw, id, spec.raisedAt);
      await ok(gw, TRIAGE, {
        id,
        input: { decision: 'NO_FURTHER_ACTION', riskLevel: 'LOW', reason: 'Advice given.' },
      });
    }
    await gw.sql(
      `update concern set raised_at = $2, closed_at = $3,
              status = case when $3::timestamptz is null then status else 'CLOSED' end,
              reporter_kind = coalesce($4, reporter_kind), household_id = $5
        where id = $1`,
      [
        id,
        spec.raisedAt,
        spec.closedAt ?? null,
        spec.reporterKind ?? null,
        spec.household ? households[spec.household] : null,
      ],
    );
  }

  await gw.sql(`update person set date_of_birth = '2011-04-04' where id = $1`, [people.corrected]);

  // Cases, with their history planned here and played through the case row as the service would.
  const casePeriods = new Map<string, [string, string | null][]>();
  const plans: { household?: 'north' | 'south'; periods: [string, string | null][] }[] = [
    { household: 'north', periods: [['2024-01-10T10:00:00Z', '2024-03-31T23:00:00Z']] }, // closed at 1 April 00:00 BST
    { household: 'south', periods: [['2024-02-01T10:00:00Z', '2024-04-30T22:59:59Z']] },
    {
      periods: [
        ['2024-02-15T10:00:00Z', '2024-05-20T10:00:00Z'],
        ['2024-07-01T09:00:00Z', '2024-10-31T23:59:59Z'],
        ['2024-12-02T09:00:00Z', null],
      ],
    },
    { household: 'north', periods: [['2023-06-01T10:00:00Z', null]] },
    // Closed before the periods asked for, reopened and closed again before one starts.
    {
      periods: [
        ['2023-03-01T10:00:00Z', '2023-09-30T10:00:00Z'],
        ['2024-03-01T10:00:00Z', '2024-03-10T10:00:00Z'],
      ],
    },
  ];
  for (let i = 0; i < 12; i++) {
    const opened =
      Date.parse('2024-01-01T00:00:00Z') + rng.int(0, 499) * 86_400_000 + rng.int(0, 86_399) * 1000;
    const periods: [string, string | null][] = [];
    let at = opened;
    for (let k = 0; k < 1 + rng.int(0, 2); k++) {
      const closed = at + (1 + rng.int(0, 119)) * 86_400_000;
      const last = rng.next() < 0.3;
      periods.push([new Date(at).toISOString(), last ? null : new Date(closed).toISOString()]);
      if (last) break;
      at = closed + (1 + rng.int(0, 59)) * 86_400_000;
    }
    plans.push({ household: rng.pick([undefined, 'north', 'south'] as const), periods });
  }
  const concernIds = (
    await gw.sql<{ id: string }>(
      `select id from concern where organisation_id = $1 order by raised_at limit 20`,
      [RIVERSIDE],
    )
  ).map((r) => r.id);
  for (const [i, plan] of plans.entries()) {
    const id = randomUUID();
    const [[opened]] = plan.periods as [[string, string | null]];
    await gw.sql(
      `insert into safeguarding_case (organisation_id, id, status, household_id, lead_worker_id, opened_by_id,
              opened_at, review_every_weeks, next_review_due, desired_outcomes_status)
       values ($1, $2, 'OPEN', $3, $4, $4, $5, 4, $5::timestamptz + interval '4 weeks', 'ASKED_EXPRESSED')`,
      [RIVERSIDE, id, plan.household ? households[plan.household] : null, lead.id, opened],
    );
    // Each case is about one of the concerns (reports by team follow the concern's team).
    await gw.sql(
      `insert into case_concern (organisation_id, id, case_id, concern_id, attached_at) values ($1, $2, $3, $4, $5)`,
      [RIVERSIDE, randomUUID(), id, concernIds[i % concernIds.length], opened],
    );
    for (const [k, [from, to]] of plan.periods.entries()) {
      if (k > 0) {
        await gw.sql(`update safeguarding_case set status = 'OPEN', reopened_at = $2 where id = $1`, [
          id,
          from,
        ]);
      }
      if (to) {
        await gw.sql(`update safeguarding_case set status = 'CLOSED', closed_at = $2 where id = $1`, [
          id,
          to,
        ]);
      }
    }
    if (plan.periods.at(-1)![1]) {
      await gw.sql(
        `update safeguarding_case set outcomes_asked = $2, outcomes_achieved = $3, risk_outcome = $4 where id = $1`,
        [
          id,
          rng.next() < 0.7,
          rng.pick(['FULLY', 'PARTIALLY', 'NOT_ACHIEVED', null]),
          rng.pick(['REMOVED', 'REDUCED', 'REMAINS']),
        ],
      );
    }
    casePeriods.set(id, plan.periods);
  }

  // Cumulative-concern flags over the same time, each adding up two or three of the concerns.
  const all = (
    await gw.sql<{ id: string }>(`select id from concern where organisation_id = $1 order by id`, [RIVERSIDE])
  ).map((r) => r.id);
  for (let i = 0; i < 16; i++) {
    const flag = randomUUID();
    const raised =
      Date.parse('2024-01-01T00:00:00Z') + rng.int(0, 539) * 86_400_000 + rng.int(0, 86_399) * 1000;
    const reviewed = rng.next() < 0.5 ? raised + rng.int(0, 89) * 86_400_000 : null;
    await gw.sql(
      `insert into cumulative_flag (id, organisation_id, subject_type, status, threshold, window_months, raised_at, reviewed_at)
       values ($1, $2, $3, $4, 3, 12, $5, $6)`,
      [
        flag,
        RIVERSIDE,
        rng.pick(['PERSON', 'HOUSEHOLD']),
        reviewed ? 'REVIEWED' : 'OPEN',
        new Date(raised).toISOString(),
        reviewed ? new Date(reviewed).toISOString() : null,
      ],
    );
    for (const concernId of new Set([rng.pick(all), rng.pick(all), rng.pick(all)])) {
      await gw.sql(
        `insert into cumulative_flag_concern (organisation_id, id, flag_id, concern_id) values ($1, $2, $3, $4)`,
        [RIVERSIDE, randomUUID(), flag, concernId],
      );
    }
  }
  return { teams, areas, households, casePeriods };
}

/** A token for a member of staff of another organisation, with the roles given. */
export async function otherOrganisationStaff(gw: Gateway, roles: string[]): Promise<{ token: string }> {
  const id = randomUUID();
  const hillcrest = DEMO_ORGANISATIONS[1].id;
  await gw.sql(
    `insert into app_user (id, organisation_id, name, email, roles, created_at)
          values ($1, $2, 'Hill Crest', $3, $4, now())`,
    [id, hillcrest, `${id}@hillcrest.example`, roles],
  );
  return {
    token: (await signSessionToken(gw.config.jwt, { userId: id, organisationId: hillcrest }, 600)).token,
  };
}

/** Everyone reports are not for: every other role, another organisation's agency officer, a tenant. */
export async function notReportReaders(gw: Gateway): Promise<{ token: string }[]> {
  const refused: { token: string }[] = [];
  for (const role of [
    'CONTRACTOR',
    'FRONTLINE',
    'SAFEGUARDING_CHAMPION',
    'AUDITOR',
    'ADMIN',
    'AGENCY_OFFICER',
  ]) {
    refused.push(await newStaff(gw, `${role.toLowerCase()}-${randomUUID()}@riverside.example`, [role]));
  }
  refused.push(await otherAgencyOfficer(gw));
  refused.push({ token: await gw.tenantToken('tenant-1') });
  return refused;
}
