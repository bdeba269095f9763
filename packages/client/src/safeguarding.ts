import type {
  ChronologyFilter,
  ChronologyKind,
  ConcernPersonRole,
  ConcernStatus,
  ExportFormat,
  HouseholdInput,
  HouseholdRole,
  PersonInput,
  RelationshipType,
  RiskLevel,
  TriageDecision,
  TriageInput,
  WarningInput,
  WarningStatus,
  WarningType,
} from '@doorstep/schema';
import { PAGE, type Page } from './connection.js';
import { typed, type TypedDocument } from './operations.js';

/*
 * Typed operations for the safeguarding core: finding a person or household, the household view,
 * triage, warnings, the chronology. The gateway's schema test validates every document here.
 */

// ── Finding a person or household (the concern form's staff mode) ──────────────────────────────

/** A person found by search, as a picker shows them. */
export interface PersonHit {
  id: string;
  displayName: string;
  dateOfBirth: string | null;
  child: boolean | null;
  households: { current: boolean; household: { id: string; address: string } }[];
}

/**
 * Safeguarding leads and champions: people by name or other name, or by the address or tenancy
 * reference of where they live. Best match first; restricted people only for those who may see them.
 */
export const SearchPeople = /* @__PURE__ */ typed<
  { searchPeople: Page<{ score: number; node: PersonHit }> },
  { query: string; first?: number; after?: string | null }
>(
  'SearchPeople',
  () => `query SearchPeople($query: String!, $first: Int, $after: String) {
  searchPeople(query: $query, first: $first, after: $after) {
    ${PAGE}
    edges {
      cursor
      node {
        score
        node {
          id
          displayName
          dateOfBirth
          child
          households {
            current
            household {
              id
              address
            }
          }
        }
      }
    }
  }
}`,
);

export interface HouseholdHit {
  id: string;
  tenancyReference: string;
  address: string;
  members: { person: { id: string; displayName: string; child: boolean | null } }[];
}

/** Safeguarding leads and champions: households by address, postcode, tenancy reference or a resident’s name. */
export const SearchHouseholds = /* @__PURE__ */ typed<
  { searchHouseholds: Page<{ score: number; node: HouseholdHit }> },
  { query: string; first?: number; after?: string | null }
>(
  'SearchHouseholds',
  () => `query SearchHouseholds($query: String!, $first: Int, $after: String) {
  searchHouseholds(query: $query, first: $first, after: $after) {
    ${PAGE}
    edges {
      cursor
      node {
        score
        node {
          id
          tenancyReference
          address
          members {
            person {
              id
              displayName
              child
            }
          }
        }
      }
    }
  }
}`,
);

/** A household as someone about to visit sees it: who lives there, the warnings. Never the concerns. */
export interface VisitHousehold {
  id: string;
  address: string;
  tenancyReference: string;
  members: { id: string; displayName: string }[];
  warnings: {
    id: string;
    type: WarningType;
    description: string;
    reviewDate: string;
    aboutPersonName: string | null;
    signedOff: boolean;
  }[];
}

const VISIT_FIELDS = `id
    address
    tenancyReference
    members {
      id
      displayName
    }
    warnings {
      id
      type
      description
      reviewDate
      aboutPersonName
      signedOff
    }`;

/**
 * Frontline staff and contractors: the households they work with today (their assignments, or the
 * household their widget token is bound to), with who lives there and the warnings. The concern
 * form's staff mode offers these households and members as subjects (`householdId`, `subjectIds`).
 */
export const HouseholdsIWorkWith = /* @__PURE__ */ typed<
  { householdsIWorkWith: VisitHousehold[] },
  Record<string, never>
>(
  'HouseholdsIWorkWith',
  () => `query HouseholdsIWorkWith {
  householdsIWorkWith {
    ${VISIT_FIELDS}
  }
}`,
);

/** One household for a visit (one the caller works with; any, for leads and managers). */
export const VisitHouseholdQuery = /* @__PURE__ */ typed<{ visitHousehold: VisitHousehold }, { id: string }>(
  'VisitHousehold',
  () => `query VisitHousehold($id: ID!) {
  visitHousehold(id: $id) {
    ${VISIT_FIELDS}
  }
}`,
);

// ── The household view (safeguarding leads and champions) ────────────────────────────────────

export interface WarningSummary {
  id: string;
  type: WarningType;
  description: string;
  reviewDate: string;
  status: WarningStatus;
  overdueForReview: boolean;
  subjectName: string | null;
}

export interface ChronologyItem {
  id: string;
  kind: ChronologyKind;
  occurredAt: string;
  summary: string;
  sourceType: string;
  sourceId: string;
  pinned: boolean;
}

