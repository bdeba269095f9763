import {
  LoadStrategy,
  LockMode,
  type EntityClass,
  type EntityManager,
  type FilterQuery,
} from '@mikro-orm/postgresql';
import * as z from 'zod';
import {
  closeReferralInputSchema,
  isChildOn,
  referConcernInputSchema,
  referralMoveInputSchema,
  referralMessageInputSchema,
  referralReasonInputSchema,
  receivedReferralsFilterSchema,
  sentReferralsFilterSchema,
  type ChronologyKind,
} from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { groupBy, load } from '../../common/loader.js';
import { isUuid, newestFirst, type ConnectionShape } from '../../common/pagination.js';
import { ukPeriod } from '../../common/uk-days.js';
import { staffOf, type Caller } from '../../context.js';
import { fieldError, InvalidTransitionError, NotFoundError, StaleVersionError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { ConcernPerson } from '../concern/concern-person.entity.js';
import type { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import { addressOf, Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import {
  OPEN_REFERRAL_STATUSES,
  refusal,
  REFERRAL_MOVES,
  type ReferralTarget,
} from './referral-lifecycle.js';
import { recordReferralEvent } from './referral-events.js';
import { ReferralMessage } from './referral-message.entity.js';
import { ReferralMove } from './referral-move.entity.js';
import {
  Referral,
  type SharedInformation,
  type SharedRiskAssessmentSnapshot,
  type SharedSnapshot,
} from './referral.entity.js';
import { overdueWhere, respondByFor } from './response-due.service.js';

/**
 * Refers a concern to a partner agency. What the agency will see is copied now, once: the
 * referrer's summary, what was reported if they choose, the person's views and consent, and who is
 * named (only what identifies and reaches them). Sharing on consent needs the person's recorded
 * consent; without it, the reason is required. Audited as SHARE with the legal basis (and the
 * referral as CREATE), and added to the chronology of everyone named.
 */
export async function referConcern(em: EntityManager, caller: Caller, raw: unknown): Promise<Referral> {
  const input = parseInput(referConcernInputSchema, raw);
  return em.transactional(async (tx) =>
    sendReferral(tx, caller, await findConcern(tx, caller, input.concernId), input),
  );
}

/** What a referral says and shares (`referConcern`'s input without the concern). */
export type ReferralData = Omit<z.output<typeof referConcernInputSchema>, 'concernId'>;

/**
 * Sends a referral of a concern the caller may see, in the caller's transaction (`referConcern`, and
 * a triage decision REFER, and a MARAC referral from a DASH checklist, which adds the checklist to what
 * is shared: `riskAssessment`). A refusal names its field under `at` (`referral.legalBasis` for triage).
 */
export async function sendReferral(
  tx: EntityManager,
  caller: Caller,
  concern: Concern,
  input: ReferralData,
  at?: string,
  riskAssessment?: SharedRiskAssessmentSnapshot,
): Promise<Referral> {
  const identity = staffOf(caller);
  const field = (name: string) => (at ? `${at}.${name}` : name);
  const agency = await tx.findOne(Organisation, { id: input.recipientOrganisationId, kind: 'AGENCY' });
  if (!agency) throw fieldError(field('recipientOrganisationId'), 'Choose a partner agency from the list');
  if (input.legalBasis === 'CONSENT' && concern.consentStatus !== 'GIVEN') {
    throw fieldError(
      field('legalBasis'),
      'The person has not agreed to sharing. Choose the reason sharing without consent is justified.',
    );
  }
  const links = await tx.find(ConcernPerson, { concern }, { populate: ['person'], orderBy: { id: 'asc' } });
  const household = concern.household ? await tx.findOne(Household, { id: concern.household.id }) : null;
  const happened = concern.happenedAt ?? concern.raisedAt;
  const shared: SharedSnapshot = {
    concernReference: concern.reference,
    raisedAt: concern.raisedAt.toISOString(),
    urgency: concern.urgency,
    categories: concern.categories,
    summary: input.summary,
    whatWasReported: input.includeWhatWasReported ? concern.whatHappened : null,
    happenedAt: concern.happenedAt?.toISOString() ?? null,
    where: household ? addressOf(household) : concern.location,
    viewsStatus: concern.viewsStatus,
    views: concern.views ?? null,
    consentStatus: concern.consentStatus,
    people: links.map(({ person, role }) => ({
      role,
      name: `${person.givenName} ${person.familyName}`,
      otherNames: person.otherNames,
      dateOfBirth: person.dateOfBirth ?? null,
      childAtEvent: isChildOn(person.dateOfBirth, happened),
      pronouns: person.pronouns ?? null,
      preferredLanguage: person.preferredLanguage ?? null,
      communicationNeeds: person.communicationNeeds ?? null,
      interpreterNeeded: person.interpreterNeeded,
      vulnerabilityFactors: person.vulnerabilityFactors,
    })),
    ...(riskAssessment ? { riskAssessment } : {}),
  };
  const sentAt = new Date();
  const referral = tx.create(Referral, {
    organisation: tx.getReference(Organisation, identity.organisationId),
    sentAt,
    respondBy: await respondByFor(tx, identity.organisationId, agency.agencyType, sentAt),
    recipientOrganisation: agency,
    concern,
    reason: input.reason,
    legalBasis: input.legalBasis,
    legalBasisReason: input.legalBasisReason ?? null,
    shared,
    household: household ?? null,
    personIds: links.map((l) => l.person.id),
    sentBy: tx.getReference(User, identity.userId),
  });
  audit(tx, caller, 'SHARE', 'Concern', [concern.id], {
    reason: `${input.legalBasis}${input.legalBasisReason ? `: ${input.legalBasisReason}` : ''}`,
  });
  audit(tx, caller, 'CREATE', 'Referral', [referral.id]);
  recordChronology(tx, caller, {
    kind: 'REFERRAL_SENT',
    occurredAt: referral.sentAt,
    householdId: household?.id ?? null,
    personIds: links.map((l) => l.person.id),
    sourceType: 'Referral',
    sourceId: referral.id,
    summary: `Referred ${concern.reference} to ${agency.name} (${input.legalBasis})`,
  });
  await tx.flush();
  await recordReferralEvent(tx, referral, 'SENT', identity.organisationId);
  await tx.populate(referral, ['organisation']);
  return referral;
}

/** What was shared, with the two parties the access rule checks on every field. */
export function sharedOf(referral: Referral): SharedInformation {
  const parties = {
    organisation: referral.organisation,
    recipientOrganisation: referral.recipientOrganisation,
  };
  const s = referral.shared;
  return {
    ...s,
    ...parties,
    raisedAt: new Date(s.raisedAt),
    happenedAt: s.happenedAt ? new Date(s.happenedAt) : null,
    people: s.people.map((p) => ({ ...p, ...parties })),
    riskAssessment: s.riskAssessment
      ? {
          ...s.riskAssessment,
          ...parties,
          answers: s.riskAssessment.answers.map((a) => ({ ...a, ...parties })),
        }
      : null,
  };
}

/** One referral the caller's organisation sent or received; anything else is "not found". Audited. */
export async function getReferral(em: EntityManager, caller: Caller, id: string): Promise<Referral> {
  const org = caller.identity.organisationId;
  const referral = isUuid(id)
    ? await em.findOne(
        Referral,
        { id, $or: [{ organisation: org }, { recipientOrganisation: org }] },
        { populate: ['organisation', 'recipientOrganisation'] },
      )
    : null;
  if (!referral) throw new NotFoundError('Referral');
  audit(em, caller, 'READ', 'Referral', [referral.id]);
  await em.flush();
  return referral;
}

const LIST_FILTERS = {
  sent: z.object({ filter: z.optional(sentReferralsFilterSchema) }),
  received: z.object({ filter: z.optional(receivedReferralsFilterSchema) }),
};

/** The condition a list's filter puts on the referrals of one side (`party`). */
function filtered(
  party: FilterQuery<Referral>,
  filter: z.output<typeof sentReferralsFilterSchema> & z.output<typeof receivedReferralsFilterSchema>,
): FilterQuery<Referral> {
  const { start, end } = ukPeriod({ from: filter.sentFrom, to: filter.sentTo });
  const conditions: FilterQuery<Referral>[] = [
    party,
    ...(filter.status?.length ? [{ status: { $in: filter.status } }] : []),
    ...(typeof filter.overdue === 'boolean' ? [overdueWhere(filter.overdue)] : []),
    ...(start ? [{ sentAt: { $gte: start } }] : []),
    ...(end ? [{ sentAt: { $lt: end } }] : []),
    ...(filter.agencyId ? [{ recipientOrganisation: filter.agencyId }] : []),
    ...(filter.senderId ? [{ organisation: filter.senderId }] : []),
  ];
  return conditions.length === 1 ? party : { $and: conditions };
}

/**
 * Referrals the caller's organisation sent (`sent`) or its agency received (`received`), newest
 * first, filtered (`filter`: by status, overdue, the UK days sent, the other organisation; an id of
 * no such organisation matches nothing). `overdue` is the older argument, `filter.overdue` wins.
 * Reading them is audited.
 */
export async function listReferrals(
  em: EntityManager,
  caller: Caller,
  direction: 'sent' | 'received',
  args: {
    first?: number | null;
    after?: string | null;
    overdue?: boolean | null;
    /** `SentReferralsFilter` or `ReceivedReferralsFilter` (@doorstep/schema), parsed here. */
    filter?: unknown;
  },
): Promise<ConnectionShape<Referral>> {
  const { filter = {} } = parseInput(LIST_FILTERS[direction], { filter: args.filter });
  const org = caller.identity.organisationId;
  const where = filtered(direction === 'sent' ? { organisation: org } : { recipientOrganisation: org }, {
    ...filter,
    overdue: filter.overdue ?? args.overdue ?? undefined,
  });
  const page = await newestFirst(em, Referral, where, 'sentAt', args, {
    populate: ['organisation', 'recipientOrganisation'],
  });
  if (page.edges.length) {
    audit(
      em,
      caller,
      'READ',
      'Referral',
      page.edges.map((e) => e.node.id),
    );
    await em.flush();
  }
  return page;
}

/** The partner agencies a concern can be referred to. */
export function partnerAgencies(em: EntityManager): Promise<Organisation[]> {
  return em.find(Organisation, { kind: 'AGENCY' }, { orderBy: { name: 'asc' } });
}

const INPUT_SCHEMAS = {
  ACKNOWLEDGED: referralMoveInputSchema,
  ACCEPTED: referralMoveInputSchema,
  DECLINED: referralReasonInputSchema,
  CLOSED: closeReferralInputSchema,
  WITHDRAWN: referralReasonInputSchema,
} as const;

/**
 * Moves a referral through its lifecycle (referral-lifecycle.ts says which moves): the agency's
 * officers acknowledge, accept, decline (with a reason) and close (with an outcome) a referral sent
 * to their agency; the sender's leads and champions withdraw (with a reason) one their organisation
 * sent. The caller gives the version they last saw: STALE_VERSION if it has moved since. Each move
 * is recorded (who, when, why), audited in the mover's trail, and added to the sender's chronology
 * of the household and people the referral names. A referral of neither side is "not found".
 */
export async function moveReferral(
  em: EntityManager,
  caller: Caller,
  to: ReferralTarget,
  raw: unknown,
): Promise<Referral> {
  const input = parseInput(INPUT_SCHEMAS[to], raw);
  const identity = staffOf(caller);
  const side = REFERRAL_MOVES[to].by;
  return em.transactional(async (tx) => {
    const referral = await tx.findOne(
      Referral,
      side === 'AGENCY'
        ? { id: input.referralId, recipientOrganisation: identity.organisationId }
        : { id: input.referralId, organisation: identity.organisationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!referral) throw new NotFoundError('Referral');
    if (referral.version !== input.version) throw new StaleVersionError(referral.version);
    const from = referral.status;
    const refused = refusal(from, to, side);
    if (refused) throw new InvalidTransitionError(refused, from, to);
    await tx.populate(referral, ['organisation', 'recipientOrganisation']);
    const mover = await tx.findOneOrFail(User, { id: identity.userId });
    const reason = 'reason' in input ? input.reason : null;
    const outcome = 'outcome' in input ? input.outcome : null;
    const move = tx.create(ReferralMove, {
      organisation: referral.organisation,
      referral,
      from,
      to,
      reason,
      outcome,
      outcomeDetail: 'outcomeDetail' in input ? (input.outcomeDetail ?? null) : null,
      byOrganisation: tx.getReference(Organisation, identity.organisationId),
      byUser: mover,
      byName: mover.name,
    });
    referral.status = to;
    referral.version += 1;
    audit(tx, caller, 'UPDATE', 'Referral', [referral.id], { reason: to });
    recordChronology(tx, caller, {
      kind: `REFERRAL_${to}` as ChronologyKind,
      organisationId: referral.organisation.id,
      occurredAt: move.at,
      householdId: referral.household?.id ?? null,
      personIds: referral.personIds,
      sourceType: 'Referral',
      sourceId: referral.id,
      summary: `${referral.shared.concernReference}: referral to ${referral.recipientOrganisation.name} ${to.toLowerCase()}${outcome ? ` (${outcome})` : ''}`,
      detail: { moveId: move.id, from, to, ...(outcome ? { outcome } : {}) },
    });
    await tx.flush();
    await recordReferralEvent(tx, referral, 'MOVED', identity.organisationId);
    return referral;
  });
}

/**
 * Adds a message to an open referral's thread: the agency's officers on a referral sent to their
 * agency (asking for more information), the sender's leads and champions on one their organisation
 * sent (answering). Only the two organisations read it. Audited as CREATE in the writer's trail; a
 * referral of neither side is "not found", a closed one INVALID_TRANSITION.
 */
export async function sendReferralMessage(
  em: EntityManager,
  caller: Caller,
  raw: unknown,
): Promise<ReferralMessage> {
  const input = parseInput(referralMessageInputSchema, raw);
  const identity = staffOf(caller);
  const sides = [
    ...(identity.roles.includes('AGENCY_OFFICER')
      ? [{ recipientOrganisation: identity.organisationId }]
      : []),
    ...(identity.roles.some((r) => r === 'SAFEGUARDING_LEAD' || r === 'SAFEGUARDING_CHAMPION')
      ? [{ organisation: identity.organisationId }]
      : []),
  ];
  return em.transactional(async (tx) => {
    const referral = sides.length
      ? await tx.findOne(
          Referral,
          { id: input.referralId, $or: sides },
          { populate: ['recipientOrganisation'] },
        )
      : null;
    if (!referral) throw new NotFoundError('Referral');
    if (!OPEN_REFERRAL_STATUSES.includes(referral.status)) {
      throw new InvalidTransitionError(
        `This referral is ${referral.status.toLowerCase()}: messages can be sent only while it is open.`,
        referral.status,
        referral.status,
      );
    }
    const writer = await tx.findOneOrFail(User, { id: identity.userId });
    const message = tx.create(ReferralMessage, {
      organisation: referral.organisation,
      referral,
      body: input.body,
      byOrganisation: tx.getReference(Organisation, identity.organisationId),
      byUser: writer,
      byName: writer.name,
    });
    audit(tx, caller, 'CREATE', 'ReferralMessage', [message.id]);
    await tx.flush();
    await recordReferralEvent(tx, referral, 'MESSAGE', identity.organisationId);
    return message;
  });
}

/**
 * Rows of `entity` belonging to the referrals a request reads, oldest first by `at`, batched: one
 * statement for every referral of a page asked for in the same tick (`load`), whichever
 * organisations sent them.
 */
function ofReferral<T extends ReferralMove | ReferralMessage>(
  em: EntityManager,
  entity: EntityClass<T>,
  at: 'at' | 'sentAt',
  referral: Referral,
): Promise<T[]> {
  return load<T[]>(
    em,
    `referral.${entity.name}`,
    `${referral.organisation.id}/${referral.id}`,
    async (keys) => {
      const rows = (await em.find(
        entity,
        { referral: { $in: keys.map((key) => key.split('/')) } } as unknown as FilterQuery<T>,
        {
          orderBy: [{ [at]: 'asc' }, { id: 'asc' }] as never,
          // The referrals are usually loaded already (the page they are on): no join to read them again.
          populate: ['referral'] as never,
          strategy: LoadStrategy.SELECT_IN,
        },
      )) as T[];
      return groupBy(rows, (row) => `${row.referral.organisation.id}/${row.referral.id}`);
    },
    [],
  );
}

/** The messages on a referral the caller may read (loaded through getReferral or a list), oldest first. */
export function messagesOf(em: EntityManager, referral: Referral): Promise<ReferralMessage[]> {
  return ofReferral(em, ReferralMessage, 'sentAt', referral);
}

/** The moves of a referral the caller may read (it was loaded through getReferral or a list), oldest first. */
export function movesOf(em: EntityManager, referral: Referral): Promise<ReferralMove[]> {
  return ofReferral(em, ReferralMove, 'at', referral);
}
