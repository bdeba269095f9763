import { INVERSE_RELATIONSHIP, isChildOn, type RelationshipType } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Synthetic households for development and load tests, as dense as real ones: realistic shapes
 * (single adults, couples, families, older people; about 3.5 members on average, related to each
 * other), fictional names and places, 2.5 concerns each in the proportions of Stockport Homes'
 * table 1 with the people they are about, a warning and a referral each, and the chronology the
 * services would have written for all of it. Never real people: surnames and streets are invented,
 * postcodes use areas that do not exist (RV, HC). Rows go in with multi-row INSERTs over `unnest`
 * (a dozen statements per batch of households), not the ORM row by row; the owner connection
 * bypasses row-level security. Contents are the same for the same seed (the ids are random).
 */

const GIVEN_ADULT = [
  'Aisha',
  'Alan',
  'Amira',
  'Andrew',
  'Angela',
  'Bethan',
  'Carl',
  'Carys',
  'Chloe',
  'Colin',
  'Darren',
  'Deborah',
  'Dylan',
  'Elaine',
  'Emma',
  'Fatima',
  'Gareth',
  'Gemma',
  'Graham',
  'Hannah',
  'Imran',
  'Jade',
  'Jason',
  'Joanne',
  'Karen',
  'Kevin',
  'Leanne',
  'Lee',
  'Lisa',
  'Marcus',
  'Maria',
  'Mark',
  'Michelle',
  'Nadia',
  'Neil',
  'Nicola',
  'Owen',
  'Paul',
  'Priti',
  'Rachel',
  'Rhys',
  'Samina',
  'Sarah',
  'Sean',
  'Sharon',
  'Simon',
  'Stacey',
  'Tariq',
  'Tracey',
  'Wayne',
  'Yusuf',
  'Zoe',
];
const GIVEN_OLDER = [
  'Albert',
  'Brenda',
  'Dorothy',
  'Edna',
  'Ernest',
  'Gladys',
  'Harold',
  'Irene',
  'Joan',
  'Kenneth',
  'Margaret',
  'Maureen',
  'Norman',
  'Phyllis',
  'Ronald',
  'Sheila',
  'Stanley',
  'Vera',
  'Walter',
  'Winifred',
];
const GIVEN_CHILD = [
  'Alfie',
  'Amelia',
  'Archie',
  'Ava',
  'Evie',
  'Freddie',
  'Grace',
  'Harry',
  'Isla',
  'Jack',
  'Leo',
  'Lily',
  'Mason',
  'Mia',
  'Noah',
  'Olivia',
  'Oscar',
  'Poppy',
  'Ruby',
  'Theo',
  'Zara',
  'Ibrahim',
  'Maryam',
  'Ellis',
];
/** Invented surnames: place-like compounds that are not common family names. */
const FAMILY = [
  'Ashcombe',
  'Birchley',
  'Blackthorne',
  'Brackenridge',
  'Brookmere',
  'Calderwood',
  'Coldharbour',
  'Copperfold',
  'Dunmoor',
  'Elmsworth',
  'Fernhollow',
  'Fieldgate',
  'Foxwell',
  'Glenhurst',
  'Greystoke',
  'Hallowmere',
  'Hartwell',
  'Hazeldene',
  'Holloway-Brook',
  'Ivybridge',
  'Kestrelby',
  'Larchmont',
  'Linwood',
  'Marshgate',
  'Meadowcroft',
  'Millbank',
  'Moorcroft',
  'Netherby',
  'Oakenfold',
  'Penhallow',
  'Quarrington',
  'Ravensholt',
  'Redmarley',
  'Rookwood',
  'Rushmere',
  'Sallowby',
  'Shawcombe',
  'Silverdale',
  'Stonebridge',
  'Thornbury',
  'Tillingham',
  'Underhill',
  'Wexcombe',
  'Whitlowe',
  'Willowby',
  'Wrenfield',
];
const STREETS = [
  'Alder',
  'Aspen',
  'Beacon',
  'Blossom',
  'Bramble',
  'Cedar',
  'Clover',
  'Copse',
  'Damson',
  'Elder',
  'Fennel',
  'Foxglove',
  'Gorse',
  'Hawthorn',
  'Heather',
  'Juniper',
  'Kingfisher',
  'Lapwing',
  'Larch',
  'Linnet',
  'Maple',
  'Meadow',
  'Nightingale',
  'Orchard',
  'Plover',
  'Quince',
  'Rowan',
  'Sorrel',
  'Teasel',
  'Thistle',
  'Willow',
];
const STREET_KINDS = ['Road', 'Close', 'Court', 'Walk', 'Way', 'Row', 'Gardens', 'Crescent', 'Mews', 'Lane'];
const TOWNS: [town: string, area: string, prefix: string][] = [
  ['Riverside', 'Northshire Council', 'RV'],
  ['Hillcrest', 'Southvale Council', 'HC'],
  ['Eastmere', 'Eastmere Borough Council', 'RV'],
  ['Westbrook', 'Westbrook City Council', 'HC'],
];