export interface HouseholdView {
  id: string;
  tenancyReference: string;
  address: string;
  localAuthorityArea: string;
  tenure: string;
  members: {
    id: string;
    role: HouseholdRole;
    joinedOn: string;
    leftOn: string | null;
    person: {
      id: string;
      displayName: string;
      dateOfBirth: string | null;
      age: number | null;
      child: boolean | null;
      restricted: boolean;
      relationships: { type: RelationshipType; relatedPerson: { id: string; displayName: string } }[];
    };
  }[];
  warnings: WarningSummary[];
  concerns: Page<{
    id: string;
    reference: string;
    status: ConcernStatus;
    urgency: string;
    riskLevel: RiskLevel | null;
    raisedAt: string;
    subjects: { childAtEvent: boolean | null; person: { id: string; displayName: string } }[];
    /** People the concern names who are not on record yet: the team finds or adds their record. */
    namedPeople: { name: string; role: ConcernPersonRole; childAtEvent: boolean | null }[];
  }>;
  chronology: Page<ChronologyItem>;
}

/** The whole household at once: a fixed number of SQL statements however large it is. Audited. */
export const Household = /* @__PURE__ */ typed<
  { household: HouseholdView },
  { id: string; concerns?: number; chronology?: number }
>(
  'Household',
  () => `query Household($id: ID!, $concerns: Int = 20, $chronology: Int = 20) {
  household(id: $id) {
    id
    tenancyReference
    address
    localAuthorityArea
    tenure
    members {
      id
      role
      joinedOn
      leftOn
      person {
        id
        displayName
        dateOfBirth
        age
        child
        restricted
        relationships {
          type
          relatedPerson {
            id
            displayName
          }
        }
      }
    }
    warnings {
      id
      type
      description
      reviewDate
      status
      overdueForReview
      subjectName
    }
    concerns(first: $concerns) {
      ${PAGE}
      edges {
        cursor
        node {
          id
          reference
          status
          urgency
          riskLevel
          raisedAt
          subjects {
            childAtEvent
            person {
              id
              displayName
            }
          }
          namedPeople {
            name
            role
            childAtEvent
          }
        }
      }
    }
    chronology(first: $chronology, filter: { newestFirst: true }) {
      ${PAGE}
      edges {
        cursor
        node {
          id
          kind
          occurredAt
          summary
          sourceType
          sourceId
          pinned
        }
      }
    }
  }
}`,
);

// ── Records ───────────────────────────────────────────────────────────────────────────────────

export const CreateHousehold = /* @__PURE__ */ typed<
  { createHousehold: { id: string; address: string } },
  { idempotencyKey: string; input: HouseholdInput }
>(
  'CreateHousehold',
  () => `mutation CreateHousehold($idempotencyKey: String!, $input: HouseholdInput!) {
  createHousehold(idempotencyKey: $idempotencyKey, input: $input) {
    id
    address
  }
}`,
);

/** Creates a person (optionally into a household) and returns likely duplicates to merge with. */
export const CreatePerson = /* @__PURE__ */ typed<
  {
    createPerson: {
      person: { id: string; displayName: string };
      possibleDuplicates: {
        score: number;
        reasons: string[];
        person: { id: string; displayName: string; dateOfBirth: string | null };
      }[];
    };
  },
  {
    idempotencyKey: string;
    input: {
      person: PersonInput;
      household?: { householdId: string; role: HouseholdRole; joinedOn: string };
    };
  }
>(
  'CreatePerson',
  () => `mutation CreatePerson($idempotencyKey: String!, $input: CreatePersonInput!) {
  createPerson(idempotencyKey: $idempotencyKey, input: $input) {
    person {
      id
      displayName
    }
    possibleDuplicates {
      score
      reasons
      person {
        id
        displayName
        dateOfBirth
      }
    }
  }
}`,
);

export const MergePeople = /* @__PURE__ */ typed<
  { mergePeople: { id: string } },
  { input: { survivorId: string; mergedId: string; reason: string } }
>(
  'MergePeople',
  () => `mutation MergePeople($input: MergePeopleInput!) {
  mergePeople(input: $input) {
    id
  }
}`,
);

// ── Triage ────────────────────────────────────────────────────────────────────────────────────

export const TriageConcern = /* @__PURE__ */ typed<
  {
    triageConcern: {
      id: string;
      status: ConcernStatus;
      triageDecision: TriageDecision;
      riskLevel: RiskLevel;
      version: number;
    };
  },
  { id: string; input: TriageInput }
>(
  'TriageConcern',
  () => `mutation TriageConcern($id: ID!, $input: TriageInput!) {
  triageConcern(id: $id, input: $input) {
    id
    status
    triageDecision
    riskLevel
    version
  }
}`,
);

export const CloseConcern = /* @__PURE__ */ typed<
  { closeConcern: { id: string; status: ConcernStatus; version: number } },
  { id: string; reason: string; expectedVersion?: number }
