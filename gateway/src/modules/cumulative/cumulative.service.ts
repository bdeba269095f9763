import type { EntityManager } from '@mikro-orm/postgresql';
import {
  cumulativeRuleInputSchema,
  DEFAULT_CUMULATIVE_RULE,
  reasonSchema,
  type CumulativeRuleData,
  type FlagStatus,
} from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { isUuid } from '../../common/pagination.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { InvalidTransitionError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { Concern } from '../concern/concern.entity.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import { personVisibleSql, visibilityParams } from '../access/visibility.js';
import { CumulativeFlag, CumulativeFlagConcern, CumulativeRule, Task } from './cumulative.entity.js';
import { recordKey, recordRef } from '../../common/keys.js';

/** How long a lead has to look at a new cumulative-concern flag. */
const TRIAGE_TASK_DAYS = 2;

/** The organisation's rule, or the default (3 low-level concerns within 12 months). */
export async function ruleOf(em: EntityManager, organisationId: string): Promise<CumulativeRuleData> {
  const rule = await em.findOne(CumulativeRule, { organisationId });
  return rule ? { threshold: rule.threshold, windowMonths: rule.windowMonths } : DEFAULT_CUMULATIVE_RULE;
}

/** A safeguarding lead sets the rule. It applies to concerns from now on; flags already raised stay. */
export async function setRule(em: EntityManager, caller: Caller, rawInput: unknown): Promise<CumulativeRule> {
  const input = parseInput(cumulativeRuleInputSchema, rawInput);
  const organisationId = caller.identity.organisationId;
  return em.transactional(async (tx) => {
    const rule =
      (await tx.findOne(CumulativeRule, { organisationId })) ??
      tx.create(CumulativeRule, { organisationId, ...input });
    rule.threshold = input.threshold;
    rule.windowMonths = input.windowMonths;
    rule.updatedAt = new Date();
    rule.updatedBy = caller.identity.kind === 'staff' ? tx.getReference(User, caller.identity.userId) : null;
    audit(tx, caller, 'UPDATE', 'CumulativeRule', [organisationId]);
    await tx.flush();
    return rule;
  });
}

/** The rule as a record, for reading (the default when none was set). */
export async function getRule(em: EntityManager, caller: Caller): Promise<CumulativeRule> {
  const organisationId = caller.identity.organisationId;
  const rule = await em.findOne(CumulativeRule, { organisationId });
  if (rule) return rule;
  const shown = new CumulativeRule();
  Object.assign(shown, { organisationId, ...DEFAULT_CUMULATIVE_RULE, updatedAt: null });
  return shown;
}

type Subject = { type: 'PERSON'; id: string } | { type: 'HOUSEHOLD'; id: string };

/**
 * Checks the cumulative rule for the subjects of a concern just stored or triaged as low-level, in
 * the same transaction. For each subject (person the concern is about, and its household), under a
 * transaction-scoped advisory lock on that subject, so concerns arriving at the same moment are
 * counted one after another (each sees those committed before it):
 * - low-level concerns about the subject within the window, not yet behind one of its flags, are
 *   counted;
 * - if the subject has an OPEN flag, they join it (no second flag for the same crossing);
 * - otherwise, when they reach the threshold, a flag is raised, linked to them, with a triage task
 *   and a chronology entry. Exactly once per crossing; a partial unique index backs this up.
 */
