import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DASH_QUESTIONS,
  dashChecklistInputSchema,
  dashChecklistUpdateSchema,
  dashLevel,
  dashScore,
  dashWindowStart,
  londonDateOf,
  maracCriteria,
  maracReferralInputSchema,
  type ChronologyKind,
  type DashChecklistUpdateData,
  type MaracCriterion,
} from '@doorstep/schema';
import { concernVisible } from '../../auth/record-rules.js';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import { staffOf, type Caller } from '../../context.js';
import { fieldError, InvalidTransitionError, StaleVersionError } from '../../errors.js';
import { visibilityParams } from '../access/visibility.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { findConcern } from '../concern/concern.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import type { Referral, SharedRiskAssessmentSnapshot } from '../referral/referral.entity.js';
import { sendReferral } from '../referral/referral.service.js';
import { DashChecklist } from './dash-checklist.entity.js';
import {
  DASH,
  findOnConcern,
  findSubject,
  holderFacts,
  ofConcern,
  readOnConcern,
  type Holder,
} from './subject.js';

/** The criteria in words, for the prefilled reason and summary of a MARAC referral. */
const CRITERION_WORDS: Record<MaracCriterion, string> = {
  VISIBLE_HIGH_RISK: 'visible high risk (14 or more yes answers)',
  PROFESSIONAL_JUDGEMENT: 'professional judgement',
  POTENTIAL_ESCALATION: 'potential escalation (3 or more incidents in 12 months)',
  REPEAT: 'repeat (referred to MARAC in the last 12 months)',
};

/** The facts Doorstep holds behind the escalation and repeat criteria, as of the day of the assessment. */
async function maracFacts(
  em: EntityManager,
  caller: Caller,
  personId: string,
  assessedOn: string,
  policeCallouts: readonly string[],
): Promise<{ incidents: number; lastMaracReferralAt: Date | null }> {
  const org = caller.identity.organisationId;
  const from = dashWindowStart(assessedOn);
  const sql = sqlOf(em);
  // An incident is a UK day: of a domestic abuse concern about the person (when it happened, or
  // was raised) that the caller may see, or of a police callout recorded on the checklist.
  const [incidents] = await sql<{ n: number }>(
    `select count(distinct day)::int as n from (
       select (coalesce(c.happened_at, c.raised_at) at time zone 'Europe/London')::date as day
         from concern c join concern_person cp on cp.organisation_id = c.organisation_id and cp.concern_id = c.id
        where cp.organisation_id = ? and cp.person_id = ? and cp.role = 'SUBJECT'
          and 'DOMESTIC_ABUSE' = any(c.categories) and ${concernVisible('c', '?::uuid', '?::uuid')}
       union all
       select unnest(?::date[])) d
      where day between ?::date and ?::date`,
    [org, personId, org, ...visibilityParams(caller), pgArray(policeCallouts), from, assessedOn],
  );
  // The last referral naming the person to a MARAC, on or before the day (withdrawn ones aside).
  const [last] = await sql<{ at: Date | null }>(
    `select max(r.sent_at) as at from referral r join organisation o on o.id = r.recipient_organisation_id
      where r.organisation_id = ? and r.person_ids @> array[?::uuid] and o.agency_type = 'MARAC'
        and r.status <> 'WITHDRAWN' and (r.sent_at at time zone 'Europe/London')::date <= ?::date`,
    [org, personId, assessedOn],
  );
  return { incidents: incidents?.n ?? 0, lastMaracReferralAt: last?.at ? new Date(last.at) : null };
}

/** Sets what the practitioner gave, and the score, level and criteria that follow from it. */
async function assess(
  em: EntityManager,
  caller: Caller,
  checklist: DashChecklist,
  input: DashChecklistUpdateData,
) {
  const facts = await maracFacts(em, caller, checklist.person.id, input.assessedOn, input.policeCallouts);
  checklist.assessedOn = input.assessedOn;
  checklist.answers = input.answers.map((a) => ({ answer: a.answer, notes: a.notes ?? null }));
  checklist.score = dashScore(input.answers);
  checklist.level = dashLevel(checklist.score);
  checklist.professionalJudgement = input.professionalJudgement;
  checklist.professionalJudgementReason = input.professionalJudgement
    ? (input.professionalJudgementReason ?? null)
    : null;
  checklist.policeCallouts = [...input.policeCallouts].sort();
  checklist.incidentsInLast12Months = facts.incidents;
  checklist.lastMaracReferralAt = facts.lastMaracReferralAt;
  checklist.maracCriteria = maracCriteria({
    score: checklist.score,
    professionalJudgement: checklist.professionalJudgement,
    incidentsInWindow: facts.incidents,
    lastMaracReferralOn: facts.lastMaracReferralAt ? londonDateOf(facts.lastMaracReferralAt) : null,
    assessedOn: input.assessedOn,
  });
}

