import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { addMonths, isoDateOf } from '@doorstep/schema';
import {
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/auth/identity.js';
import { DEFAULT_PAGE_SIZE } from '../src/common/pagination.js';
import {
  DEMO_HOUSEHOLDS,
  DEMO_ORGANISATIONS,
  DEMO_PEOPLE,
  DEMO_USERS,
  type DemoUser,
} from '../src/db/demo.js';
import type { AuditAction } from '../src/modules/audit/audit-event.entity.js';
import { getSchema } from '../src/schema.js';
import { notPersonLevel, personLevel, spec } from './access-spec.js';
import { newKey, testGateway, user, type GraphQLResult } from './harness.js';
import { createPerson, householdInput, lead, ok, raise } from './records.js';

/**
 * "Every read of person-level data … writes an audit row in the same transaction: who, for which
 * organisation, what action, which record, … request id, time." Driven from the schema and the
 * access spec's `personLevel` classification, like the access matrix: every Query field that can
 * return person-level data is called as someone the spec allows, once for each path through the
 * fields it returns (so one field's audit row cannot stand in for another's), and every record in
 * each answer must be named by an audit row of that request, with the caller and their
 * organisation. A new such query fails until it has a call here; refused reads write no row.
 * Mutations that return person-level data are held to the same rule, since what they answer was
 * read (a row of any action will do: a record just made or changed is audited by that row), and so
 * are retries with the same idempotency key, which answer again from what was stored.
 */

const champion = user('jo');
const manager = user('ana');
const frontline = user('tom');
const contractor = user('gareth');
const officer = user('dee');
const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const person = (givenName: string) => DEMO_PEOPLE.find((p) => p.givenName === givenName)!.id;
const household = (address: string) => DEMO_HOUSEHOLDS.find((h) => h.addressLine1 === address)!.id;
const WALTER = person('Walter');
const KELLY = person('Kelly');
const RYAN = person('Ryan');
const SOPHIE = person('Sophie'); // restricted by Priya
const ALDER = household('4 Alder Court');
const BIRCH = household('12 Birch Road');
const CEDAR = household('7 Cedar Walk');
const ELM = household('21 Elm Row');

interface Tenant {
  tenantRef: string;
  organisationId: string;
}
type Caller = DemoUser | Tenant;
const isTenant = (caller: Caller): caller is Tenant => 'tenantRef' in caller;
const actorsOf = (caller: Caller): readonly Actor[] => (isTenant(caller) ? ['TENANT'] : caller.roles);
const nameOf = (caller: Caller) => (isTenant(caller) ? `tenant ${caller.tenantRef}` : caller.email);
const tenant: Tenant = { tenantRef: 'TEN-AUDIT-1', organisationId: RIVERSIDE };

/** An audit row a call must write besides one per record in its answer. */
interface Row {
  action: AuditAction;
  entityType: string;
  ids: readonly string[];
}

interface Call {
  as: Caller;
  args?: Record<string, unknown>;
  rows?: Row[];
}

/** What the set-up made, for the calls to name. */
interface Records {
  concernId: string;
  referralId: string;
  warningId: string;
  /** A domestic abuse concern about Kelly in doubt of her capacity, with a checklist and an assessment. */
  riskConcernId: string;
  checklistId: string;
  assessmentId: string;
  tenantConcernIds: string[];
  entryId: string;
  caseId: string;
}

/** How to call each Query field that returns person-level data. */
const calls: Record<string, (r: Records) => Call[]> = {
  accessGrants: () => [{ as: lead }],
  chronology: () => [
    {
      as: champion,
      args: { subject: { personId: WALTER } },
      rows: [{ action: 'READ', entityType: 'PersonChronology', ids: [WALTER] }],
    },
    {
      as: lead,
      args: { subject: { householdId: BIRCH } },
      rows: [{ action: 'READ', entityType: 'HouseholdChronology', ids: [BIRCH] }],
    },
  ],
  chronologyExport: () => [
    {
      as: lead,
      args: { subject: { personId: WALTER }, format: 'CSV' },
      rows: [{ action: 'EXPORT', entityType: 'PersonChronology', ids: [WALTER] }],
    },
    {
      as: champion,
      args: { subject: { householdId: BIRCH }, format: 'JSON' },
      rows: [{ action: 'EXPORT', entityType: 'HouseholdChronology', ids: [BIRCH] }],
    },
  ],
  capacityAssessment: (r) => [{ as: champion, args: { id: r.assessmentId } }],
  case: (r) => [{ as: manager, args: { id: r.caseId } }],
  cases: () => [{ as: champion }, { as: lead, args: { filter: { personId: KELLY, status: 'OPEN' } } }],
  caseWorkDue: () => [{ as: lead, args: { withinDays: 60 } }],
  concern: (r) => [
    { as: lead, args: { id: r.concernId } },
    { as: champion, args: { id: r.riskConcernId } },
  ],
  concernsAwaitingCapacityAssessment: () => [{ as: lead }],
  dashChecklist: (r) => [{ as: lead, args: { id: r.checklistId } }],
  concerns: () => [{ as: champion }],
  concernsToTriage: () => [{ as: lead }],
  cumulativeFlags: () => [{ as: lead }],
  feedback: () => [{ as: manager }],
  household: () => [{ as: champion, args: { id: CEDAR } }],
  householdAssignments: () => [{ as: lead }, { as: champion, args: { householdId: BIRCH } }],
  householdsIWorkWith: () => [{ as: frontline }],
  myConcerns: (r) => [
    { as: tenant, rows: [{ action: 'READ', entityType: 'Concern', ids: r.tenantConcernIds }] },
  ],
  person: () => [{ as: champion, args: { id: KELLY } }],
  referral: (r) => [{ as: officer, args: { id: r.referralId } }],
  referralDraft: (r) => [
    {
      as: champion,
      args: { concernId: r.concernId },
      rows: [{ action: 'READ', entityType: 'Concern', ids: [r.concernId] }],
    },
  ],
  referralsReceived: () => [
    { as: officer },
    { as: officer, args: { filter: { status: ['SENT'], senderId: RIVERSIDE, sentFrom: '2026-01-01' } } },
  ],
  referralsSent: () => [
    { as: lead },
    {
      as: lead,
      args: { filter: { status: ['SENT', 'ACKNOWLEDGED'], overdue: false, sentTo: '9999-12-31' } },
    },
  ],
  searchHouseholds: () => [{ as: lead, args: { query: 'Birch' } }],
  searchPeople: () => [{ as: champion, args: { query: 'Price' } }],
  visitHousehold: () => [{ as: contractor, args: { id: ALDER } }],
  warning: (r) => [{ as: manager, args: { id: r.warningId } }],
  warningsAwaitingSignOff: () => [{ as: manager }],
  warningsDueForReview: () => [{ as: champion }],
};

/**
 * How to call a Mutation field that returns person-level data. Most changes can be made once only
 * (a concern is closed once, two records merged once), so `args` makes the variables of each
 * request afresh, first making through the API whatever that request will change: each path
 * through the answer is then a change of its own, as each is a read of its own for queries.
 */
interface MutationCall {
  as: Caller;
  args: () => Promise<Record<string, unknown>>;
  rows?: Row[];
}

const KELLY_DETAILS = { givenName: 'Kelly', familyName: 'Price', dateOfBirth: '1995-04-14' };
const { id: _id, organisationId: _org, ...CEDAR_DETAILS } = DEMO_HOUSEHOLDS.find((h) => h.id === CEDAR)!;
const because = { reason: 'Agreed at the safeguarding meeting.' };
const warningInput = () => ({
  type: 'RISK_TO_STAFF',
  description: 'Dog in the house: ask for it to be shut away before going in.',
  reviewDate: addMonths(isoDateOf(), 1),
  told: { status: 'TOLD', how: 'Told at the door' },
});

/** Someone new at 7 Cedar Walk who may be Kelly Price again: a household and likely duplicates to read. */
const newPerson = async () => (await createPerson(gw, KELLY_DETAILS, { householdId: CEDAR })).person.id;

/** A concern naming people on record (subject and alleged source), one who is not, and a household. */
async function newConcern() {
  const { id } = await raise(gw, {
    subjectIds: [KELLY],
    allegedSourceIds: [RYAN],
    householdId: CEDAR,
    namedPeople: [{ name: 'Jayden', role: 'SUBJECT', description: 'A cousin, about 14' }],
  });
  return id;
}

const triage = { decision: 'OPEN_CASE', riskLevel: 'MEDIUM', reason: 'Needs a case of our own.' };

/** An open case about Kelly Price, opened directly by the lead. */
async function newCase() {
  const data = await ok<{ openCase: { id: string } }>(
    gw,
    `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
    { input: { personIds: [KELLY], desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'To feel safe' } } },
  );
  return data.openCase.id;
}

/** An action of a new case's plan. */
async function newCaseAction() {
  const data = await ok<{ addCaseAction: { id: string } }>(
    gw,
    `mutation($caseId: ID!, $input: CaseActionInput!) { addCaseAction(caseId: $caseId, input: $input) { id } }`,
    { caseId: await newCase(), input: caseAction },
  );
  return data.addCaseAction.id;
}

/** A review of a new case, waiting for sign-off. */
async function newCaseReview() {
  const data = await ok<{ recordCaseReview: { id: string } }>(
    gw,
    `mutation($caseId: ID!, $input: CaseReviewInput!) { recordCaseReview(caseId: $caseId, input: $input) { id } }`,
    { caseId: await newCase(), input: { summary: 'Steady', desiredOutcomesChanged: false } },
  );
  return data.recordCaseReview.id;
}

/** A closed case. */
async function newClosedCase() {
  const id = await newCase();
  await ok(gw, `mutation($id: ID!, $input: CaseClosureInput!) { closeCase(id: $id, input: $input) { id } }`, {
    id,
    input: caseClosure,
  });
  return id;
}

const caseAction = { what: 'Call the GP', who: 'Priya', dueOn: '9999-12-31' };
const caseClosure = { outcomesAsked: true, outcomesAchieved: 'FULLY', riskOutcome: 'REMOVED' };

async function newTriagedConcern() {
  const id = await newConcern();
  await ok(gw, `mutation($id: ID!, $input: TriageInput!) { triageConcern(id: $id, input: $input) { id } }`, {
    id,
    input: triage,
  });
  return id;
}

/** An open cumulative flag on someone new: three low-level concerns about them. */
async function newFlag() {
  const personId = await newPerson();
  for (let i = 0; i < 3; i++) {
    await raise(gw, { urgency: 'LOW_LEVEL', categories: ['CHILD_NEGLECT'], subjectIds: [personId] });
  }
  const [flag] = await gw.sql<{ id: string }>(`select id::text from cumulative_flag where person_id = $1`, [
    personId,
  ]);
  return flag!.id;
}

/** Someone new's membership of 7 Cedar Walk. */
async function newMembership() {
  const personId = await newPerson();
  const [member] = await gw.sql<{ id: string }>(
    `select id::text from household_member where person_id = $1`,
    [personId],
  );
  return member!.id;
}

/** A warning on Kelly Price, waiting for sign-off. */
async function newWarning() {
  const data = await ok<{ addWarning: { id: string } }>(
    gw,
    `mutation($key: String!, $input: WarningInput!) { addWarning(idempotencyKey: $key, input: $input) { id } }`,
    { key: newKey(), input: { ...warningInput(), personId: KELLY } },
    champion,
  );
  return data.addWarning.id;
}

const grant = {
  userId: frontline.id,
  subjectType: 'Person',
  subjectId: SOPHIE,
  reason: 'Covering her visits.',
};

async function newGrant() {
  const data = await ok<{ grantAccess: { id: string } }>(
    gw,
    `mutation($input: GrantAccessInput!) { grantAccess(input: $input) { id } }`,
    { input: grant },
  );
  return data.grantAccess.id;
}

/**
 * A new referral of the concern set up below, moved by the agency through `moves` (acknowledge,
 * accept): its id and version, for the next move.
 */
async function newReferral(concernId: string, moves: ('acknowledgeReferral' | 'acceptReferral')[] = []) {
  const sent = await ok<{ referConcern: { id: string } }>(
    gw,
    `mutation($input: ReferConcernInput!) { referConcern(input: $input) { id } }`,
    { input: referralInput(concernId) },
  );
  const referralId = sent.referConcern.id;
  for (const [i, move] of moves.entries()) {
    await ok(
      gw,
      `mutation($input: ReferralMoveInput!) { ${move}(input: $input) { id } }`,
      { input: { referralId, version: i + 1 } },
      officer,
    );
  }
  return { referralId, version: moves.length + 1 };
}

const referralInput = (concernId: string) => ({
  concernId,
  recipientOrganisationId: NORTHSHIRE,
  reason: 'Needs a care and support assessment.',
  legalBasis: 'CONSENT',
  summary: 'Older man, confused, no heating or food.',
});

const assignment = { userId: frontline.id, householdId: BIRCH, from: '2025-01-01', reason: 'REPAIR_JOB' };

async function newAssignment() {
  const data = await ok<{ assignHousehold: { id: string } }>(
    gw,
    `mutation($input: AssignmentInput!) { assignHousehold(input: $input) { id } }`,
    { input: assignment },
  );
  return data.assignHousehold.id;
}

const MARAC = randomUUID();
/** 24 DASH answers, 14 of them yes: visible high risk. */
const dashInput = () => ({
  assessedOn: isoDateOf(),
  answers: Array.from({ length: 24 }, (_, i) => ({ answer: i < 14 ? 'YES' : 'NO', notes: 'Said so' })),
});
const capacityInput = () => ({
  decision: 'Whether to move to a refuge',
  assessedOn: isoDateOf(),
  assessorName: 'Sam Lee',
  assessorRole: 'Social worker',
  practicableSteps: 'An interpreter and time',
  impairment: true,
  impairmentDetail: 'Acquired brain injury',
  canUnderstand: true,
  canRetain: false,
  canUseOrWeigh: true,
  canCommunicate: true,
  inabilityBecauseOfImpairment: true,
  reasons: 'Could not hold on to the options long enough to weigh them.',
  bestInterests: {
    decision: 'Move to the refuge',
    decidedBy: 'Sam Lee',
    decidedOn: isoDateOf(),
    consulted: 'Her sister and an IMCA',
    personsWishes: 'To be safe and near her sister',
  },
});

async function newChecklist(concernId: string) {
  const data = await ok<{ recordDashChecklist: { id: string } }>(
    gw,
    `mutation($key: String!, $input: DashChecklistInput!) { recordDashChecklist(idempotencyKey: $key, input: $input) { id } }`,
    { key: newKey(), input: { ...dashInput(), concernId, personId: KELLY } },
    champion,
  );
  return data.recordDashChecklist.id;
}

async function newAssessment(concernId: string) {
  const data = await ok<{ recordCapacityAssessment: { id: string } }>(
    gw,
    `mutation($key: String!, $input: CapacityAssessmentInput!) { recordCapacityAssessment(idempotencyKey: $key, input: $input) { id } }`,
    { key: newKey(), input: { ...capacityInput(), concernId, personId: KELLY } },
    champion,
  );
  return data.recordCapacityAssessment.id;
}

/** How to call each Mutation field that returns person-level data. */
const mutationCalls: Record<string, (r: Records) => MutationCall> = {
  addHouseholdMember: () => ({
    as: champion,
    args: async () => ({
      householdId: CEDAR,
      input: {
        personId: (await createPerson(gw, KELLY_DETAILS)).person.id,
        role: 'OCCUPANT',
        joinedOn: '2020-01-01',
      },
    }),
  }),
  addRelationship: () => ({
    as: champion,
    args: async () => ({ input: { personId: await newPerson(), relatedPersonId: KELLY, type: 'SIBLING' } }),
  }),
  addWarning: () => ({
    as: champion,
    args: async () => ({ idempotencyKey: newKey(), input: { ...warningInput(), householdId: BIRCH } }),
  }),
  assignHousehold: () => ({ as: lead, args: async () => ({ input: assignment }) }),
  breakGlass: () => ({
    as: frontline,
    args: async () => ({
      input: { subjectType: 'Household', subjectId: ELM, reason: 'Neighbour rang: shouting, visiting now.' },
    }),
  }),
  openCase: () => ({
    as: champion,
    args: async () => ({
      input: { personIds: [KELLY], desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } },
    }),
  }),
  addCaseAction: () => ({ as: champion, args: async () => ({ caseId: await newCase(), input: caseAction }) }),
  updateCaseAction: () => ({
    as: lead,
    args: async () => ({ id: await newCaseAction(), input: { ...caseAction, status: 'DONE' } }),
  }),
  addCaseNote: () => ({
    as: champion,
    args: async () => ({
      caseId: await newCase(),
      input: { type: 'CALL', occurredAt: new Date(Date.now() - 3600_000).toISOString(), body: 'Rang Kelly' },
    }),
  }),
  recordCaseReview: () => ({
    as: lead,
    args: async () => ({
      caseId: await newCase(),
      input: { summary: 'Going well', desiredOutcomesChanged: false },
    }),
  }),
  signOffCaseReview: () => ({ as: manager, args: async () => ({ id: await newCaseReview() }) }),
  closeCase: () => ({ as: champion, args: async () => ({ id: await newCase(), input: caseClosure }) }),
  reopenCase: () => ({ as: lead, args: async () => ({ id: await newClosedCase(), input: because }) }),
  addCasePerson: () => ({
    as: champion,
    args: async () => ({ caseId: await newCase(), input: { personId: RYAN } }),
  }),
  removeCasePerson: () => ({
    as: lead,
    args: async () => {
      const { openCase } = await ok<{ openCase: { id: string } }>(
        gw,
        `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
        { input: { personIds: [KELLY, RYAN], desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } } },
      );
      return { caseId: openCase.id, input: { personId: RYAN, reason: 'Not part of the work after all' } };
    },
  }),
  changeCaseLeadWorker: () => ({
    as: lead,
    args: async () => ({ caseId: await newCase(), input: { leadWorkerId: champion.id } }),
  }),
  closeConcern: () => ({
    as: champion,
    args: async () => ({ id: await newTriagedConcern(), input: because }),
  }),
  createHousehold: () => ({
    as: champion,
    args: async () => ({ idempotencyKey: newKey(), input: householdInput() }),
  }),
  createPerson: () => ({
    as: champion,
    args: async () => ({
      idempotencyKey: newKey(),
      input: {
        person: KELLY_DETAILS,
        household: { householdId: CEDAR, role: 'OCCUPANT', joinedOn: '2020-01-01' },
      },
    }),
  }),
  endHouseholdAssignment: () => ({ as: lead, args: async () => ({ id: await newAssignment() }) }),
  endHouseholdMembership: () => ({
    as: champion,
    args: async () => ({ memberId: await newMembership(), input: { leftOn: '2024-01-01' } }),
  }),
  endWarning: () => ({ as: champion, args: async () => ({ id: await newWarning(), input: because }) }),
  grantAccess: () => ({ as: lead, args: async () => ({ input: grant }) }),
  linkNamedPerson: () => ({
    as: lead,
    args: async () => {
      const [named] = await gw.sql<{ id: string }>(
        'select id::text from concern_named_person where concern_id = $1',
        [await newConcern()],
      );
      return { id: named!.id, personId: await newPerson() };
    },
  }),
  mergePeople: () => ({
    as: lead,
    args: async () => ({
      input: { survivorId: await newPerson(), mergedId: await newPerson(), reason: 'Same person, twice.' },
    }),
  }),
  pinChronologyEntry: (r) => ({
    as: champion,
    args: async () => ({ id: r.entryId, pinned: true }),
    rows: [{ action: 'UPDATE', entityType: 'ChronologyEntry', ids: [r.entryId] }],
  }),
  referConcern: (r) => ({
    as: champion,
    args: async () => ({
      input: {
        concernId: r.concernId,
        recipientOrganisationId: NORTHSHIRE,
        reason: 'Needs a care and support assessment.',
        legalBasis: 'CONSENT',
        summary: 'Older man, confused, no heating or food.',
        includeWhatWasReported: true,
      },
    }),
  }),
  acknowledgeReferral: (r) => ({
    as: officer,
    args: async () => ({ input: await newReferral(r.concernId) }),
  }),
  acceptReferral: (r) => ({
    as: officer,
    args: async () => ({ input: await newReferral(r.concernId, ['acknowledgeReferral']) }),
  }),
  declineReferral: (r) => ({
    as: officer,
    args: async () => ({
      input: { ...(await newReferral(r.concernId, ['acknowledgeReferral'])), reason: 'Not for us.' },
    }),
  }),
  closeReferral: (r) => ({
    as: officer,
    args: async () => ({
      input: {
        ...(await newReferral(r.concernId, ['acknowledgeReferral', 'acceptReferral'])),
        outcome: 'SIGNPOSTED',
      },
    }),
  }),
  withdrawReferral: (r) => ({
    as: champion,
    args: async () => ({ input: { ...(await newReferral(r.concernId)), reason: 'Sent in error.' } }),
  }),
  sendReferralMessage: (r) => ({
    as: officer,
    args: async () => ({
      input: { referralId: (await newReferral(r.concernId)).referralId, body: 'Who holds the key?' },
    }),
  }),
  recordDashChecklist: (r) => ({
    as: champion,
    args: async () => ({
      idempotencyKey: newKey(),
      input: { ...dashInput(), concernId: r.riskConcernId, personId: KELLY },
    }),
  }),
  updateDashChecklist: (r) => ({
    as: lead,
    args: async () => ({ id: await newChecklist(r.riskConcernId), version: 1, input: dashInput() }),
  }),
  referDashChecklistToMarac: (r) => ({
    as: champion,
    args: async () => ({
      input: {
        checklistId: await newChecklist(r.riskConcernId),
        version: 1,
        recipientOrganisationId: MARAC,
        legalBasis: 'RISK_TO_ADULT',
        legalBasisReason: 'Visible high risk of serious harm',
      },
    }),
  }),
  recordCapacityAssessment: (r) => ({
    as: lead,
    args: async () => ({
      idempotencyKey: newKey(),
      input: { ...capacityInput(), concernId: r.riskConcernId, personId: KELLY },
    }),
  }),
  updateCapacityAssessment: (r) => ({
    as: champion,
    args: async () => ({ id: await newAssessment(r.riskConcernId), version: 1, input: capacityInput() }),
  }),
  restrictPerson: () => ({ as: lead, args: async () => ({ id: await newPerson(), input: because }) }),
  revokeAccessGrant: () => ({ as: lead, args: async () => ({ id: await newGrant() }) }),
  reviewCumulativeFlag: () => ({ as: champion, args: async () => ({ id: await newFlag(), input: because }) }),
  signOffWarning: () => ({ as: manager, args: async () => ({ id: await newWarning() }) }),
  triageConcern: () => ({ as: champion, args: async () => ({ id: await newConcern(), input: triage }) }),
  unrestrictPerson: () => ({
    as: lead,
    args: async () => {
      const id = await newPerson();
      await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
        id,
      });
      return { id, input: because };
    },
  }),
  updateHousehold: () => ({ as: champion, args: async () => ({ id: CEDAR, input: CEDAR_DETAILS }) }),
  updatePerson: () => ({ as: champion, args: async () => ({ id: KELLY, input: KELLY_DETAILS }) }),
  updateWarning: () => ({
    as: champion,
    args: async () => ({ id: await newWarning(), input: warningInput() }),
  }),
};

