// Recording an entry: a side effect every write makes, so it sits low (docs/architecture.md,
// "Layers"); reading the chronology (chronology.service.ts, chronology.resolver.ts) sits high.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChronologyKind } from '@doorstep/schema';
import type { Caller } from '../../context.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { ChronologyEntry } from './chronology-entry.entity.js';
import { recordRef } from '../../common/keys.js';

/** What a module says happened, for the chronology of the people and household it concerns. */
export interface ChronologyEvent {
  kind: ChronologyKind;
  /**
   * Whose chronology: the caller's organisation, unless the event is another's to keep (an agency's
   * move of a referral goes in the sender's chronology; row-level security allows only that).
   */
  organisationId?: string;
  occurredAt: Date;
  householdId?: string | null;
  personIds?: readonly string[];
  /** The record behind the entry: `Concern`, `Warning`, `CumulativeFlag` … (later `Referral`, `Case`). */
  sourceType: string;
  sourceId: string;
  /** One line, made from codes and references (no free text: free text goes in `detail`). */
  summary: string;
  detail?: Record<string, unknown>;
}

/**
 * Adds an entry to the chronology, in the caller's unit of work: every module that makes an event
 * (a concern, a triage, a warning change; later referrals, case notes, contacts) calls this in the
 * same transaction as the event, so the chronology never misses or invents one.
 */
export function recordChronology(em: EntityManager, caller: Caller, event: ChronologyEvent): ChronologyEntry {
  const identity = caller.identity;
  const organisationId = event.organisationId ?? identity.organisationId;
  return em.create(ChronologyEntry, {
    organisation: em.getReference(Organisation, organisationId),
    kind: event.kind,
    occurredAt: event.occurredAt,
    household: event.householdId ? recordRef(em, Household, organisationId, event.householdId) : null,
    personIds: [...new Set(event.personIds ?? [])],
    sourceType: event.sourceType,
    sourceId: event.sourceId,
    summary: event.summary,
    detail: event.detail ?? {},
    recordedBy: identity.kind === 'staff' ? em.getReference(User, identity.userId) : null,
  });
}