/** Stockport Homes 2020/21, table 1 (152 concerns), mapped to our categories. */
export const CATEGORY_WEIGHTS: [string, number][] = [
  ['NEGLECT', 52],
  ['PHYSICAL', 49],
  ['DOMESTIC_ABUSE', 19],
  ['FINANCIAL', 13],
  ['PSYCHOLOGICAL', 10],
  ['SEXUAL', 4],
  ['DISCRIMINATORY', 1],
  ['ORGANISATIONAL', 1],
  ['MENTAL_HEALTH_CRISIS', 1],
  ['SELF_HARM', 1],
  ['SELF_NEGLECT', 1],
];
export const URGENCY_WEIGHTS: [string, number][] = [
  ['LOW_LEVEL', 35],
  ['ROUTINE', 40],
  ['URGENT', 22],
  ['IMMEDIATE_DANGER', 3],
];
const TENURE_WEIGHTS: [string, number][] = [
  ['SOCIAL_RENT', 70],
  ['AFFORDABLE_RENT', 15],
  ['SHARED_OWNERSHIP', 4],
  ['LEASEHOLD', 4],
  ['TEMPORARY_ACCOMMODATION', 4],
  ['SUPPORTED_HOUSING', 3],
];
const WHAT_HAPPENED: Record<string, string> = {
  NEGLECT: 'Home very cold and little food; the person relies on a relative who has not visited.',
  PHYSICAL: 'Bruising seen on the arms; the explanation given did not match.',
  DOMESTIC_ABUSE: 'Shouting and a crash heard from the flat; a neighbour says it happens often.',
  FINANCIAL: 'A relative who moved in has the bank card; rent arrears for the first time.',
  PSYCHOLOGICAL: 'The person seemed frightened to speak while their partner was in the room.',
  SEXUAL: 'A disclosure made to the caretaker, asking that it is passed on.',
  DISCRIMINATORY: 'Repeated abuse about the tenant’s religion from people in the block.',
  ORGANISATIONAL: 'Care visits missed for several days; the care agency was not answering.',
  MENTAL_HEALTH_CRISIS: 'The tenant talked about ending their life and had not slept for days.',
  SELF_HARM: 'Fresh injuries seen; the young person said they do it to cope.',
  SELF_NEGLECT: 'Hoarding blocking the exits; the person refuses help with cleaning.',
};

/** A small, fast, seedable generator, so a seed with the same --seed gives the same data. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = (weights: readonly [string, number][]) => {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let roll = next() * total;
    for (const [value, w] of weights) if ((roll -= w) < 0) return value;
    return weights.at(-1)![0];
  };
  return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof random>;

const DAY = 86_400_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Column arrays for one batch, in the order of the INSERT that takes them. */
class Columns<K extends string> {
  readonly data: Record<K, unknown[]>;
  constructor(readonly names: readonly K[]) {
    this.data = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
  }
  push(row: Record<K, unknown>) {
    for (const n of this.names) this.data[n].push(row[n]);
  }
  get length() {
    return this.data[this.names[0]!].length;
  }
  values() {
    return this.names.map((n) => this.data[n]);
  }
}

const WARNINGS: [type: string, description: string][] = [
  ['RISK_TO_STAFF', 'Visit in pairs and in daylight; leave if the former partner arrives.'],
  [
    'DISCLOSURE_RISK',
    'Speak to the tenant on their own. Do not discuss the household’s affairs with visitors.',
  ],
  ['RISK_TO_CHILDREN', 'Do not let anyone but the tenant collect the children or take messages for them.'],
  ['ADULT_AT_RISK', 'May be confused about the date and who you are. Show your ID card and speak slowly.'],
  [
    'RISK_TO_ADULTS',
    'A relative who visits has been aggressive to carers; check who is there before going in.',
  ],
];
/** People a reporter names who are not on record, as reporters describe them. */
const NAMED: [name: string, role: 'SUBJECT' | 'ALLEGED_SOURCE', description: string | null][] = [
  ['Dean (surname not known)', 'ALLEGED_SOURCE', 'Visits most evenings; drives a white van'],
  ['A man called Kyle', 'ALLEGED_SOURCE', null],
  ['The tenant’s nephew', 'ALLEGED_SOURCE', 'Moved in a few weeks ago'],
  ['A girl of about 14 staying there', 'SUBJECT', 'Not on the tenancy; said she is a cousin'],
  ['Baby, name not known', 'SUBJECT', null],
];