/** A type that only wraps records (pages, edges, matches): not a record itself. */
const isWrapper = (name: string) => spec[`${name}.*`] === 'envelope' && !(name in personLevel);

/** Every record type reachable from a type through its fields, wrappers looked through. */
function reachable(type: GraphQLNamedType, seen = new Set<string>()): Set<string> {
  if (!isObjectType(type) || seen.has(type.name)) return seen;
  seen.add(type.name);
  for (const field of Object.values(type.getFields())) reachable(getNamedType(field.type), seen);
  return seen;
}

type Operation = 'query' | 'mutation';
const rootFields = (schema: GraphQLSchema, operation: Operation) =>
  Object.values((operation === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields());

/** The Query (or Mutation) fields that can return person-level data. */
const personFields = (schema: GraphQLSchema, operation: Operation) =>
  rootFields(schema, operation)
    .filter((f) => [...reachable(getNamedType(f.type))].some((t) => t in personLevel))
    .map((f) => f.name)
    .sort();

/** Whether the spec lets any of these actors read a field (wrappers: whoever reached them). */
function readable(type: string, field: string, actors: readonly Actor[]) {
  const rule = spec[`${type}.${field}`] ?? spec[`${type}.*`];
  return rule === 'envelope' || (Array.isArray(rule) && actors.some((a) => rule.includes(a)));
}

/** Pages inside an answer are kept small, and so are lists of lists, to stay under the cost limit. */
const PAGE = 3;
const MOST_REPEATS = 100;

/** How many times a field's selection repeats (as the cost limit counts it). */
const repeats = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((a) => a.name === 'first')
    ? PAGE
    : getNamedType(field.type).name.endsWith('Edge')
      ? 1
      : isListType(isNonNullType(field.type) ? field.type.ofType : field.type)
        ? DEFAULT_PAGE_SIZE
        : 1;

/** A field below the top that cannot be asked for without arguments: this test must learn it. */
function needsNoArguments(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>) {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) {
    throw new Error(`${type.name}.${field.name} needs arguments: teach audit-coverage.test.ts to give them`);
  }
  return true;
}

