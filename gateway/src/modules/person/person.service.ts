import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  createPersonInputSchema,
  INVERSE_RELATIONSHIP,
  mergePeopleInputSchema,
  personInputSchema,
  reasonSchema,
  relationshipInputSchema,
  type PersonData,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { exactlyOnce } from '../../common/idempotency.js';
import { forgetLoaded, groupBy, load } from '../../common/loader.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { isUuid } from '../../common/pagination.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { BadUserInputError, InvalidTransitionError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { findHousehold, joinHousehold } from '../household/household.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person, PersonRelationship } from './person.entity.js';
import { hiddenAmong, personVisibleSql, userIdOf, visibilityParams } from '../access/visibility.js';
import { recordKeys } from '../../common/keys.js';

const fieldsOf = (input: PersonData) => ({
  givenName: input.givenName,
  familyName: input.familyName,
  otherNames: input.otherNames,
  dateOfBirth: input.dateOfBirth ?? null,
  pronouns: input.pronouns ?? null,
  preferredLanguage: input.preferredLanguage ?? null,
  communicationNeeds: input.communicationNeeds ?? null,
  interpreterNeeded: input.interpreterNeeded,
  interpreterLanguage: input.interpreterNeeded
    ? (input.interpreterLanguage ?? input.preferredLanguage ?? null)
    : null,
  vulnerabilityFactors: input.vulnerabilityFactors,
  advocate: input.advocate ?? null,
});

/** One person the caller may see, merged-away records (tombstones) included. Audited. */
export async function getPerson(em: EntityManager, caller: Caller, id: string): Promise<Person> {
  const person = isUuid(id) ? await em.findOne(Person, { id }) : null;
  if (!person || (await hiddenAmong(em, caller, [person])).has(person.id)) throw new NotFoundError('Person');
  audit(em, caller, 'READ', 'Person', [person.id]);
  return person;
}

/** People by id (batched per request), for relations; anyone restricted from the caller is null. */
export function personById(em: EntityManager, caller: Caller, id: string): Promise<Person | null> {
  return load<Person | null>(
    em,
    'person.byId',
    id,
    async (ids) => {
      const people = await em.find(Person, { id: { $in: [...ids] } });
      const hidden = await hiddenAmong(em, caller, people);
      const visible = people.filter((p) => !hidden.has(p.id));
      if (visible.length)
        audit(
          em,
          caller,
          'READ',
          'Person',
          visible.map((p) => p.id),
        );
      return new Map(visible.map((p) => [p.id, p]));
    },
    null,
  );
}

/** A likely duplicate of a person, with a score from 0 to 1 and why. */
export interface DuplicateCandidate {
  person: Person;
  score: number;
  reasons: string[];
}

/** Scores below this are not shown as likely duplicates. */
export const DUPLICATE_MIN_SCORE = 0.35;

/**
 * Likely duplicates of a person (existing or about to be), ranked: name similarity by trigrams
 * (pg_trgm, over names and other names) weighs most; the same date of birth adds, a different one
 * takes away; living in the same household adds. Restricted people the caller may not see, and
 * merged-away records, are never offered.
 */
export async function findDuplicates(
  em: EntityManager,
  caller: Caller,
  candidate: { id?: string; givenName: string; familyName: string; dateOfBirth?: string | null },
  householdId: string | null,
): Promise<DuplicateCandidate[]> {
  const name = `${candidate.givenName} ${candidate.familyName}`.toLowerCase();
  const dob = candidate.dateOfBirth ?? null;
  const rows = await sqlOf(em)<
    Record<string, unknown> & { name_score: number; same_dob: boolean | null; same_household: boolean }
  >(
    `select p.*,
            greatest(similarity(lower(p.given_name || ' ' || p.family_name), ?),
                     similarity(doorstep_person_search_text(p.given_name, p.family_name, p.other_names), ?)) as name_score,
            (p.date_of_birth = ?::date) as same_dob,
            (?::uuid is not null and exists (select 1 from household_member m
               where m.person_id = p.id and m.household_id = ?::uuid)) as same_household
       from doorstep_similar_people(?, ?::date) s join person p on p.id = s.id
      where p.merged_into_id is null and p.id <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')
        and ${personVisibleSql('p')}`,
    [name, name, dob, householdId, householdId, name, dob, candidate.id ?? null, ...visibilityParams(caller)],
  );
  const found = rows
    .map((row) => {
      const reasons: string[] = [];
      let score = 0.55 * row.name_score;
      if (row.name_score >= 0.3) reasons.push('NAME_SIMILAR');
      if (row.same_dob === true) {
        score += 0.3;
        reasons.push('SAME_DATE_OF_BIRTH');
      } else if (row.same_dob === false) {
        score -= 0.2;
      }
      if (row.same_household) {
        score += 0.15;
        reasons.push('SAME_HOUSEHOLD');
      }
      return { row, score: Math.round(Math.min(Math.max(score, 0), 1) * 100) / 100, reasons };
    })
    .filter((d) => d.score >= DUPLICATE_MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10)
    .map(({ row, score, reasons }) => ({ person: em.map(Person, row), score, reasons }));
  if (found.length)
    audit(
      em,
      caller,
      'READ',
      'Person',
      found.map((d) => d.person.id),
    );
  return found;
}

/**
 * Creates a person (optionally straight into a household), once per idempotency key, and returns
 * them with their likely duplicates so the user can merge at once if it is someone already known.
 */
export async function createPerson(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<{ person: Person; possibleDuplicates: DuplicateCandidate[] }> {
  const { input, idempotencyKey } = parseSubmission(createPersonInputSchema, rawInput, rawKey);
  const { id } = await em.transactional((tx) =>
    exactlyOnce(
      tx,
      caller,
      'createPerson',
      idempotencyKey,
      input,
      async () => {
        const household = input.household
          ? await findHousehold(tx, input.household.householdId).catch(() => {
              throw new BadUserInputError([
                { field: 'household.householdId', code: 'not_found', message: 'No such household' },
              ]);
            })
          : null;
        const person = tx.create(Person, {
          ...fieldsOf(input.person),
          organisation: tx.getReference(Organisation, caller.identity.organisationId),
        });
        audit(tx, caller, 'CREATE', 'Person', [person.id]);
        await tx.flush();
        if (household && input.household) {
          await joinHousehold(tx, caller, household, person, input.household.role, input.household.joinedOn);
        }
        return { id: person.id };
      },
      async (stored) => {
        // A retry is answered with the person as they are now: a read, and only if the caller may
        // still see them (they may have been restricted since).
        const { id: storedId } = stored as { id: string };
        await getPerson(tx, caller, storedId);
        return { id: storedId };
      },
    ),
  );
  const person = await em.findOneOrFail(Person, { id });
  const possibleDuplicates = await findDuplicates(em, caller, person, input.household?.householdId ?? null);
  return { person, possibleDuplicates };
}

/** A person the caller may see and change (not merged away), locked for the change. */
async function lockPerson(em: EntityManager, caller: Caller, id: string, field = 'id'): Promise<Person> {
  const person = isUuid(id)
    ? await em.findOne(Person, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!person || (await hiddenAmong(em, caller, [person])).has(person.id)) {
    if (field === 'id') throw new NotFoundError('Person');
    throw new BadUserInputError([{ field, code: 'not_found', message: 'No such person' }]);
  }
  if (person.mergedInto) {
    throw new InvalidTransitionError(
      'This record was merged into another: change that one',
      'MERGED',
      'CHANGED',
    );
  }
  return person;
}

export async function updatePerson(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
): Promise<Person> {
  const input = parseInput(personInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const person = await lockPerson(tx, caller, id);
    tx.assign(person, fieldsOf(input));
    person.version += 1;
    audit(tx, caller, 'UPDATE', 'Person', [person.id]);
    await tx.flush();
    return person;
  });
}

/**
 * A safeguarding lead restricts a person, with a reason: from now on only they and staff with a
 * grant see them. (Or lifts the restriction, with a reason.)
 */
export async function setRestricted(
  em: EntityManager,
  caller: Caller,
  id: string,
  restricted: boolean,
  rawInput: unknown,
): Promise<Person> {
  const input = parseInput(reasonSchema, rawInput);
  return em.transactional(async (tx) => {
    const person = await lockPerson(tx, caller, id);
    if (person.restricted === restricted) {
      throw new InvalidTransitionError(
        restricted ? 'This person is already restricted' : 'This person is not restricted',
        restricted ? 'RESTRICTED' : 'OPEN',
        restricted ? 'RESTRICTED' : 'OPEN',
      );
    }
    person.restricted = restricted;
    person.restrictedReason = restricted ? input.reason : null;
    person.restrictedBy = restricted ? tx.getReference(User, userIdOf(caller)!) : null;
    person.restrictedAt = restricted ? new Date() : null;
    person.version += 1;
    audit(tx, caller, 'UPDATE', 'Person', [person.id], {
      reason: restricted ? 'RESTRICTED' : 'UNRESTRICTED',
    });
    await tx.flush();
    return person;
  });
}

/** A person's relationships, each row saying what the related person is to them (batched per request). */
export function relationshipsOf(
  em: EntityManager,
  caller: Caller,
  personId: string,
): Promise<PersonRelationship[]> {
  return load<PersonRelationship[]>(
    em,
    'person.relationships',
    personId,
    async (ids) => {
      const rows = await em.find(
        PersonRelationship,
        { person: { $in: recordKeys(caller.identity.organisationId, ids) } },
        { populate: ['relatedPerson'], orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      );
      const hidden = await hiddenAmong(
        em,
        caller,
        rows.map((r) => r.relatedPerson),
      );
      const visible = rows.filter((r) => !hidden.has(r.relatedPerson.id));
      if (visible.length)
        audit(em, caller, 'READ', 'Person', [...new Set(visible.map((r) => r.relatedPerson.id))]);
      return groupBy(visible, (r) => r.person.id);
    },
    [],
  );
}

/** Records how two people are related, with the inverse (B is A's CHILD, so A is B's PARENT). */
export async function addRelationship(
  em: EntityManager,
  caller: Caller,
  rawInput: unknown,
): Promise<PersonRelationship> {
  const input = parseInput(relationshipInputSchema, rawInput);
  try {
    return await em.transactional(async (tx) => {
      const person = await lockPerson(tx, caller, input.personId, 'personId');
      const related = await lockPerson(tx, caller, input.relatedPersonId, 'relatedPersonId');
      const organisation = tx.getReference(Organisation, caller.identity.organisationId);
      const pairId = randomUUID();
      const forward = tx.create(PersonRelationship, {
        organisation,
        person,
        relatedPerson: related,
        type: input.type,
        pairId,
        note: input.note ?? null,
      });
      const inverse = tx.create(PersonRelationship, {
        organisation,
        person: related,
        relatedPerson: person,
        type: INVERSE_RELATIONSHIP[input.type],
        pairId,
        note: input.note ?? null,
      });
      audit(tx, caller, 'CREATE', 'PersonRelationship', [forward.id, inverse.id]);
      await tx.flush();
      return forward;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new BadUserInputError([
        { field: 'type', code: 'exists', message: 'This relationship is already recorded' },
      ]);
    }
    throw error;
  }
}

/** Removes a relationship and its inverse. */
export async function removeRelationship(em: EntityManager, caller: Caller, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const row = isUuid(id) ? await tx.findOne(PersonRelationship, { id }) : null;
    if (!row) throw new NotFoundError('Relationship');
    await lockPerson(tx, caller, row.person.id);
    await lockPerson(tx, caller, row.relatedPerson.id);
    const pair = await tx.find(PersonRelationship, { pairId: row.pairId });
    audit(
      tx,
      caller,
      'UPDATE',
      'PersonRelationship',
      pair.map((r) => r.id),
      { reason: 'REMOVED' },
    );
    tx.remove(pair);
    await tx.flush();
    return true;
  });
}

/**
 * Merges `mergedId` into `survivorId`, keeping both histories on the survivor: concerns, warnings,
 * relationships, household memberships, cumulative flags, grants and chronology entries are
 * re-pointed; gaps in the survivor's details are filled from the other record; other names are
 * joined (the other record's name becomes one of them). The merged-away record is kept as a
 * tombstone pointing at the survivor. Audited on both; a PERSON_MERGED entry in the chronology.
 */
export async function mergePeople(em: EntityManager, caller: Caller, rawInput: unknown): Promise<Person> {
  const input = parseInput(mergePeopleInputSchema, rawInput);
  const survivor = await em.transactional(async (tx) => {
    // Lock in id order, so two merges of the same pair cannot deadlock.
    const [first, second] = [input.survivorId, input.mergedId].sort();
    const locked = new Map<string, Person>();
    for (const id of [first!, second!]) {
      locked.set(id, await lockPerson(tx, caller, id, id === input.survivorId ? 'survivorId' : 'mergedId'));
    }
    const keep = locked.get(input.survivorId)!;
    const gone = locked.get(input.mergedId)!;
    const s = keep.id;
    const m = gone.id;
    const sql = sqlOf(tx);
    // Concerns: one link per person and concern (the survivor's role wins where both are named).
    await sql(
      `delete from concern_person g where g.person_id = ? and exists (
                 select 1 from concern_person k where k.concern_id = g.concern_id and k.person_id = ?)`,
      [m, s],
    );
    await sql(`update concern_person set person_id = ? where person_id = ?`, [s, m]);
    await sql(`update warning set person_id = ? where person_id = ?`, [s, m]);
    // Memberships: an open one duplicating the survivor's in the same household goes.
    await sql(
      `delete from household_member g where g.person_id = ? and g.left_on is null and exists (
                 select 1 from household_member k where k.household_id = g.household_id and k.person_id = ? and k.left_on is null)`,
      [m, s],
    );
    await sql(`update household_member set person_id = ? where person_id = ?`, [s, m]);
    // Relationships: none between the two, none twice.
    await sql(
      `delete from person_relationship where (person_id = ? and related_person_id = ?) or (person_id = ? and related_person_id = ?)`,
      [m, s, s, m],
    );
    await sql(
      `delete from person_relationship g where g.person_id = ? and exists (select 1 from person_relationship k
                 where k.person_id = ? and k.related_person_id = g.related_person_id and k.type = g.type)`,
      [m, s],
    );
    await sql(
      `delete from person_relationship g where g.related_person_id = ? and exists (select 1 from person_relationship k
                 where k.related_person_id = ? and k.person_id = g.person_id and k.type = g.type)`,
      [m, s],
    );
    await sql(`update person_relationship set person_id = ? where person_id = ?`, [s, m]);
    await sql(`update person_relationship set related_person_id = ? where related_person_id = ?`, [s, m]);
    // Cumulative flags: two open flags become one (the survivor's), holding the concerns of both.
    const [open] = await sql<{ id: string }>(
      `select id from cumulative_flag where person_id = ? and status = 'OPEN'`,
      [s],
    );
    if (open) {
      await sql(
        `insert into cumulative_flag_concern (id, organisation_id, flag_id, concern_id)
         select gen_random_uuid(), fc.organisation_id, ?, fc.concern_id from cumulative_flag_concern fc
           join cumulative_flag f on f.id = fc.flag_id
          where f.person_id = ? and f.status = 'OPEN'
            and not exists (select 1 from cumulative_flag_concern x where x.flag_id = ? and x.concern_id = fc.concern_id)`,
        [open.id, m, open.id],
      );
      await sql(
        `update task set status = 'DONE', done_at = now(), done_by_id = ?
                  where source_type = 'CumulativeFlag' and status = 'OPEN'
                    and source_id in (select id from cumulative_flag where person_id = ? and status = 'OPEN')`,
        [userIdOf(caller), m],
      );
      await sql(
        `update cumulative_flag set status = 'REVIEWED', reviewed_at = now(), reviewed_by_id = ?,
                        review_reason = 'Merged into the open flag of the record it was merged into'
                  where person_id = ? and status = 'OPEN'`,
        [userIdOf(caller), m],
      );
    }
    await sql(`update cumulative_flag set person_id = ? where person_id = ?`, [s, m]);
    await sql(`update access_grant set subject_id = ? where subject_type = 'Person' and subject_id = ?`, [
      s,
      m,
    ]);
    await sql(
      `update chronology_entry set person_ids = array(select distinct unnest(array_replace(person_ids, ?::uuid, ?::uuid)))
        where id in (select id from doorstep_entries_naming(array[?::uuid]))`,
      [m, s, m],
    );
    // Details: the survivor's win; gaps are filled from the other record.
    const names = new Set([...keep.otherNames, ...gone.otherNames]);
    const goneName = `${gone.givenName} ${gone.familyName}`;
    if (goneName !== `${keep.givenName} ${keep.familyName}`) names.add(goneName);
    keep.otherNames = [...names].slice(0, 20);
    for (const key of [
      'dateOfBirth',
      'pronouns',
      'preferredLanguage',
      'communicationNeeds',
      'interpreterLanguage',
      'advocate',
    ] as const) {
      if (!keep[key] && gone[key]) keep[key] = gone[key];
    }
    keep.interpreterNeeded ||= gone.interpreterNeeded;
    keep.vulnerabilityFactors = [...new Set([...keep.vulnerabilityFactors, ...gone.vulnerabilityFactors])];
    if (gone.restricted && !keep.restricted) {
      Object.assign(keep, {
        restricted: true,
        restrictedReason: gone.restrictedReason,
        restrictedBy: gone.restrictedBy,
        restrictedAt: gone.restrictedAt,
      });
    }
    keep.version += 1;
    gone.mergedInto = keep;
    gone.mergedAt = new Date();
    gone.version += 1;
    recordChronology(tx, caller, {
      kind: 'PERSON_MERGED',
      occurredAt: new Date(),
      personIds: [s],
      sourceType: 'Person',
      sourceId: m,
      summary: 'Another record of this person was merged into this one',
      detail: { mergedId: m, survivorId: s, reason: input.reason },
    });
    audit(tx, caller, 'UPDATE', 'Person', [s, m], { reason: 'MERGED' });
    await tx.flush();
    return keep;
  });
  forgetLoaded(em);
  return survivor;
}
