import {
  ChronologyDocument,
  ConcernsDocument,
  HouseholdDocument,
  operationName,
  RaiseConcernDocument,
  type TypedDocumentString,
} from '@doorstep/client';

/**
 * What the benchmark asks each server, per scenario: the gateway and the floor get the client's own
 * documents (the floor answers them with its SQL); PostGraphile gets the nearest query in its own
 * names. PostGraphile's answers are close to, not the same as, the gateway's: it has no derived
 * fields (address, displayName, age, child, subjectName: it returns the columns they are made from),
 * no restricted-person rules, and its household chronology is the entries filed under the household
 * (the gateway's adds its members' entries from while they lived there).
 */

export const SCENARIOS = ['household', 'concerns', 'chronology', 'raise'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];
export const TARGETS = ['gateway', 'floor', 'peer'] as const;
export type Target = (typeof TARGETS)[number];
export const TARGET_NAMES: Record<Target, string> = {
  gateway: 'gateway',
  floor: 'floor',
  peer: 'PostGraphile',
};

export interface Scenario {
  name: ScenarioName;
  title: string;
  /** Request bodies per target, taken in turn; a target without any is not measured. */
  bodies: Partial<Record<Target, string[]>>;
  notes: string[];
}

// Households are keyed (organisation_id, id), so PostGraphile's lookup takes both.
const PEER_HOUSEHOLD = `query Household($organisationId: UUID!, $id: UUID!, $concerns: Int!, $chronology: Int!) {
  household(organisationId: $organisationId, id: $id) {
    id tenancyReference addressLine1 addressLine2 town postcode localAuthorityArea tenure
    householdMembers(condition: { leftOn: null }, orderBy: [JOINED_ON_ASC, ID_ASC]) {
      nodes {
        id role joinedOn leftOn
        person {
          id givenName familyName dateOfBirth restricted
          personRelationships(orderBy: [CREATED_AT_ASC, ID_ASC]) {
            nodes { type relatedPerson { id givenName familyName } }
          }
          warnings(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { id type description reviewDate status } }
        }
      }
    }
    warnings(orderBy: [CREATED_AT_ASC, ID_ASC]) { nodes { id type description reviewDate status } }
    concerns(first: $concerns, orderBy: [RAISED_AT_DESC, ID_DESC]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id reference status urgency riskLevel raisedAt happenedAt
          concernPeople(condition: { role: "SUBJECT" }, orderBy: [ORDINAL_ASC, ID_ASC]) {
            nodes { person { id givenName familyName dateOfBirth } }
          }
          concernNamedPeople(orderBy: [ORDINAL_ASC, ID_ASC]) { nodes { name role dateOfBirth } }
        }
      }
    }
    chronologyEntries(first: $chronology, orderBy: [OCCURRED_AT_DESC, ID_DESC]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind occurredAt summary sourceType sourceId pinned } }
    }
  }
}`;

const PEER_CONCERNS = `query Concerns($organisationId: UUID!, $first: Int!) {
  concerns(first: $first, condition: { organisationId: $organisationId }, orderBy: [RAISED_AT_DESC, ID_DESC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference status urgency primaryCategory subjectDescription raisedAt } }
  }
}`;

const PEER_CHRONOLOGY = `query Chronology($organisationId: UUID!, $id: UUID!, $first: Int!) {
  household(organisationId: $organisationId, id: $id) {
    chronologyEntries(first: $first, orderBy: [OCCURRED_AT_DESC, ID_DESC]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind occurredAt summary sourceType sourceId pinned detail } }
    }
  }
}`;

const body = (operationName: string | undefined, query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ ...(operationName ? { operationName } : {}), query, variables });

/** A request body for one of the client's documents (the gateway's side of a scenario). */
const bodyOf = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) => body(operationName(document), document.toString(), variables as Record<string, unknown>);

export interface BenchData {
  organisationId: string;
  /** The households read: the densest hundred. */
  households: string[];
  /** Where concerns are raised: other households, each with someone living there. */
  raiseInto: { householdId: string; personId: string }[];
  /** The page sizes of the household view. */
  concernsPage: number;
  chronologyPage: number;
}

export function scenarios(data: BenchData): Scenario[] {
  const { households, concernsPage, chronologyPage } = data;
  const household = (id: string) =>
    bodyOf(HouseholdDocument, {
      id,
      concerns: concernsPage,
      chronology: chronologyPage,
    });
  const chronology = (id: string) =>
    bodyOf(ChronologyDocument, {
      subject: { householdId: id },
      filter: { newestFirst: true },
      first: chronologyPage,
    });
  const concerns = bodyOf(ConcernsDocument, { first: 50 });
  return [
    {
      name: 'household',
      title: `The household view: household, members with their relationships, warnings, ${concernsPage} concerns with their subjects and named people, ${chronologyPage} chronology entries`,
      bodies: {
        gateway: households.map(household),
        floor: households.map(household),
        peer: households.map((id) =>
          body(undefined, PEER_HOUSEHOLD, {
            organisationId: data.organisationId,
            id,
            concerns: concernsPage,
            chronology: chronologyPage,
          }),
        ),
      },
      notes: [],
    },
    {
      name: 'concerns',
      title: 'concerns(first: 50): the organisation’s newest concerns, with their total',
      bodies: {
        gateway: [concerns],
        floor: [concerns],
        peer: [body(undefined, PEER_CONCERNS, { organisationId: data.organisationId, first: 50 })],
      },
      notes: [],
    },
    {
      name: 'chronology',
      title: `A household's chronology, newest first, ${chronologyPage} entries`,
      bodies: {
        gateway: households.map(chronology),
        floor: households.map(chronology),
        peer: households.map((id) =>
          body(undefined, PEER_CHRONOLOGY, {
            organisationId: data.organisationId,
            id,
            first: chronologyPage,
          }),
        ),
      },
      notes: [],
    },
    {
      name: 'raise',
      title: 'raiseConcern: a staff concern about someone in a household (a new idempotency key each)',
      bodies: {
        gateway: data.raiseInto.map(({ householdId, personId }) =>
          bodyOf(RaiseConcernDocument, {
            idempotencyKey: '__KEY__',
            input: {
              urgency: 'ROUTINE',
              categories: ['NEGLECT'],
              subjectDescription: 'A member of the household',
              location: 'At home',
              whatHappened: 'Benchmark: the home was very cold and there was little food.',
              personViews: { status: 'NOT_ASKED', notAskedReason: 'Benchmark' },
              consent: { status: 'NOT_SOUGHT', reason: 'Benchmark' },
              householdId,
              subjectIds: [personId],
            },
          }),
        ),
      },
      notes: [
        'Gateway only: raising a concern is numbering it, its links, chronology, audit and the cumulative check',
        'in one transaction through the services; a hand-written floor would only restate those, and',
        'PostGraphile has no such mutation.',
      ],
    },
  ];
}