/**
 * What to ask for, one path of objects at a time, so that no other field's audit row can stand in
 * for a missing one: each selection holds every plain field the caller may read of each object on
 * its path, and one object field of the last (or none). Records at the top and one level down are
 * followed further; records below that give their `id` only, as do lists of records (wrapped or
 * not) one level down or inside lists. Pages are of `PAGE`.
 */
function paths(
  type: GraphQLObjectType,
  actors: readonly Actor[],
  level: number,
  repeat: number,
): { path: string; selection: string }[] {
  const record = !isWrapper(type.name);
  if (record && level >= 2)
    return [{ path: '', selection: `{ __typename${type.getFields().id ? ' id' : ''} }` }];
  const fields = Object.values(type.getFields()).filter(
    (f) => readable(type.name, f.name, actors) && needsNoArguments(type, f),
  );
  const page = (f: GraphQLField<unknown, unknown>) =>
    f.args.some((a) => a.name === 'first') ? `(first: ${PAGE})` : '';
  const plain = fields.filter((f) => !isObjectType(getNamedType(f.type)));
  const base = ['__typename', ...plain.map((f) => `${f.name}${page(f)}`)].join(' ');
  const out = [{ path: '', selection: `{ ${base} }` }];
  for (const field of fields) {
    const child = getNamedType(field.type);
    if (!isObjectType(child)) continue;
    const times = repeat * repeats(field);
    const many = repeats(field) > 1 && (level >= 1 || times > MOST_REPEATS);
    const next = !record ? level : many ? 2 : level + 1;
    for (const inner of paths(child, actors, next, times)) {
      out.push({
        path: `.${field.name}${inner.path}`,
        selection: `{ ${base} ${field.name}${page(field)} ${inner.selection} }`,
      });
    }
  }
  return out;
}

