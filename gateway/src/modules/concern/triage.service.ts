import { workingSecondsBetween } from '../../common/working-days.js';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { reasonSchema, type TriageData } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { groupBy, load } from '../../common/loader.js';
import type { Caller } from '../../context.js';
import { BadUserInputError, InvalidTransitionError, StaleVersionError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { checkCumulative } from '../cumulative/cumulative.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { ConcernPerson } from './concern-person.entity.js';
import { ConcernTriage } from './concern-triage.entity.js';
import { Concern } from './concern.entity.js';
import { findConcern } from './concern.service.js';
import { recordKeys } from '../../common/keys.js';

/**
 * The lifecycle (DESIGN.md): RAISED → TRIAGED → CLOSED.
 * - triage: from RAISED, or again from TRIAGED (a re-triage: a new decision and/or risk level, with
 *   its reason; a change of risk level needs `riskChangeReason`). Every triage is kept.
 * - close: from TRIAGED only (a concern needing nothing is triaged NO_FURTHER_ACTION first).
 * - CLOSED is final: a new concern is raised if it comes back.
 * Anything else is INVALID_TRANSITION, and nothing changes.
 *
 * Each change takes a row lock on the concern first (`select … for update`), so two leads triaging
 * the same concern at once are served one after the other: the second sees the first's decision
 * (and needs a reason if it changes the risk level), and both are in the history. A client that
 * sends `expectedVersion` is refused with STALE_VERSION if someone else got there first.
 */

/** The concern, locked for change, if the caller may see it. */
async function lockConcern(em: EntityManager, caller: Caller, id: string): Promise<Concern> {
  const visible = await findConcern(em, caller, id);
  return em.findOneOrFail(
    Concern,
    { id: visible.id },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/** The people a concern is about (subjects) and the alleged sources, for its chronology entries. */
export async function peopleNamed(em: EntityManager, concern: Concern) {
  const links = await em.find(ConcernPerson, { concern }, { fields: ['person', 'role'] });
  return {
    all: links.map((l) => l.person.id),
    subjects: links.filter((l) => l.role === 'SUBJECT').map((l) => l.person.id),
  };
}

const userOf = (em: EntityManager, caller: Caller) =>
  em.getReference(User, caller.identity.kind === 'staff' ? caller.identity.userId : '');

/**
 * Triages a concern (the rules above), in the caller's transaction: the `triageConcern` mutation
 * (referral module) parses the input and wraps this with the referral a decision to REFER sends, so
 * a refused referral leaves the triage unsaved too.
 */
export async function triageConcern(
  tx: EntityManager,
  caller: Caller,
  id: string,
  input: TriageData,
): Promise<Concern> {
  const concern = await lockConcern(tx, caller, id);
  if (input.expectedVersion !== undefined && input.expectedVersion !== concern.version) {
    throw new StaleVersionError(concern.version);
  }
  if (concern.status === 'CLOSED') {
    throw new InvalidTransitionError('A closed concern cannot be triaged again', 'CLOSED', 'TRIAGED');
  }
  const previous = concern.riskLevel ?? null;
  const riskChanged = previous !== null && previous !== input.riskLevel;
  if (riskChanged && !input.riskChangeReason) {
    throw new BadUserInputError([
      {
        field: 'riskChangeReason',
        code: 'required',
        message: `Enter why the risk level changes from ${previous} to ${input.riskLevel}`,
      },
    ]);
  }
  const now = new Date();
  const from = concern.status;
  Object.assign(concern, {
    status: 'TRIAGED',
    triageDecision: input.decision,
    riskLevel: input.riskLevel,
    triageReason: input.reason,
    triagedAt: now,
    triagedBy: userOf(tx, caller),
    version: concern.version + 1,
    // Time to triage (reports): to the first decision, in working time; a re-triage keeps it.
    ...(from === 'RAISED' && { triageWorkingSeconds: workingSecondsBetween(concern.raisedAt, now) }),
  });
  const record = tx.create(ConcernTriage, {
    organisation: tx.getReference(Organisation, caller.identity.organisationId),
    concern,
    decision: input.decision,
    riskLevel: input.riskLevel,
    previousRiskLevel: previous,
    reason: input.reason,
    riskChangeReason: riskChanged ? input.riskChangeReason : null,
    decidedBy: userOf(tx, caller),
    decidedAt: now,
  });
  const people = await peopleNamed(tx, concern);
  const common = {
    occurredAt: now,
    householdId: concern.household?.id ?? null,
    personIds: people.all,
    sourceType: 'Concern',
    sourceId: concern.id,
  };
  recordChronology(tx, caller, {
    ...common,
    kind: 'CONCERN_TRIAGED',
    summary: `Concern ${concern.reference} ${from === 'RAISED' ? 'triaged' : 're-triaged'}: ${input.decision}, risk ${input.riskLevel}`,
    detail: {
      reference: concern.reference,
      decision: input.decision,
      riskLevel: input.riskLevel,
      reason: input.reason,
      triageId: record.id,
    },
  });
  if (riskChanged) {
    recordChronology(tx, caller, {
      ...common,
      kind: 'RISK_LEVEL_CHANGED',
      summary: `Concern ${concern.reference}: risk ${previous} → ${input.riskLevel}`,
      detail: {
        reference: concern.reference,
        from: previous,
        to: input.riskLevel,
        reason: input.riskChangeReason,
      },
    });
  }
  audit(tx, caller, 'UPDATE', 'Concern', [concern.id]);
  await tx.flush();
  if (input.decision === 'MONITOR_LOW_LEVEL') await checkCumulative(tx, caller, concern, people.subjects);
  return concern;
}

export async function closeConcern(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
  expectedVersion?: number | null,
): Promise<Concern> {
  const input = parseInput(reasonSchema, rawInput);
  return em.transactional(async (tx) => {
    const concern = await lockConcern(tx, caller, id);
    if (expectedVersion != null && expectedVersion !== concern.version) {
      throw new StaleVersionError(concern.version);
    }
    if (concern.status !== 'TRIAGED') {
      throw new InvalidTransitionError(
        concern.status === 'RAISED'
          ? 'Triage the concern before closing it (NO_FURTHER_ACTION if nothing is needed)'
          : 'This concern is already closed',
        concern.status,
        'CLOSED',
      );
    }
    const now = new Date();
    Object.assign(concern, {
      status: 'CLOSED',
      closedAt: now,
      closeReason: input.reason,
      closedBy: userOf(tx, caller),
      version: concern.version + 1,
    });
    const people = await peopleNamed(tx, concern);
    recordChronology(tx, caller, {
      kind: 'CONCERN_CLOSED',
      occurredAt: now,
      householdId: concern.household?.id ?? null,
      personIds: people.all,
      sourceType: 'Concern',
      sourceId: concern.id,
      summary: `Concern ${concern.reference} closed`,
      detail: { reference: concern.reference, reason: input.reason },
    });
    audit(tx, caller, 'UPDATE', 'Concern', [concern.id]);
    await tx.flush();
    return concern;
  });
}

/** Every triage of concerns, oldest first (batched per request). */
export function triageHistory(em: EntityManager, concern: Concern): Promise<ConcernTriage[]> {
  return load<ConcernTriage[]>(
    em,
    'concern.triage',
    concern.id,
    async (ids) =>
      groupBy(
        await em.find(
          ConcernTriage,
          { concern: { $in: recordKeys(concern.organisation.id, ids) } },
          { orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }] },
        ),
        (t) => t.concern.id,
      ),
    [],
  );
}
