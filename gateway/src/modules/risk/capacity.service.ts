import type { EntityManager } from '@mikro-orm/postgresql';
import {
  capacityAssessmentInputSchema,
  capacityAssessmentUpdateSchema,
  lacksCapacity,
  type CapacityAssessmentUpdateData,
  type ChronologyKind,
} from '@doorstep/schema';
import { concernVisible } from '../../auth/record-rules.js';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { load } from '../../common/loader.js';
import {
  decodeCursor,
  encodeCursor,
  pageAndTotal,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import { staffOf, type Caller } from '../../context.js';
import { StaleVersionError } from '../../errors.js';
import { visibilityParams } from '../access/visibility.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { Concern } from '../concern/concern.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import {
  CAPACITY,
  findOnConcern,
  findSubject,
  holderFacts,
  ofConcern,
  readOnConcern,
  type Holder,
} from './subject.js';

function apply(a: CapacityAssessment, input: CapacityAssessmentUpdateData) {
  const impaired = input.impairment;
  a.decision = input.decision;
  a.assessedOn = input.assessedOn;
  a.assessorName = input.assessorName;
  a.assessorRole = input.assessorRole;
  a.practicableSteps = input.practicableSteps;
  a.impairment = impaired;
  // Without an impairment the person has capacity: stage 2 answers given anyway are kept as given.
  a.impairmentDetail = impaired ? (input.impairmentDetail ?? null) : null;
  a.canUnderstand = input.canUnderstand ?? null;
  a.canRetain = input.canRetain ?? null;
  a.canUseOrWeigh = input.canUseOrWeigh ?? null;
  a.canCommunicate = input.canCommunicate ?? null;
  a.inabilityBecauseOfImpairment = impaired ? (input.inabilityBecauseOfImpairment ?? null) : null;
  a.reasons = input.reasons;
  a.lacksCapacity = lacksCapacity(input);
  const bi = a.lacksCapacity ? input.bestInterests : undefined;
  a.bestInterestsDecision = bi?.decision ?? null;
  a.bestInterestsDecidedBy = bi?.decidedBy ?? null;
  a.bestInterestsDecidedOn = bi?.decidedOn ?? null;
  a.bestInterestsConsulted = bi?.consulted ?? null;
  a.bestInterestsPersonsWishes = bi?.personsWishes ?? null;
}

/** A chronology entry without free text: the decision and reasons stay on the assessment. */
function chronicle(
  em: EntityManager,
  caller: Caller,
  a: CapacityAssessment,
  holder: Holder,
  kind: ChronologyKind,
) {
  const on = holderFacts(holder);
  recordChronology(em, caller, {
    kind,
    occurredAt: new Date(),
    householdId: on.householdId,
    personIds: [a.person.id],
    sourceType: 'CapacityAssessment',
    sourceId: a.id,
    summary:
      `${on.label}: mental capacity assessment ${kind === 'CAPACITY_ASSESSMENT_RECORDED' ? 'recorded' : 'corrected'}, ` +
      (a.lacksCapacity
        ? 'lacks capacity for the decision (best-interests decision recorded)'
        : 'has capacity for the decision'),
    detail: { ...on.detail, assessedOn: a.assessedOn, lacksCapacity: a.lacksCapacity },
  });
}

/**
 * Records a capacity assessment on a concern or case the caller may see, about someone it is about.
 * Once per idempotency key.
 */
export async function recordCapacityAssessment(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<CapacityAssessment> {
  const { input, idempotencyKey } = parseSubmission(capacityAssessmentInputSchema, rawInput, rawKey);
  const identity = staffOf(caller);
  const { id } = await em.transactional((tx) =>
    exactlyOnce(
      tx,
      caller,
      'recordCapacityAssessment',
      idempotencyKey,
      input,
      async () => {
        const { person, ...holder } = await findSubject(tx, caller, input, input.personId);
        const assessment = tx.create(CapacityAssessment, {
          organisation: tx.getReference(Organisation, identity.organisationId),
          ...holder,
          person,
          recordedBy: tx.getReference(User, identity.userId),
          decision: input.decision,
          assessedOn: input.assessedOn,
          assessorName: input.assessorName,
          assessorRole: input.assessorRole,
          practicableSteps: input.practicableSteps,
          impairment: input.impairment,
          reasons: input.reasons,
          lacksCapacity: false,
        });
        apply(assessment, input);
        chronicle(tx, caller, assessment, holder, 'CAPACITY_ASSESSMENT_RECORDED');
        audit(tx, caller, 'CREATE', 'CapacityAssessment', [assessment.id]);
        await tx.flush();
        return { id: assessment.id };
      },
      async (stored) => {
        const { id: storedId } = stored as { id: string };
        await getCapacityAssessment(tx, caller, storedId);
        return { id: storedId };
      },
    ),
  );
  return em.findOneOrFail(CapacityAssessment, { id });
}

/** One assessment. Audited. */
export const getCapacityAssessment = (
  em: EntityManager,
  caller: Caller,
  id: string,
): Promise<CapacityAssessment> => readOnConcern(em, caller, CAPACITY, id);

/** Corrects an assessment. STALE_VERSION if it changed since the caller loaded it. */
export async function updateCapacityAssessment(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number,
  rawInput: unknown,
): Promise<CapacityAssessment> {
  const input = parseInput(capacityAssessmentUpdateSchema, rawInput);
  return em.transactional(async (tx) => {
    const { record: assessment, holder } = await findOnConcern(tx, caller, CAPACITY, id, true);
    if (assessment.version !== version) throw new StaleVersionError(assessment.version);
    apply(assessment, input);
    assessment.version += 1;
    chronicle(tx, caller, assessment, holder, 'CAPACITY_ASSESSMENT_CHANGED');
    audit(tx, caller, 'UPDATE', 'CapacityAssessment', [assessment.id]);
    await tx.flush();
    return assessment;
  });
}

/** The assessments recorded on a concern the caller has read, oldest first (batched per request). Audited. */
export const capacityAssessmentsOfConcern = (em: EntityManager, caller: Caller, concernId: string) =>
  ofConcern(em, caller, CAPACITY, concernId);

/** The assessments recorded on a case the caller has read, oldest first (batched per request). Audited. */
export const capacityAssessmentsOfCase = (em: EntityManager, caller: Caller, caseId: string) =>
  ofConcern(em, caller, CAPACITY, caseId, 'case');

/** Whether a capacity assessment is recorded on a concern the caller has read (batched per request). */
export function capacityAssessmentRecorded(em: EntityManager, caller: Caller, concernId: string) {
  return load<boolean>(
    em,
    'concern.capacityAssessmentRecorded',
    concernId,
    async (ids) => {
      const rows = await sqlOf(em)<{ concern_id: string }>(
        `select distinct concern_id from capacity_assessment where organisation_id = ? and concern_id = any(?::uuid[])`,
        [caller.identity.organisationId, pgArray(ids)],
      );
      return new Map(rows.map((r) => [r.concern_id, true]));
    },
    false,
  );
}

/**
 * The lead's work list for mental capacity: open concerns (raised or triaged) whose reporter doubted
 * the person's capacity (`mentalCapacityConcern`) and that have no capacity assessment yet, oldest
 * first (waiting longest). Those naming a person restricted from the caller are left out. Audited.
 */
export async function concernsAwaitingCapacityAssessment(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Concern>> {
  const limit = pageSize(args.first);
  const org = caller.identity.organisationId;
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const { rows, total } = await pageAndTotal(sqlOf(em), {
    select: 'c.*',
    from: 'concern c',
    where: `c.organisation_id = ? and c.mental_capacity_concern and c.status <> 'CLOSED'
      and not exists (select 1 from capacity_assessment a where a.organisation_id = c.organisation_id and a.concern_id = c.id)
      and ${concernVisible('c', '?::uuid', '?::uuid')}`,
    params: [org, org, ...visibilityParams(caller)],
    cursor: cursor && { where: '(c.raised_at, c.id) > (?, ?)', params: [cursor.at, cursor.id] },
    orderBy: 'c.raised_at, c.id',
    limit: limit + 1,
  });
  const page = rows.slice(0, limit).map((row) => em.map(Concern, row));
  if (page.length)
    audit(
      em,
      caller,
      'READ',
      'Concern',
      page.map((c) => c.id),
    );
  const edges = page.map((node) => ({ cursor: encodeCursor(node.raisedAt, node.id), node }));
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