/**
 * The documents that call a Query (or Mutation) field with the arguments named `given`, one path
 * each (see `paths`).
 */
function documents(name: string, actors: readonly Actor[], given: readonly string[], operation: Operation) {
  const field = rootFields(schema, operation).find((f) => f.name === name)!;
  const passed = field.args.filter((a) => given.includes(a.name));
  const defs = passed.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const pass = passed.map((a) => `${a.name}: $${a.name}`);
  if (field.args.some((a) => a.name === 'first') && !given.includes('first')) pass.push(`first: ${PAGE}`);
  const type = getNamedType(field.type) as GraphQLObjectType;
  const call = pass.length ? `(${pass.join(', ')})` : '';
  return paths(type, actors, 0, repeats(field)).map(({ path, selection }) => ({
    path: `${name}${path}`,
    document: `${operation} Audited${defs ? `(${defs})` : ''} { ${name}${call} ${selection} }`,
  }));
}

/** The records in an answer that are records of their own, with the level they were found at. */
function recordsIn(value: unknown, level = 0, found: { type: string; id: string; level: number }[] = []) {
  if (Array.isArray(value)) {
    for (const item of value) recordsIn(item, level, found);
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const typeName = object.__typename as string | undefined;
    const record = typeName !== undefined && !isWrapper(typeName);
    const kind = typeName ? personLevel[typeName] : undefined;
    if (kind && 'audit' in kind && typeof object.id === 'string') {
      found.push({ type: kind.audit, id: object.id, level });
    }
    for (const [key, inner] of Object.entries(object)) {
      if (key !== '__typename') recordsIn(inner, record ? level + 1 : level, found);
    }
  }
  return found;
}

interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string;
  actor_kind: string;
  actor_user_id: string | null;
  actor_ref: string;
}

let gw: Awaited<ReturnType<typeof testGateway>>;
let schema: GraphQLSchema;
let records: Records;

/** Sends one document as a caller; the audit rows its request wrote. */
async function send(document: string, as: Caller, args: Record<string, unknown>) {
  const auth = isTenant(as) ? { token: await gw.tenantToken(as.tenantRef, as.organisationId) } : as;
  const result: GraphQLResult = await gw.graphql(document, args, auth);
  const rows = await gw.sql<AuditRow>(
    `select action, entity_type, entity_id::text, organisation_id::text, actor_kind, actor_user_id::text, actor_ref
       from audit_event where request_id = $1 order by id`,
    [result.headers.get('x-request-id')],
  );
  return { result, rows };
}

/** A Query field with its top-level plain fields only, as an allowed caller (`shape`) would ask. */
const plainly = (name: string, shape: Caller, as: Caller, args: Record<string, unknown> = {}) =>
  send(documents(name, actorsOf(shape), Object.keys(args), 'query')[0]!.document, as, args);

beforeAll(async () => {
  gw = await testGateway();
  schema = await getSchema();
  const [concern] = await gw.sql<{ id: string }>(
    `select id from concern where subject_description like 'Older man living alone%'`,
  );
  // Three low-level concerns about one person: a cumulative flag, with the concerns behind it.
  for (let i = 0; i < 3; i++) {
    await raise(gw, {
      urgency: 'LOW_LEVEL',
      categories: ['CHILD_NEGLECT'],
      subjectIds: [KELLY],
      householdId: CEDAR,
    });
  }
  const referral = await ok<{ referConcern: { id: string } }>(
    gw,
    `mutation($input: ReferConcernInput!) { referConcern(input: $input) { id } }`,
    {
      input: {
        concernId: concern!.id,
        recipientOrganisationId: NORTHSHIRE,
        reason: 'Needs a care and support assessment.',
        legalBasis: 'CONSENT',
        summary: 'Older man, confused, no heating or food.',
      },
    },
  );
  // Domestic abuse risk and capacity: a MARAC; a concern about Kelly with a checklist suggesting a
  // MARAC referral and a capacity assessment; another in doubt of her capacity with none yet.
  await gw.sql(
    `insert into organisation (id, name, kind, agency_type, allowed_origins, created_at)
          values ($1, 'Northshire MARAC', 'AGENCY', 'MARAC', '{}', now())`,
    [MARAC],
  );
  const risk = await raise(gw, {
    subjectIds: [KELLY],
    householdId: CEDAR,
    categories: ['DOMESTIC_ABUSE'],
    mentalCapacityConcern: true,
  });
  await raise(gw, { subjectIds: [KELLY], mentalCapacityConcern: true });
  const checklistId = await newChecklist(risk.id);
  const assessmentId = await newAssessment(risk.id);
  // A grant to report: Tom breaks glass into a household he does not work with.
  await ok(
    gw,
    `mutation($input: BreakGlassInput!) { breakGlass(input: $input) { id } }`,
    {
      input: { subjectType: 'Household', subjectId: ELM, reason: 'Neighbour rang: shouting, visiting now.' },
    },
    frontline,
  );
  // One warning due for review today.
  await gw.sql(`update warning set review_date = current_date where household_id = $1`, [BIRCH]);
  const [warning] = await gw.sql<{ id: string }>(`select id from warning where household_id = $1`, [BIRCH]);
  // A tenant's own concern and named feedback.
  const tenantAuth = { token: await gw.tenantToken(tenant.tenantRef) };
  await ok(
    gw,
    `mutation($key: String!, $input: PublicConcernInput!) { raisePublicConcern(idempotencyKey: $key, input: $input) { reference } }`,
    {
      key: newKey(),
      input: {
        urgency: 'ROUTINE',
        aboutSelf: true,
        subjectDescription: 'Me',
        location: 'My flat',
        whatHappened: 'A man waits on the stairs at night.',
        views: 'Fix the stairs light',
        consent: 'GIVEN',
      },
    },
    tenantAuth,
  );
  await ok(
    gw,
    `mutation($key: String!, $input: FeedbackInput!) { submitFeedback(idempotencyKey: $key, input: $input) { receivedAt } }`,
    {
      key: newKey(),
      input: {
        anonymous: false,
        name: 'Pat Named',
        language: 'en',
        comment: 'They listened.',
        ratings: [{ principle: 'EMPOWERMENT', score: 5 }],
      },
    },
    tenantAuth,
  );
  const mine = await gw.sql<{ id: string }>(`select id::text from concern where reporter_tenant_ref = $1`, [
    tenant.tenantRef,
  ]);
  const [entry] = await gw.sql<{ id: string }>(
    `select id::text from chronology_entry where $1 = any(person_ids) limit 1`,
    [WALTER],
  );
  records = {
    concernId: concern!.id,
    referralId: referral.referConcern.id,
    warningId: warning!.id,
    riskConcernId: risk.id,
    checklistId,
    assessmentId,
    tenantConcernIds: mine.map((m) => m.id),
    entryId: entry!.id,
    caseId: await newCase(),
  };
});
afterAll(() => gw.close());

