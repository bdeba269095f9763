import { INVERSE_RELATIONSHIP, type RelationshipType } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * Synthetic households for development and load tests: realistic shapes (single adults, couples,
 * families, older people), fictional names and places, concerns in the proportions of Stockport
 * Homes' table 1. Never real people: surnames and streets are invented, postcodes use areas that do
 * not exist (RV, HC). Rows go in with multi-row INSERTs over `unnest` (a few statements per batch of
 * households), not the ORM row by row; the owner connection bypasses row-level security.
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
const CATEGORY_WEIGHTS: [string, number][] = [
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
const URGENCY_WEIGHTS: [string, number][] = [
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

export interface Batch {
  households: Columns<'id' | 'ref' | 'line1' | 'town' | 'postcode' | 'area' | 'tenure'>;
  people: Columns<'id' | 'given' | 'family' | 'dob' | 'factors' | 'language' | 'interpreter'>;
  members: Columns<'household' | 'person' | 'role' | 'joined'>;
  relationships: Columns<'person' | 'related' | 'type' | 'pair'>;
  concerns: Columns<
    | 'id'
    | 'year'
    | 'urgency'
    | 'category'
    | 'what'
    | 'raised'
    | 'household'
    | 'subject'
    | 'status'
    | 'decision'
    | 'risk'
  >;
  warnings: Columns<'household' | 'type' | 'description' | 'review'>;
}

/** Makes `count` households (numbered from `first`) with their people, relationships and concerns. */
export function makeBatch(rng: Random, first: number, count: number, now = Date.now()): Batch {
  const batch: Batch = {
    households: new Columns(['id', 'ref', 'line1', 'town', 'postcode', 'area', 'tenure']),
    people: new Columns(['id', 'given', 'family', 'dob', 'factors', 'language', 'interpreter']),
    members: new Columns(['household', 'person', 'role', 'joined']),
    relationships: new Columns(['person', 'related', 'type', 'pair']),
    concerns: new Columns([
      'id',
      'year',
      'urgency',
      'category',
      'what',
      'raised',
      'household',
      'subject',
      'status',
      'decision',
      'risk',
    ]),
    warnings: new Columns(['household', 'type', 'description', 'review']),
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
    const moveIn = now - rng.int(30, 25 * 365) * DAY;
    const add = (given: string, ageYears: number, role: string, factors: string[] = []) => {
      const person = randomUUID();
      const dob = now - ageYears * 365.25 * DAY - rng.int(0, 364) * DAY;
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
      batch.members.push({ household: id, person, role, joined: isoDate(Math.max(moveIn, dob)) });
      return person;
    };
    const shape = rng.next();
    const adults: string[] = [];
    const children: string[] = [];
    if (shape < 0.12) {
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
      adults.push(add(rng.pick(GIVEN_ADULT), rng.int(19, 68), 'LEAD_TENANT', factors));
      if (shape > 0.45) {
        const partner = add(rng.pick(GIVEN_ADULT), rng.int(19, 68), 'JOINT_TENANT');
        relate(adults[0]!, partner, 'PARTNER');
        adults.push(partner);
      }
      if (shape > 0.3 && shape < 0.9) {
        const kids = rng.int(1, 4);
        for (let k = 0; k < kids; k++) {
          const child = add(rng.pick(GIVEN_CHILD), rng.int(0, 17), 'OCCUPANT');
          for (const parent of adults) relate(parent, child, 'CHILD');
          for (const sibling of children) relate(sibling, child, 'SIBLING');
          children.push(child);
        }
      }
    }
    const everyone = [...adults, ...children];
    const concerns = rng.next() < 0.3 ? rng.int(1, 4) : 0;
    for (let c = 0; c < concerns; c++) {
      const category = rng.weighted(CATEGORY_WEIGHTS);
      const raised = now - rng.int(1, 730) * DAY - rng.int(0, DAY - 1);
      const triaged = rng.next() < 0.7;
      const urgency = rng.weighted(URGENCY_WEIGHTS);
      batch.concerns.push({
        id: randomUUID(),
        year: new Date(raised).getUTCFullYear(),
        urgency,
        category,
        what: WHAT_HAPPENED[category] ?? 'Something seen that worried the visitor.',
        raised: new Date(raised).toISOString(),
        household: id,
        subject: rng.pick(children.length && rng.next() < 0.4 ? children : everyone),
        status: triaged ? (rng.next() < 0.5 ? 'CLOSED' : 'TRIAGED') : 'RAISED',
        decision: triaged
          ? urgency === 'LOW_LEVEL'
            ? 'MONITOR_LOW_LEVEL'
            : rng.pick(['REFER', 'OPEN_CASE', 'NO_FURTHER_ACTION'])
          : null,
        risk: triaged ? rng.pick(['LOW', 'MEDIUM', 'HIGH']) : null,
      });
    }
    if (rng.next() < 0.03) {
      batch.warnings.push({
        household: id,
        type: rng.pick(['RISK_TO_STAFF', 'DISCLOSURE_RISK', 'RISK_TO_CHILDREN']),
        description: 'Visit in pairs and do not discuss the household’s affairs with visitors.',
        review: isoDate(now + rng.int(-30, 300) * DAY),
      });
    }
  }
  return batch;
}

/** Writes one batch in one transaction: a handful of multi-row INSERTs, whatever its size. */
export async function writeBatch(
  client: pg.ClientBase,
  organisationId: string,
  createdBy: string,
  batch: Batch,
): Promise<void> {
  await client.query('begin');
  try {
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
      `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, created_at)
       select gen_random_uuid(), $1, household, person, role, joined, now()
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[]) as t(household, person, role, joined)`,
      [organisationId, ...batch.members.values()],
    );
    await client.query(
      `insert into person_relationship (id, organisation_id, person_id, related_person_id, type, pair_id, created_at)
       select gen_random_uuid(), $1, person, related, type, pair, now()
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[]) as t(person, related, type, pair)`,
      [organisationId, ...batch.relationships.values()],
    );
    if (batch.concerns.length) await writeConcerns(client, organisationId, createdBy, batch);
    if (batch.warnings.length) {
      await client.query(
        `insert into warning (id, organisation_id, household_id, type, description, review_date, told_status, not_told_reason,
                              status, created_by_id, signed_off_by_id, signed_off_at, version, created_at, updated_at)
         select gen_random_uuid(), $1, household, type, description, review, 'NOT_TOLD', 'Synthetic data', 'ACTIVE', $2, $2, now(), 1, now(), now()
           from unnest($3::uuid[], $4::text[], $5::text[], $6::date[]) as t(household, type, description, review)`,
        [organisationId, createdBy, ...batch.warnings.values()],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** Concerns take real references (the organisation's counter, bumped once per year per batch) and chronology entries. */
async function writeConcerns(client: pg.ClientBase, organisationId: string, createdBy: string, batch: Batch) {
  const years = batch.concerns.data.year as number[];
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
  const c = batch.concerns.data;
  await client.query(
    `insert into concern (id, reference, organisation_id, raised_by_id, reporter_kind, status, urgency, categories, primary_category,
                          subject_description, location, what_happened, views_status, views_not_asked_reason, consent_status,
                          consent_reason, raised_at, updated_at, household_id, triage_decision, risk_level, triage_reason,
                          triaged_at, closed_at, close_reason, version)
     select id, ref, $1, $2, 'STAFF', status, urgency, array[category], category, 'A member of the household', 'At home', what,
            'NOT_ASKED', 'Synthetic data', 'NOT_SOUGHT', 'Synthetic data', raised, raised, household, decision, risk,
            case when decision is not null then 'Synthetic data' end, case when decision is not null then raised + interval '1 day' end,
            case when status = 'CLOSED' then raised + interval '20 days' end, case when status = 'CLOSED' then 'Synthetic data' end,
            case status when 'RAISED' then 1 when 'TRIAGED' then 2 else 3 end
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::uuid[], $11::text[], $12::text[])
         as t(id, ref, status, urgency, category, what, raised, household, decision, risk)`,
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
      c.household,
      c.decision,
      c.risk,
    ],
  );
  await client.query(
    `insert into concern_triage (id, organisation_id, concern_id, decision, risk_level, reason, decided_by_id, decided_at)
     select gen_random_uuid(), $1, concern, decision, risk, 'Synthetic data', $2, raised + interval '1 day'
       from unnest($3::uuid[], $4::text[], $5::text[], $6::timestamptz[]) as t(concern, decision, risk, raised)
      where decision is not null`,
    [organisationId, createdBy, c.id, c.decision, c.risk, c.raised],
  );
  await client.query(
    `insert into concern_person (id, organisation_id, concern_id, person_id, role)
     select gen_random_uuid(), $1, concern, person, 'SUBJECT' from unnest($2::uuid[], $3::uuid[]) as t(concern, person)`,
    [organisationId, c.id, c.subject],
  );
  await client.query(
    `insert into chronology_entry (id, organisation_id, kind, occurred_at, recorded_at, household_id, person_ids, source_type,
                                   source_id, summary, detail, recorded_by_id, pinned)
     select gen_random_uuid(), $1, 'CONCERN_RAISED', raised, raised, household, array[person], 'Concern', concern,
            'Concern ' || ref || ' raised (' || urgency || ', ' || category || ')',
            jsonb_build_object('reference', ref, 'urgency', urgency, 'categories', jsonb_build_array(category), 'synthetic', true),
            $2, false
       from unnest($3::uuid[], $4::text[], $5::timestamptz[], $6::uuid[], $7::uuid[], $8::text[], $9::text[])
         as t(concern, ref, raised, household, person, urgency, category)`,
    [organisationId, createdBy, c.id, references, c.raised, c.household, c.subject, c.urgency, c.category],
  );
}