export async function checkCumulative(
  em: EntityManager,
  caller: Caller,
  concern: Concern,
  subjectPersonIds: readonly string[],
): Promise<CumulativeFlag[]> {
  const subjects: Subject[] = [
    ...subjectPersonIds.map((id) => ({ type: 'PERSON' as const, id })),
    ...(concern.household ? [{ type: 'HOUSEHOLD' as const, id: concern.household.id }] : []),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // one lock order: no deadlocks
  if (subjects.length === 0) return [];
  await em.flush(); // the concern and its people must be visible to the counts below
  const sql = sqlOf(em);
  const organisationId = caller.identity.organisationId;
  const rule = await ruleOf(em, organisationId);
  const raised: CumulativeFlag[] = [];
  for (const subject of subjects) {
    await sql(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`doorstep:cumulative:${subject.id}`]);
    const column = subject.type === 'PERSON' ? 'person_id' : 'household_id';
    const about =
      subject.type === 'PERSON'
        ? `exists (select 1 from concern_person cp where cp.concern_id = c.id and cp.person_id = ? and cp.role = 'SUBJECT')`
        : `c.household_id = ?`;
    const pending = await sql<{ id: string }>(
      `select c.id from concern c
        where ${about}
          and (c.urgency = 'LOW_LEVEL' or c.triage_decision = 'MONITOR_LOW_LEVEL')
          and c.raised_at > now() - make_interval(months => ?)
          and not exists (select 1 from cumulative_flag_concern fc join cumulative_flag f on f.id = fc.flag_id
                           where fc.concern_id = c.id and f.${column} = ?)
        order by c.raised_at, c.id`,
      [subject.id, rule.windowMonths, subject.id],
    );
    if (pending.length === 0) continue;
    const open = await em.findOne(CumulativeFlag, {
      [subject.type === 'PERSON' ? 'person' : 'household']: recordKey(organisationId, subject.id),
      status: 'OPEN',
    });
    if (!open && pending.length < rule.threshold) continue;
    const flag =
      open ??
      em.create(CumulativeFlag, {
        organisation: em.getReference(Organisation, organisationId),
        subjectType: subject.type,
        person: subject.type === 'PERSON' ? recordRef(em, Person, organisationId, subject.id) : null,
        household: subject.type === 'HOUSEHOLD' ? recordRef(em, Household, organisationId, subject.id) : null,
        threshold: rule.threshold,
        windowMonths: rule.windowMonths,
      });
    for (const { id } of pending) {
      em.create(CumulativeFlagConcern, {
        organisation: flag.organisation,
        flag,
        concern: recordRef(em, Concern, organisationId, id),
      });
    }
    if (!open) {
      const now = new Date();
      em.create(Task, {
        organisation: flag.organisation,
        kind: 'TRIAGE_CUMULATIVE_FLAG',
        sourceType: 'CumulativeFlag',
        sourceId: flag.id,
        dueAt: new Date(now.getTime() + TRIAGE_TASK_DAYS * 24 * 3600 * 1000),
      });
      recordChronology(em, caller, {
        kind: 'CUMULATIVE_FLAG_RAISED',
        occurredAt: now,
        householdId: subject.type === 'HOUSEHOLD' ? subject.id : null,
        personIds: subject.type === 'PERSON' ? [subject.id] : [],
        sourceType: 'CumulativeFlag',
        sourceId: flag.id,
        summary: `Cumulative concern: ${pending.length} low-level concerns within ${rule.windowMonths} months`,
        detail: {
          concernIds: pending.map((p) => p.id),
          threshold: rule.threshold,
          windowMonths: rule.windowMonths,
        },
      });
      audit(em, caller, 'CREATE', 'CumulativeFlag', [flag.id]);
      raised.push(flag);
    }
    await em.flush();
  }
  return raised;
}

/** Flags of the organisation, newest first; those about people restricted from the caller left out. */
export async function listFlags(
  em: EntityManager,
  caller: Caller,
  which: { status?: FlagStatus | null; id?: string },
): Promise<CumulativeFlag[]> {
  const status = which.status ?? null;
  const id = which.id ?? null;
  const rows = await sqlOf(em)(
    `select f.* from cumulative_flag f left join person p on p.id = f.person_id
      where (?::text is null or f.status = ?) and (?::uuid is null or f.id = ?::uuid)
        and (p.id is null or ${personVisibleSql('p')})
      order by f.raised_at desc, f.id desc limit 200`,
    [status, status, id, id, ...visibilityParams(caller)],
  );
  const flags = rows.map((row) => em.map(CumulativeFlag, row));
  if (flags.length)
    audit(
      em,
      caller,
      'READ',
      'CumulativeFlag',
      flags.map((f) => f.id),
    );
  return flags;
}

/** A lead reviews an open flag: it is closed with the reason, and its triage task is done. */
export async function reviewFlag(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
): Promise<CumulativeFlag> {
  const input = parseInput(reasonSchema, rawInput);
  return em.transactional(async (tx) => {
    const [flag] = isUuid(id) ? await listFlags(tx, caller, { id }) : [];
    if (!flag) throw new NotFoundError('Cumulative flag');
    if (flag.status !== 'OPEN') {
      throw new InvalidTransitionError('This flag has already been reviewed', flag.status, 'REVIEWED');
    }
    const me = caller.identity.kind === 'staff' ? tx.getReference(User, caller.identity.userId) : null;
    flag.status = 'REVIEWED';
    flag.reviewedAt = new Date();
    flag.reviewedBy = me;
    flag.reviewReason = input.reason;
    const tasks = await tx.find(Task, { sourceType: 'CumulativeFlag', sourceId: flag.id, status: 'OPEN' });
    for (const task of tasks) Object.assign(task, { status: 'DONE', doneAt: new Date(), doneBy: me });
    recordChronology(tx, caller, {
      kind: 'CUMULATIVE_FLAG_REVIEWED',
      occurredAt: new Date(),
      householdId: flag.household?.id ?? null,
      personIds: flag.person ? [flag.person.id] : [],
      sourceType: 'CumulativeFlag',
      sourceId: flag.id,
      summary: 'Cumulative concern reviewed',
      detail: { reason: input.reason },
    });
    audit(tx, caller, 'UPDATE', 'CumulativeFlag', [flag.id]);
    await tx.flush();
    return flag;
  });
}

/** Open (or done) tasks of the organisation, oldest due first. */
export async function listTasks(
  em: EntityManager,
  status: 'OPEN' | 'DONE' | null | undefined,
): Promise<Task[]> {
  return em.find(Task, status ? { status } : {}, { orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], limit: 200 });
}