describe('which queries and mutations return person-level data', () => {
  it('classifies every type with rules of its own as person-level or not, and nothing that is gone', () => {
    const types = Object.values(schema.getTypeMap()).filter(
      (t) =>
        isObjectType(t) &&
        !t.name.startsWith('__') &&
        !['Query', 'Mutation', 'Subscription'].includes(t.name),
    );
    const unclassified = types
      .map((t) => t.name)
      .filter((name) => !isWrapper(name) && !(name in personLevel) && !(name in notPersonLevel));
    expect(unclassified, 'decide in test/access-spec.ts: personLevel or notPersonLevel').toEqual([]);
    const both = Object.keys(personLevel).filter((name) => name in notPersonLevel);
    expect(both).toEqual([]);
    const gone = [...Object.keys(personLevel), ...Object.keys(notPersonLevel)].filter(
      (name) => !isObjectType(schema.getType(name)),
    );
    expect(gone).toEqual([]);
  });

  it('knows how to call every Query field that returns person-level data, and no other', () => {
    const personQueries = personFields(schema, 'query');
    const unknown = personQueries.filter((name) => !(name in calls));
    expect(
      unknown,
      'Query fields returning person-level data with no call in audit-coverage.test.ts',
    ).toEqual([]);
    const stale = Object.keys(calls).filter((name) => !personQueries.includes(name));
    expect(stale, 'calls for Query fields that are gone or return no person-level data').toEqual([]);
    // Every other Query field returns something classified, so "no person-level data" was decided.
    const undecided = rootFields(schema, 'query')
      .filter((f) => !personQueries.includes(f.name))
      .filter((f) => ![...reachable(getNamedType(f.type))].some((t) => t in notPersonLevel))
      .map((f) => f.name);
    expect(undecided).toEqual([]);
  });

  it('knows how to call every Mutation field that returns person-level data, and no other', () => {
    const personMutations = personFields(schema, 'mutation');
    const unknown = personMutations.filter((name) => !(name in mutationCalls));
    expect(
      unknown,
      'Mutation fields returning person-level data with no entry in mutationCalls (audit-coverage.test.ts)',
    ).toEqual([]);
    const stale = Object.keys(mutationCalls).filter((name) => !personMutations.includes(name));
    expect(stale, 'mutationCalls for Mutation fields that are gone or return no person-level data').toEqual(
      [],
    );
  });
});