export interface Batch {
  households: Columns<'id' | 'ref' | 'line1' | 'town' | 'postcode' | 'area' | 'tenure'>;
  people: Columns<'id' | 'given' | 'family' | 'dob' | 'factors' | 'language' | 'interpreter'>;
  members: Columns<'id' | 'household' | 'person' | 'role' | 'joined' | 'left'>;
  relationships: Columns<'person' | 'related' | 'type' | 'pair'>;
  concerns: Columns<
    | 'id'
    | 'year'
    | 'urgency'
    | 'category'
    | 'what'
    | 'raised'
    | 'happened'
    | 'household'
    | 'status'
    | 'decision'
    | 'risk'
    | 'consent'
    | 'triage'
  >;
  /** The people each concern is about (subjects) and alleged sources of harm, in order. */
  concernPeople: Columns<'concern' | 'person' | 'role' | 'ordinal'>;
  /** People a concern names who are not on record. */
  namedPeople: Columns<'id' | 'concern' | 'ordinal' | 'role' | 'name' | 'description'>;
  /** One warning per household: on the household, or on someone living there. */
  warnings: Columns<'id' | 'household' | 'person' | 'type' | 'description' | 'review' | 'status' | 'created'>;
  /** One referral per household, of its first concern (triaged REFER). */
  referrals: Columns<'id' | 'concern' | 'basis' | 'sent'>;
}

/**
 * Makes `count` households (numbered from `first`) as dense as real ones: on average about 3.5
 * members (adults and children, with their relationships), 2.5 concerns with their subjects (some
 * with an alleged source or someone named who is not on record), a warning and a referral each.
 */