/** A chronology entry: codes and numbers only (the notes and reasons are free text). */
function chronicle(
  em: EntityManager,
  caller: Caller,
  checklist: DashChecklist,
  holder: Holder,
  kind: ChronologyKind,
) {
  const criteria = checklist.maracCriteria;
  const on = holderFacts(holder);
  recordChronology(em, caller, {
    kind,
    occurredAt: new Date(),
    householdId: on.householdId,
    personIds: [checklist.person.id],
    sourceType: 'DashChecklist',
    sourceId: checklist.id,
    summary:
      `${on.label}: DASH checklist ${kind === 'DASH_CHECKLIST_RECORDED' ? 'recorded' : 'corrected'}, ` +
      `${checklist.score} of 24 yes (${checklist.level})` +
      (criteria.length ? `; MARAC referral suggested (${criteria.join(', ')})` : ''),
    detail: {
      ...on.detail,
      assessedOn: checklist.assessedOn,
      score: checklist.score,
      level: checklist.level,
      maracCriteria: criteria,
    },
  });
}

/**
 * Records a DASH checklist on a concern or case the caller may see, about someone it is about.
 * Once per idempotency key. The score, level and MARAC criteria are worked out here.
 */
export async function recordDashChecklist(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<DashChecklist> {
  const { input, idempotencyKey } = parseSubmission(dashChecklistInputSchema, rawInput, rawKey);
  const identity = staffOf(caller);
  const { id } = await em.transactional((tx) =>
    exactlyOnce(
      tx,
      caller,
      'recordDashChecklist',
      idempotencyKey,
      input,
      async () => {
        const { person, ...holder } = await findSubject(tx, caller, input, input.personId);
        const checklist = tx.create(DashChecklist, {
          organisation: tx.getReference(Organisation, identity.organisationId),
          ...holder,
          person,
          recordedBy: tx.getReference(User, identity.userId),
          assessedOn: input.assessedOn,
          answers: [],
          score: 0,
          level: 'STANDARD',
          incidentsInLast12Months: 0,
        });
        await assess(tx, caller, checklist, input);
        chronicle(tx, caller, checklist, holder, 'DASH_CHECKLIST_RECORDED');
        audit(tx, caller, 'CREATE', 'DashChecklist', [checklist.id]);
        await tx.flush();
        return { id: checklist.id };
      },
      async (stored) => {
        const { id: storedId } = stored as { id: string };
        await getDashChecklist(tx, caller, storedId);
        return { id: storedId };
      },
    ),
  );
  return em.findOneOrFail(DashChecklist, { id });
}

/** One checklist. Audited. */
export const getDashChecklist = (em: EntityManager, caller: Caller, id: string): Promise<DashChecklist> =>
  readOnConcern(em, caller, DASH, id);

/** A checklist the caller may see, locked for a change. */
async function lockDashChecklist(em: EntityManager, caller: Caller, id: string) {
  const { record, holder } = await findOnConcern(em, caller, DASH, id, true);
  return { checklist: record, holder };
}

/**
 * The concern a MARAC referral from a checklist is of (a referral is always of a concern): the
 * checklist's own, or for a checklist on a case the newest of the case's concerns about its person.
 */
async function concernToRefer(em: EntityManager, caller: Caller, checklist: DashChecklist, holder: Holder) {
  if (holder.concern) return holder.concern;
  const [row] = await sqlOf(em)<{ concern_id: string }>(
    `select cc.concern_id from case_concern cc
       join concern_person cp on cp.organisation_id = cc.organisation_id and cp.concern_id = cc.concern_id
      where cc.organisation_id = ? and cc.case_id = ? and cp.person_id = ? and cp.role = 'SUBJECT'
      order by cc.attached_at desc, cc.id desc limit 1`,
    [caller.identity.organisationId, holder.case.id, checklist.person.id],
  );
  const concern = row ? await findConcern(em, caller, row.concern_id).catch(() => null) : null;
  if (!concern) {
    throw fieldError(
      'checklistId',
      'A MARAC referral is of a concern, and this case holds none about the person you can see. Record the checklist on their concern instead.',
    );
  }
  return concern;
}

const checkVersion = (current: number, expected: number) => {
  if (current !== expected) throw new StaleVersionError(current);
};

const refusedOnceReferred = (checklist: DashChecklist) => {
  if (checklist.maracReferral) {
    throw new InvalidTransitionError(
      'This checklist was referred to a MARAC as it is: record a new checklist instead',
      'REFERRED',
      'REFERRED',
    );
  }
};

/**
 * Corrects a checklist (before it is referred to a MARAC): the criteria are worked out again as of
 * its day. STALE_VERSION if it changed since the caller loaded it.
 */
export async function updateDashChecklist(
  em: EntityManager,
  caller: Caller,
  id: string,
  version: number,
  rawInput: unknown,
): Promise<DashChecklist> {
  const input = parseInput(dashChecklistUpdateSchema, rawInput);
  return em.transactional(async (tx) => {
    const { checklist, holder } = await lockDashChecklist(tx, caller, id);
    checkVersion(checklist.version, version);
    refusedOnceReferred(checklist);
    await assess(tx, caller, checklist, input);
    checklist.version += 1;
    chronicle(tx, caller, checklist, holder, 'DASH_CHECKLIST_CHANGED');
    audit(tx, caller, 'UPDATE', 'DashChecklist', [checklist.id]);
    await tx.flush();
    return checklist;
  });
}

/** The checklists recorded on a concern the caller has read, oldest first (batched per request). Audited. */
export const dashChecklistsOfConcern = (em: EntityManager, caller: Caller, concernId: string) =>
  ofConcern(em, caller, DASH, concernId);

/** The checklists recorded on a case the caller has read, oldest first (batched per request). Audited. */
export const dashChecklistsOfCase = (em: EntityManager, caller: Caller, caseId: string) =>
  ofConcern(em, caller, DASH, caseId, 'case');

/** The checklist as shared with a MARAC: the answers with the questions' words; notes only if chosen. */
function sharedChecklist(checklist: DashChecklist, includeNotes: boolean): SharedRiskAssessmentSnapshot {
  return {
    assessedOn: checklist.assessedOn,
    score: checklist.score,
    level: checklist.level,
    criteria: checklist.maracCriteria,
    professionalJudgementReason: checklist.maracCriteria.includes('PROFESSIONAL_JUDGEMENT')
      ? (checklist.professionalJudgementReason ?? null)
      : null,
    incidentsInLast12Months: checklist.incidentsInLast12Months,
    answers: checklist.answers.map((a, i) => ({
      number: i + 1,
      question: DASH_QUESTIONS[i]!.text,
      answer: a.answer,
      notes: includeNotes ? (a.notes ?? null) : null,
    })),
  };
}

/** The reason and summary a MARAC referral is prefilled with. */
export function maracReferralText(checklist: DashChecklist): { reason: string; summary: string } {
  const criteria = checklist.maracCriteria.map((c) => CRITERION_WORDS[c]).join('; ');
  return {
    reason: `MARAC criteria met: ${criteria}`,
    summary:
      `DASH risk checklist completed ${checklist.assessedOn}: ${checklist.score} of 24 yes (${checklist.level} risk). ` +
      `MARAC criteria met: ${criteria}. Incidents in the 12 months before: ${checklist.incidentsInLast12Months}.`,
  };
}

/**
 * Follows a checklist's MARAC suggestion: refers its concern to a MARAC through the referral
 * lifecycle, sharing the checklist (score, level, criteria, answers; the notes only when chosen;
 * the professional judgement's reason when it is a criterion) under the legal basis given. The
 * checklist is fixed from then on. Refused when no criterion holds (record professional judgement
 * with its reason if the case should still go), for an agency that is not a MARAC, a changed
 * checklist (STALE_VERSION), or one already referred (INVALID_TRANSITION).
 */
export async function referDashChecklistToMarac(
  em: EntityManager,
  caller: Caller,
  raw: unknown,
): Promise<Referral> {
  const input = parseInput(maracReferralInputSchema, raw);
  return em.transactional(async (tx) => {
    const { checklist, holder } = await lockDashChecklist(tx, caller, input.checklistId);
    checkVersion(checklist.version, input.version);
    refusedOnceReferred(checklist);
    if (!checklist.maracCriteria.length) {
      throw fieldError(
        'checklistId',
        'No MARAC criterion holds for this checklist. If you judge it should go to MARAC, record your professional judgement and why.',
      );
    }
    const marac = await tx.findOne(Organisation, {
      id: input.recipientOrganisationId,
      kind: 'AGENCY',
      agencyType: 'MARAC',
    });
    if (!marac)
      throw fieldError('recipientOrganisationId', 'Choose a MARAC from the list of partner agencies');
    const concern = await concernToRefer(tx, caller, checklist, holder);
    const prefilled = maracReferralText(checklist);
    const referral = await sendReferral(
      tx,
      caller,
      concern,
      {
        recipientOrganisationId: marac.id,
        legalBasis: input.legalBasis,
        legalBasisReason: input.legalBasisReason,
        includeWhatWasReported: input.includeWhatWasReported,
        reason: input.reason ?? prefilled.reason,
        summary: input.summary ?? prefilled.summary,
      },
      undefined,
      sharedChecklist(checklist, input.includeNotes),
    );
    checklist.maracReferral = referral;
    checklist.version += 1;
    audit(tx, caller, 'SHARE', 'DashChecklist', [checklist.id], { reason: input.legalBasis });
    audit(tx, caller, 'UPDATE', 'DashChecklist', [checklist.id]);
    await tx.flush();
    return referral;
  });
}