/** Whether the spec lets a caller call a Query or Mutation field at all. */
function allowed(type: 'Query' | 'Mutation', name: string, as: Caller) {
  const rule = spec[`${type}.${name}`];
  return Array.isArray(rule) && actorsOf(as).some((a) => rule.includes(a));
}

/**
 * What is wrong across many requests. A record returned without its row is kept with the first
 * path (one request) that showed it.
 */
function findings() {
  const problems = new Set<string>();
  const unaudited = new Map<string, string>();
  return {
    problems,
    /**
     * One request's answer against the rows it wrote: each record found in it, and each row `more`
     * expects, must be named by a row with the action wanted (`action`; for a change, any: a record
     * just made or changed is audited by that row), and every row must name the caller and their
     * organisation. The records found; none if the request failed.
     */
    check(
      label: string,
      path: string,
      as: Caller,
      { result, rows }: Awaited<ReturnType<typeof send>>,
      more: readonly Row[],
      action: AuditAction | 'any',
    ) {
      if (result.errors?.length) {
        problems.add(`${label}, ${path}: ${JSON.stringify(result.errors)}`);
        return [];
      }
      const found = recordsIn(result.data);
      const wanted = [
        ...found.map((r) => ({ action, entityType: r.type, id: r.id })),
        ...more.flatMap((row) =>
          row.ids.map((id) => ({ action: row.action, entityType: row.entityType, id })),
        ),
      ];
      for (const want of wanted) {
        const has = rows.some(
          (row) =>
            (want.action === 'any' || row.action === want.action) &&
            row.entity_type === want.entityType &&
            row.entity_id === want.id,
        );
        const missing = `${label}: ${want.entityType} ${want.id} with no ${want.action === 'any' ? '' : `${want.action} `}row`;
        if (!has && !unaudited.has(missing)) unaudited.set(missing, path);
      }
      for (const row of rows) {
        const who = isTenant(as)
          ? row.actor_kind === 'tenant' && row.actor_ref === as.tenantRef && row.actor_user_id === null
          : row.actor_kind === 'staff' && row.actor_user_id === as.id && row.actor_ref === as.id;
        if (!who || row.organisation_id !== as.organisationId) {
          problems.add(
            `${label}, ${path}: a row names the wrong actor or organisation: ${JSON.stringify(row)}`,
          );
        }
      }
      return found;
    },
    all: () => [...problems, ...[...unaudited].map(([missing, path]) => `${missing} (asked for ${path})`)],
  };
}