export function makeBatch(rng: Random, first: number, count: number, now = Date.now()): Batch {
  const batch: Batch = {
    households: new Columns(['id', 'ref', 'line1', 'town', 'postcode', 'area', 'tenure']),
    people: new Columns(['id', 'given', 'family', 'dob', 'factors', 'language', 'interpreter']),
    members: new Columns(['id', 'household', 'person', 'role', 'joined', 'left']),
    relationships: new Columns(['person', 'related', 'type', 'pair']),
    concerns: new Columns([
      'id',
      'year',
      'urgency',
      'category',
      'what',
      'raised',
      'happened',
      'household',
      'status',
      'decision',
      'risk',
      'consent',
      'triage',
    ]),
    concernPeople: new Columns(['concern', 'person', 'role', 'ordinal']),
    namedPeople: new Columns(['id', 'concern', 'ordinal', 'role', 'name', 'description']),
    warnings: new Columns([
      'id',
      'household',
      'person',
      'type',
      'description',
      'review',
      'status',
      'created',
    ]),
    referrals: new Columns(['id', 'concern', 'basis', 'sent']),
  };
  const relate = (a: string, b: string, type: RelationshipType) => {
    const pair = randomUUID();
    batch.relationships.push({ person: a, related: b, type, pair });
    batch.relationships.push({ person: b, related: a, type: INVERSE_RELATIONSHIP[type], pair });
  };
  for (let i = 0; i < count; i++) {
    const n = first + i;
    const id = randomUUID();
    const [town, area, prefix] = rng.pick(TOWNS);
    batch.households.push({
      id,
      ref: `SYN-${String(n).padStart(7, '0')}`,
      line1: `${rng.int(1, 220)} ${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`,
      town,
      postcode: `${prefix}${rng.int(1, 19)} ${rng.int(1, 9)}${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`,
      area,
      tenure: rng.weighted(TENURE_WEIGHTS),
    });
    const family = rng.pick(FAMILY);
    // Everyone has lived there a year or more: what happened to them since is on record.
    const moveIn = now - rng.int(400, 25 * 365) * DAY;
    const born = new Map<string, number>();
    const add = (
      given: string,
      ageYears: number,
      role: string,
      factors: string[] = [],
      left: number | null = null,
    ) => {
      const person = randomUUID();
      const dob = now - ageYears * 365.25 * DAY - rng.int(0, 364) * DAY;
      born.set(person, dob);
      const language =
        rng.next() < 0.06 ? rng.pick(['Polish', 'Urdu', 'Arabic', 'Welsh', 'Romanian', 'Somali']) : '';
      batch.people.push({
        id: person,
        given,
        family,
        dob: isoDate(dob),
        factors: factors.join(','),
        language,
        interpreter: language !== '' && language !== 'Welsh' && rng.next() < 0.5,
      });
      batch.members.push({
        id: randomUUID(),
        household: id,
        person,
        role,
        joined: isoDate(Math.max(moveIn, dob)),
        left: left === null ? null : isoDate(left),
      });
      return person;
    };
    const shape = rng.next();
    const adults: string[] = [];
    const children: string[] = [];
    if (shape < 0.1) {
      const older = rng.int(70, 94);
      adults.push(add(rng.pick(GIVEN_OLDER), older, 'LEAD_TENANT', rng.next() < 0.5 ? ['OLDER_FRAIL'] : []));
      if (rng.next() < 0.4) {
        const partner = add(
          rng.pick(GIVEN_OLDER),
          older + rng.int(-4, 4),
          'JOINT_TENANT',
          rng.next() < 0.3 ? ['CARER'] : [],
        );
        relate(adults[0]!, partner, 'PARTNER');
        adults.push(partner);
      }
    } else {
      const factors =
        rng.next() < 0.08
          ? [rng.pick(['MENTAL_HEALTH', 'LEARNING_DISABILITY', 'SUBSTANCE_MISUSE', 'LONG_TERM_ILLNESS'])]
          : [];
      const leadAge = rng.int(19, 68);
      adults.push(add(rng.pick(GIVEN_ADULT), leadAge, 'LEAD_TENANT', factors));
      if (shape >= 0.4) {
        const partner = add(rng.pick(GIVEN_ADULT), Math.max(19, leadAge + rng.int(-6, 6)), 'JOINT_TENANT');
        relate(adults[0]!, partner, 'PARTNER');
        adults.push(partner);
      }
      const parents = [...adults];
      if (shape >= 0.2 && shape < 0.88) {
        const kids = rng.int(1, 4);
        for (let k = 0; k < kids; k++) {
          const child = add(
            rng.pick(GIVEN_CHILD),
            rng.int(0, Math.max(0, Math.min(17, leadAge - 17))),
            'OCCUPANT',
          );
          for (const parent of parents) relate(parent, child, 'CHILD');
          for (const sibling of children) relate(sibling, child, 'SIBLING');
          children.push(child);
        }
      }
      if (leadAge >= 42 && rng.next() < 0.25) {
        // A grown-up son or daughter still at home.
        const grown = add(rng.pick(GIVEN_ADULT), rng.int(18, Math.min(30, leadAge - 18)), 'OCCUPANT');
        for (const parent of parents) relate(parent, grown, 'CHILD');
        for (const sibling of children) relate(sibling, grown, 'SIBLING');
        adults.push(grown);
      }
      if (rng.next() < 0.08) {
        // Someone who lived there and has left (no longer a current member).
        add(rng.pick(GIVEN_ADULT), rng.int(19, 60), 'OCCUPANT', [], now - rng.int(30, 360) * DAY);
      }
    }
    const everyone = [...adults, ...children];
    const concerns = rng.int(1, 4);
    for (let c = 0; c < concerns; c++) {
      const concern = randomUUID();
      const category = rng.weighted(CATEGORY_WEIGHTS);
      const raised =
        now - rng.int(25, Math.min(730, Math.floor((now - moveIn) / DAY))) * DAY - rng.int(0, DAY - 1);
      const happened = rng.next() < 0.5 ? raised - rng.int(1, 3 * DAY) : null;
      // The household's first concern is the one it was referred for.
      const referred = c === 0;
      const triaged = referred || rng.next() < 0.7;
      const urgency = rng.weighted(URGENCY_WEIGHTS);
      const decision = referred
        ? 'REFER'
        : triaged
          ? urgency === 'LOW_LEVEL'
            ? 'MONITOR_LOW_LEVEL'
            : rng.pick(['REFER', 'OPEN_CASE', 'NO_FURTHER_ACTION'])
          : null;
      const consent = rng.next() < 0.35 ? 'GIVEN' : 'NOT_SOUGHT';
      batch.concerns.push({
        id: concern,
        year: new Date(raised).getUTCFullYear(),
        urgency,
        category,
        what: WHAT_HAPPENED[category] ?? 'Something seen that worried the visitor.',
        raised: new Date(raised).toISOString(),
        happened: happened === null ? null : new Date(happened).toISOString(),
        household: id,
        status: triaged ? (rng.next() < 0.5 ? 'CLOSED' : 'TRIAGED') : 'RAISED',
        decision,
        risk: triaged ? rng.pick(['LOW', 'MEDIUM', 'HIGH']) : null,
        consent,
        triage: triaged ? randomUUID() : null,
      });
      // About someone living there at the time.
      const there = (people: string[]) => people.filter((p) => born.get(p)! < raised);
      const pool = there(children).length && rng.next() < 0.4 ? there(children) : there(everyone);
      const subjects = [rng.pick(pool)];
      if (pool.length > 1 && rng.next() < 0.25) {
        const second = rng.pick(pool.filter((p) => p !== subjects[0]));
        subjects.push(second);
      }
      subjects.forEach((person, ordinal) =>
        batch.concernPeople.push({ concern, person, role: 'SUBJECT', ordinal }),
      );
      const sources = adults.filter((a) => !subjects.includes(a));
      if (
        sources.length &&
        ['DOMESTIC_ABUSE', 'PHYSICAL', 'FINANCIAL'].includes(category) &&
        rng.next() < 0.5
      ) {
        batch.concernPeople.push({ concern, person: rng.pick(sources), role: 'ALLEGED_SOURCE', ordinal: 0 });
      }
      if (rng.next() < 0.12) {
        const [name, role, description] = rng.pick(NAMED);
        batch.namedPeople.push({ id: randomUUID(), concern, ordinal: 0, role, name, description });
      }
      if (referred) {
        const child = children.length > 0 && subjects.some((s) => children.includes(s));
        batch.referrals.push({
          id: randomUUID(),
          concern,
          basis: consent === 'GIVEN' ? 'CONSENT' : child ? 'RISK_TO_CHILD' : 'RISK_TO_ADULT',
          sent: new Date(raised + 2 * DAY).toISOString(),
        });
      }
    }
    const [type, description] = rng.pick(WARNINGS);
    const onPerson = rng.next() < 0.5;
    batch.warnings.push({
      id: randomUUID(),
      household: onPerson ? null : id,
      person: onPerson ? rng.pick(adults) : null,
      type,
      description,
      review: isoDate(now + rng.int(-30, 300) * DAY),
      status: rng.next() < 0.85 ? 'ACTIVE' : 'PENDING_SIGN_OFF',
      created: new Date(now - rng.int(3, 400) * DAY).toISOString(),
    });
  }
  return batch;
}