>(
  'CloseConcern',
  () => `mutation CloseConcern($id: ID!, $reason: String!, $expectedVersion: Int) {
  closeConcern(id: $id, input: { reason: $reason }, expectedVersion: $expectedVersion) {
    id
    status
    version
  }
}`,
);

export const CumulativeFlags = /* @__PURE__ */ typed<
  {
    cumulativeFlags: {
      id: string;
      subjectType: 'PERSON' | 'HOUSEHOLD';
      status: 'OPEN' | 'REVIEWED';
      raisedAt: string;
      person: { id: string; displayName: string } | null;
      household: { id: string; address: string } | null;
      concerns: { id: string; reference: string }[];
    }[];
  },
  { status?: 'OPEN' | 'REVIEWED' }
>(
  'CumulativeFlags',
  () => `query CumulativeFlags($status: FlagStatus) {
  cumulativeFlags(status: $status) {
    id
    subjectType
    status
    raisedAt
    person {
      id
      displayName
    }
    household {
      id
      address
    }
    concerns {
      id
      reference
    }
  }
}`,
);

// ── Warnings ──────────────────────────────────────────────────────────────────────────────────

export const AddWarning = /* @__PURE__ */ typed<
  { addWarning: { id: string; status: WarningStatus } },
  { idempotencyKey: string; input: WarningInput }
>(
  'AddWarning',
  () => `mutation AddWarning($idempotencyKey: String!, $input: WarningInput!) {
  addWarning(idempotencyKey: $idempotencyKey, input: $input) {
    id
    status
  }
}`,
);

export const SignOffWarning = /* @__PURE__ */ typed<
  { signOffWarning: { id: string; status: WarningStatus } },
  { id: string }
>(
  'SignOffWarning',
  () => `mutation SignOffWarning($id: ID!) {
  signOffWarning(id: $id) {
    id
    status
  }
}`,
);

export const WarningsDueForReview = /* @__PURE__ */ typed<
  { warningsDueForReview: Page<WarningSummary> },
  { first?: number; after?: string | null }
>(
  'WarningsDueForReview',
  () => `query WarningsDueForReview($first: Int, $after: String) {
  warningsDueForReview(first: $first, after: $after) {
    ${PAGE}
    edges {
      cursor
      node {
        id
        type
        description
        reviewDate
        status
        overdueForReview
        subjectName
      }
    }
  }
}`,
);

// ── The chronology ────────────────────────────────────────────────────────────────────────────

type Subject = { personId: string; householdId?: never } | { householdId: string; personId?: never };

export const Chronology = /* @__PURE__ */ typed<
  { chronology: Page<ChronologyItem & { detail: Record<string, unknown> }> },
  { subject: Subject; filter?: ChronologyFilter; first?: number; after?: string | null }
>(
  'Chronology',
  () => `query Chronology($subject: ChronologySubjectInput!, $filter: ChronologyFilterInput, $first: Int, $after: String) {
  chronology(subject: $subject, filter: $filter, first: $first, after: $after) {
    ${PAGE}
    edges {
      cursor
      node {
        id
        kind
        occurredAt
        summary
        sourceType
        sourceId
        pinned
        detail
      }
    }
  }
}`,
);

/** The chronology as a file (CSV or JSON) for a review. Audited as an export. */
export const ChronologyExport = /* @__PURE__ */ typed<
  { chronologyExport: { filename: string; contentType: string; entryCount: number; content: string } },
  { subject: Subject; format: ExportFormat; filter?: ChronologyFilter }
>(
  'ChronologyExport',
  () => `query ChronologyExport($subject: ChronologySubjectInput!, $format: ExportFormat!, $filter: ChronologyFilterInput) {
  chronologyExport(subject: $subject, format: $format, filter: $filter) {
    filename
    contentType
    entryCount
    content
  }
}`,
);

export const PinChronologyEntry = /* @__PURE__ */ typed<
  { pinChronologyEntry: { id: string; pinned: boolean } },
  { id: string; pinned: boolean }
>(
  'PinChronologyEntry',
  () => `mutation PinChronologyEntry($id: ID!, $pinned: Boolean!) {
  pinChronologyEntry(id: $id, pinned: $pinned) {
    id
    pinned
  }
}`,
);

/** Every operation above, for the gateway's schema test. */
export const safeguardingOperations: readonly TypedDocument<unknown, unknown>[] = [
  SearchPeople,
  SearchHouseholds,
  HouseholdsIWorkWith,
  VisitHouseholdQuery,
  Household,
  CreateHousehold,
  CreatePerson,
  MergePeople,
  TriageConcern,
  CloseConcern,
  CumulativeFlags,
  AddWarning,
  SignOffWarning,
  WarningsDueForReview,
  Chronology,
  ChronologyExport,
  PinChronologyEntry,
];