describe('every read of person-level data', () => {
  it('writes an audit row for each record in the answer: the caller, their organisation, the request', async () => {
    const seen = findings();
    let requests = 0;
    for (const [name, make] of Object.entries(calls)) {
      for (const { as, args = {}, rows: more = [] } of make(records)) {
        const label = `Query.${name}(${JSON.stringify(args)}) as ${nameOf(as)}`;
        if (!allowed('Query', name, as)) {
          seen.problems.add(`${label}: the spec does not allow this caller`);
          continue;
        }
        if (more.some((row) => row.ids.length === 0))
          seen.problems.add(`${label}: expects rows naming no record`);
        let answered = more.length > 0;
        for (const { path, document } of documents(name, actorsOf(as), Object.keys(args), 'query')) {
          const found = seen.check(label, path, as, await send(document, as, args), more, 'READ');
          requests++;
          if (found.some((r) => r.level === 0)) answered = true;
        }
        if (!answered) seen.problems.add(`${label}: returned no record, so proves nothing: set one up`);
      }
    }
    expect(seen.all()).toEqual([]);
    expect(requests).toBeGreaterThan(Object.keys(calls).length * 3);
  }, 120_000);
});

describe('a read that is refused', () => {
  const first = (make: (r: Records) => Call[]) => make(records)[0]!;

  it('writes no audit row when the caller’s role may not read it', async () => {
    const problems: string[] = [];
    for (const [name, make] of Object.entries(calls)) {
      const { as, args } = first(make);
      const allowed = spec[`Query.${name}`] as readonly Actor[];
      const refused = DEMO_USERS.find((u) => !u.roles.some((role) => allowed.includes(role)));
      if (!refused) continue; // every role may call it
      const { result, rows } = await plainly(name, as, refused, args);
      const code = result.errors?.[0]?.extensions?.code;
      if (code !== 'FORBIDDEN') problems.push(`Query.${name} as ${refused.email}: ${code ?? 'answered'}`);
      if (rows.length) problems.push(`Query.${name} as ${refused.email} wrote ${JSON.stringify(rows)}`);
    }
    expect(problems).toEqual([]);
  });

  it('names none of another organisation’s records, and a record it names is not found', async () => {
    const problems: string[] = [];
    for (const [name, make] of Object.entries(calls)) {
      const { as, args = {} } = first(make);
      const allowed = spec[`Query.${name}`] as readonly Actor[];
      // The same call from Hillcrest, which holds none of the records set up here.
      const outsider: Caller | undefined = isTenant(as)
        ? { tenantRef: as.tenantRef, organisationId: HILLCREST }
        : DEMO_USERS.find((u) => u.organisationId === HILLCREST && u.roles.some((r) => allowed.includes(r)));
      if (!outsider) continue; // nobody at Hillcrest may call it at all (agency officers' queries)
      const ours = new Set((await plainly(name, as, as, args)).rows.map((row) => row.entity_id));
      const { result, rows } = await plainly(name, as, outsider, args);
      const code = result.errors?.[0]?.extensions?.code;
      const namesRecord = 'id' in args || 'concernId' in args || 'subject' in args;
      if (namesRecord && code !== 'NOT_FOUND')
        problems.push(`Query.${name} from Hillcrest: ${code ?? 'answered'}`);
      if (!namesRecord && result.errors) problems.push(`Query.${name} from Hillcrest: ${code}`);
      for (const row of rows) {
        if (namesRecord || (row.entity_id && ours.has(row.entity_id)) || row.organisation_id !== HILLCREST) {
          problems.push(`Query.${name} from Hillcrest wrote ${JSON.stringify(row)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes no row for a restricted person the caller holds no grant for', async () => {
    const { result, rows } = await plainly('person', champion, champion, { id: SOPHIE });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(rows).toEqual([]);
  });
});

describe('every change that returns person-level data', () => {
  // One test per mutation: each writes an audit row naming each record in its answer, and a retry
  // with the same key does too.
  for (const [name, make] of Object.entries(mutationCalls)) {
    it(`Mutation.${name}: writes an audit row naming each record in the answer, a retry with the same key too`, async () => {
      const seen = findings();
      const { as, args, rows: more = [] } = make(records);
      const label = `Mutation.${name} as ${nameOf(as)}`;
      if (!allowed('Mutation', name, as)) {
        seen.problems.add(`${label}: the spec does not allow this caller`);
      } else {
        const field = rootFields(schema, 'mutation').find((f) => f.name === name)!;
        // A retry answers again from what was stored: that is a read too.
        const retried = field.args.some((a) => a.name === 'idempotencyKey');
        let answered = more.length > 0;
        // Every argument is declared; each request's variables give those it needs.
        const given = field.args.map((a) => a.name);
        for (const { path, document } of documents(name, actorsOf(as), given, 'mutation')) {
          const variables = await args();
          for (const sending of retried ? [path, `${path} (sent again)`] : [path]) {
            const found = seen.check(label, sending, as, await send(document, as, variables), more, 'any');
            if (found.length) answered = true;
          }
        }
        if (!answered) seen.problems.add(`${label}: returned no person-level record, so proves nothing`);
      }
      expect(seen.all()).toEqual([]);
    }, 60_000);
  }
});