/**
 * Writes one batch in one transaction: a dozen multi-row INSERTs, whatever its size. As a
 * superuser it turns off the per-row foreign key checks for the transaction (twice as fast): the
 * rows are consistent by construction, and `synthetic.test.ts` checks every foreign key holds.
 */
export async function writeBatch(
  client: pg.ClientBase,
  organisationId: string,
  createdBy: string,
  batch: Batch,
): Promise<void> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ on: string }>(`select current_setting('is_superuser') as on`);
    if (rows[0]?.on === 'on') await client.query(`set local session_replication_role = replica`);
    await client.query(
      `insert into household (id, organisation_id, tenancy_reference, address_line1, town, postcode, local_authority_area, tenure, created_at, updated_at)
       select id, $1, ref, line1, town, postcode, area, tenure, now(), now()
         from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) as t(id, ref, line1, town, postcode, area, tenure)`,
      [organisationId, ...batch.households.values()],
    );
    await client.query(
      `insert into person (id, organisation_id, given_name, family_name, other_names, date_of_birth, vulnerability_factors,
                           preferred_language, interpreter_needed, interpreter_language, created_at, updated_at)
       select id, $1, given, family, '{}', dob, coalesce(string_to_array(nullif(factors, ''), ','), '{}'),
              nullif(language, ''), interpreter, case when interpreter then language end, now(), now()
         from unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::bool[])
           as t(id, given, family, dob, factors, language, interpreter)`,
      [organisationId, ...batch.people.values()],
    );
    await client.query(
      `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, left_on, created_at)
       select id, $1, household, person, role, joined, left_on, now()
         from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::date[]) as t(id, household, person, role, joined, left_on)`,
      [organisationId, ...batch.members.values()],
    );
    await client.query(
      `insert into person_relationship (id, organisation_id, person_id, related_person_id, type, pair_id, created_at)
       select gen_random_uuid(), $1, person, related, type, pair, now()
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[]) as t(person, related, type, pair)`,
      [organisationId, ...batch.relationships.values()],
    );
    const references = await numberConcerns(client, organisationId, batch.concerns.data.year as number[]);
    await writeConcerns(client, organisationId, createdBy, batch, references);
    // A manager signs warnings off, never whoever added them; without one they wait for sign-off.
    const { rows: managers } = await client.query<{ id: string }>(
      `select id from app_user where organisation_id = $1 and 'MANAGER' = any(roles) and deactivated_at is null and id <> $2
        order by created_at, id limit 1`,
      [organisationId, createdBy],
    );
    const manager = managers[0]?.id ?? null;
    if (!manager) batch.warnings.data.status = batch.warnings.data.status.map(() => 'PENDING_SIGN_OFF');
    await client.query(
      `insert into warning (id, organisation_id, household_id, person_id, type, description, review_date, told_status, not_told_reason,
                            status, created_by_id, signed_off_by_id, signed_off_at, version, created_at, updated_at)
       select id, $1, household, person, type, description, review, 'NOT_TOLD', 'Synthetic data', status, $2,
              case when status = 'ACTIVE' then $3::uuid end, case when status = 'ACTIVE' then created + interval '2 days' end,
              case when status = 'ACTIVE' then 2 else 1 end, created, created
         from unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::date[], $10::text[], $11::timestamptz[])
           as t(id, household, person, type, description, review, status, created)`,
      [organisationId, createdBy, manager, ...batch.warnings.values()],
    );
    // Referrals go to the first partner agency on record (none: no referrals).
    const { rows: agencies } = await client.query<{ id: string; name: string }>(
      `select id, name from organisation where kind = 'AGENCY' order by created_at, id limit 1`,
    );
    const agency = agencies[0];
    if (agency) {
      await client.query(
        `insert into referral (id, organisation_id, recipient_organisation_id, concern_id, reason, legal_basis, legal_basis_reason,
                               shared, status, person_ids, sent_by_id, sent_at)
         select id, $1, $2, concern, 'Synthetic data: referred for an assessment', basis,
                case when basis <> 'CONSENT' then 'Synthetic data' end, shared, 'SENT', '{}', $3, sent
           from unnest($4::uuid[], $5::uuid[], $6::text[], $7::timestamptz[], $8::jsonb[]) as t(id, concern, basis, sent, shared)`,
        [
          organisationId,
          agency.id,
          createdBy,
          ...batch.referrals.values(),
          sharedSnapshots(batch, references),
        ],
      );
    }
    const entries = chronologyOf(batch, references, agency?.name, { author: createdBy, manager });
    await client.query(
      `insert into chronology_entry (id, organisation_id, kind, occurred_at, recorded_at, household_id, person_ids, source_type,
                                     source_id, summary, detail, recorded_by_id, pinned)
       select gen_random_uuid(), $1, kind, at, at, household, coalesce(string_to_array(nullif(people, ''), ',')::uuid[], '{}'),
              source_type, source, summary, detail, by, false
         from unnest($2::text[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::jsonb[], $10::uuid[])
           as t(kind, at, household, people, source_type, source, summary, detail, by)`,
      [organisationId, ...entries.values()],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Real references for the batch's concerns: the organisation's counter, bumped once per year per batch. */
async function numberConcerns(
  client: pg.ClientBase,
  organisationId: string,
  years: number[],
): Promise<string[]> {
  const references: string[] = new Array(years.length);
  for (const year of [...new Set(years)]) {
    const indexes = years.flatMap((y, i) => (y === year ? [i] : []));
    const { rows } = await client.query<{ last: number }>(
      `insert into concern_reference_counter (organisation_id, year, last) values ($1, $2, $3)
       on conflict (organisation_id, year) do update set last = concern_reference_counter.last + $3 returning last`,
      [organisationId, year, indexes.length],
    );
    const start = rows[0]!.last - indexes.length;
    indexes.forEach(
      (index, k) => (references[index] = `SG-${year}-${String(start + k + 1).padStart(6, '0')}`),
    );
  }
  return references;
}

/** Concerns with their triage records, the people they are about and the people they name. */
async function writeConcerns(
  client: pg.ClientBase,
  organisationId: string,
  createdBy: string,
  batch: Batch,
  references: string[],
) {
  const c = batch.concerns.data;
  await client.query(
    `insert into concern (id, reference, organisation_id, raised_by_id, reporter_kind, status, urgency, categories, primary_category,
                          subject_description, location, what_happened, happened_at, views_status, views_not_asked_reason,
                          consent_status, consent_reason, raised_at, updated_at, household_id, triage_decision, risk_level,
                          triage_reason, triaged_at, triaged_by_id, closed_at, close_reason, closed_by_id, version)
     select id, ref, $1, $2, 'STAFF', status, urgency, array[category], category, 'A member of the household', 'At home', what,
            happened, 'NOT_ASKED', 'Synthetic data', consent, case when consent <> 'GIVEN' then 'Synthetic data' end,
            raised, raised, household, decision, risk,
            case when decision is not null then 'Synthetic data' end, case when decision is not null then raised + interval '1 day' end,
            case when decision is not null then $2::uuid end,
            case when status = 'CLOSED' then raised + interval '20 days' end, case when status = 'CLOSED' then 'Synthetic data' end,
            case when status = 'CLOSED' then $2::uuid end,
            case status when 'RAISED' then 1 when 'TRIAGED' then 2 else 3 end
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[],
                   $11::uuid[], $12::text[], $13::text[], $14::text[])
         as t(id, ref, status, urgency, category, what, raised, happened, household, decision, risk, consent)`,
    [
      organisationId,
      createdBy,
      c.id,
      references,
      c.status,
      c.urgency,
      c.category,
      c.what,
      c.raised,
      c.happened,
      c.household,
      c.decision,
      c.risk,
      c.consent,
    ],
  );
  // Loaded with triggers off (as the owner, for speed): the organisation's kept count of concerns
  // is added to here instead.
  await client.query(
    `insert into concern_count (organisation_id, concerns)
     select $1, $2::bigint where current_setting('session_replication_role') = 'replica'
     on conflict (organisation_id) do update set concerns = concern_count.concerns + excluded.concerns`,
    [organisationId, c.id.length],
  );
  await client.query(
    `insert into concern_triage (id, organisation_id, concern_id, decision, risk_level, reason, decided_by_id, decided_at)
     select triage, $1, concern, decision, risk, 'Synthetic data', $2, raised + interval '1 day'
       from unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) as t(triage, concern, decision, risk, raised)
      where decision is not null`,
    [organisationId, createdBy, c.triage, c.id, c.decision, c.risk, c.raised],
  );
  await client.query(
    `insert into concern_person (id, organisation_id, concern_id, person_id, role, ordinal)
     select gen_random_uuid(), $1, concern, person, role, ordinal
       from unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[]) as t(concern, person, role, ordinal)`,
    [organisationId, ...batch.concernPeople.values()],
  );
  if (batch.namedPeople.length) {
    await client.query(
      `insert into concern_named_person (id, organisation_id, concern_id, ordinal, role, name, description)
       select id, $1, concern, ordinal, role, name, description
         from unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[])
           as t(id, concern, ordinal, role, name, description)`,
      [organisationId, ...batch.namedPeople.values()],
    );
  }
}

/** Per concern, in order: the people it is about, the alleged sources, the people it names. */
function peopleByConcern(batch: Batch) {
  const byConcern = new Map<
    string,
    { subjects: string[]; sources: string[]; named: { role: string; name: string }[] }
  >();
  const of = (concern: string) => {
    let found = byConcern.get(concern);
    if (!found) byConcern.set(concern, (found = { subjects: [], sources: [], named: [] }));
    return found;
  };
  const cp = batch.concernPeople.data;
  cp.concern.forEach((concern, i) =>
    (cp.role[i] === 'SUBJECT' ? of(concern as string).subjects : of(concern as string).sources).push(
      cp.person[i] as string,
    ),
  );
  const np = batch.namedPeople.data;
  np.concern.forEach((concern, i) =>
    of(concern as string).named.push({ role: np.role[i] as string, name: np.name[i] as string }),
  );
  return (concern: string) => of(concern);
}

/** What the referral shared with the agency, as `referConcern` copies it. */
function sharedSnapshots(batch: Batch, references: string[]): string[] {
  const c = batch.concerns.data;
  const p = batch.people.data;
  const h = batch.households.data;
  const concernAt = new Map(c.id.map((id, i) => [id as string, i]));
  const personAt = new Map(p.id.map((id, i) => [id as string, i]));
  const householdAt = new Map(h.id.map((id, i) => [id as string, i]));
  const people = peopleByConcern(batch);
  return (batch.referrals.data.concern as string[]).map((concern) => {
    const i = concernAt.get(concern)!;
    const home = householdAt.get(c.household[i] as string)!;
    const happened = (c.happened[i] as string | null) ?? (c.raised[i] as string);
    const { subjects, sources } = people(concern);
    return JSON.stringify({
      concernReference: references[i],
      raisedAt: c.raised[i],
      urgency: c.urgency[i],
      categories: [c.category[i]],
      summary: 'Synthetic data: referred for an assessment',
      whatWasReported: c.what[i],
      happenedAt: c.happened[i],
      where: `${h.line1[home]}, ${h.town[home]}, ${h.postcode[home]}`,
      viewsStatus: 'NOT_ASKED',
      views: null,
      consentStatus: c.consent[i],
      people: [
        ...subjects.map((id) => ({ id, role: 'SUBJECT' })),
        ...sources.map((id) => ({ id, role: 'ALLEGED_SOURCE' })),
      ].map(({ id, role }) => {
        const k = personAt.get(id)!;
        const dob = p.dob[k] as string;
        const language = (p.language[k] as string) || null;
        return {
          role,
          name: `${p.given[k]} ${p.family[k]}`,
          otherNames: [],
          dateOfBirth: dob,
          childAtEvent: isChildOn(dob, new Date(happened)),
          pronouns: null,
          preferredLanguage: language,
          communicationNeeds: null,
          interpreterNeeded: p.interpreter[k],
          vulnerabilityFactors: (p.factors[k] as string) ? (p.factors[k] as string).split(',') : [],
        };
      }),
    });
  });
}

/**
 * The chronology the services would have written for the batch: who joined (and left) each
 * household, each concern raised, triaged and closed, each warning added and signed off, each
 * referral sent. Same kinds, summaries and details as the services make.
 */
function chronologyOf(
  batch: Batch,
  references: string[],
  agencyName: string | undefined,
  users: { author: string; manager: string | null },
) {
  const entries = new Columns([
    'kind',
    'at',
    'household',
    'people',
    'sourceType',
    'source',
    'summary',
    'detail',
    'by',
  ] as const);
  const add = (
    kind: string,
    at: string | number,
    household: unknown,
    people: readonly unknown[],
    sourceType: string,
    source: unknown,
    summary: string,
    detail: Record<string, unknown> = {},
  ) =>
    entries.push({
      kind,
      at: new Date(at).toISOString(),
      household,
      people: people.join(','),
      sourceType,
      source,
      summary,
      detail: JSON.stringify(detail),
      by: kind === 'WARNING_SIGNED_OFF' ? users.manager : users.author,
    });
  const m = batch.members.data;
  m.id.forEach((id, i) => {
    const [household, person, role, joined, left] = [
      m.household[i],
      m.person[i],
      m.role[i],
      m.joined[i],
      m.left[i],
    ];
    add(
      'MEMBER_JOINED',
      `${joined}T00:00:00Z`,
      household,
      [person],
      'HouseholdMember',
      id,
      `Joined the household (${role})`,
      {
        role,
        joinedOn: joined,
      },
    );
    if (left) {
      add(
        'MEMBER_LEFT',
        `${left}T00:00:00Z`,
        household,
        [person],
        'HouseholdMember',
        id,
        'Left the household',
        {
          leftOn: left,
        },
      );
    }
  });
  const people = peopleByConcern(batch);
  const c = batch.concerns.data;
  const concernAt = new Map<string, number>();
  c.id.forEach((id, i) => {
    concernAt.set(id as string, i);
    const reference = references[i]!;
    const { subjects, sources, named } = people(id as string);
    const raised = Date.parse(c.raised[i] as string);
    const [household, urgency, category, decision, risk] = [
      c.household[i],
      c.urgency[i],
      c.category[i],
      c.decision[i],
      c.risk[i],
    ];
    const all = [...subjects, ...sources];
    add(
      'CONCERN_RAISED',
      (c.happened[i] as string | null) ?? raised,
      household,
      all,
      'Concern',
      id,
      `Concern ${reference} raised (${urgency}, ${category})`,
      {
        reference,
        urgency,
        categories: [category],
        reporterKind: 'STAFF',
        subjectIds: subjects,
        allegedSourceIds: sources,
        namedPeople: named,
        whatHappened: c.what[i],
      },
    );
    if (decision) {
      add(
        'CONCERN_TRIAGED',
        raised + DAY,
        household,
        all,
        'Concern',
        id,
        `Concern ${reference} triaged: ${decision}, risk ${risk}`,
        {
          reference,
          decision,
          riskLevel: risk,
          reason: 'Synthetic data',
          triageId: c.triage[i],
        },
      );
    }
    if (c.status[i] === 'CLOSED') {
      add('CONCERN_CLOSED', raised + 20 * DAY, household, all, 'Concern', id, `Concern ${reference} closed`, {
        reference,
        reason: 'Synthetic data',
      });
    }
  });
  const w = batch.warnings.data;
  w.id.forEach((id, i) => {
    const [household, person, type, reviewDate] = [w.household[i], w.person[i], w.type[i], w.review[i]];
    const created = Date.parse(w.created[i] as string);
    add(
      'WARNING_ADDED',
      created,
      household,
      person ? [person] : [],
      'Warning',
      id,
      `Warning added: ${type}`,
      {
        type,
        status: 'PENDING_SIGN_OFF',
        reviewDate,
      },
    );
    if (w.status[i] === 'ACTIVE') {
      add(
        'WARNING_SIGNED_OFF',
        created + 2 * DAY,
        household,
        person ? [person] : [],
        'Warning',
        id,
        `Warning signed off by a manager: ${type}`,
        {
          type,
          status: 'ACTIVE',
          reviewDate,
        },
      );
    }
  });
  if (agencyName) {
    const r = batch.referrals.data;
    r.id.forEach((id, i) => {
      const k = concernAt.get(r.concern[i] as string)!;
      const { subjects, sources } = people(r.concern[i] as string);
      add(
        'REFERRAL_SENT',
        r.sent[i] as string,
        c.household[k],
        [...subjects, ...sources],
        'Referral',
        id,
        `Referred ${references[k]} to ${agencyName} (${r.basis[i]})`,
      );
    });
  }
  return entries;
}

/**
 * Writes `count` households (from the seed, numbered from 1) in batches of 1,000, one transaction
 * each, telling `progress` how many are written after each batch.
 */
export async function writeHouseholds(
  client: pg.ClientBase,
  organisationId: string,
  createdBy: string,
  count: number,
  progress: (done: number) => void = () => undefined,
  seed = 1,
): Promise<void> {
  const rng = random(seed);
  for (let done = 0; done < count;) {
    const size = Math.min(1000, count - done);
    await writeBatch(client, organisationId, createdBy, makeBatch(rng, done + 1, size));
    done += size;
    progress(done);
  }
}
