import { csvFile } from '../../common/csv.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chronologyFilterSchema, type ChronologyFilterData, type ExportFormat } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import {
  decodeCursor,
  pageAndTotal,
  encodeCursor,
  isUuid,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { User } from '../organisation/user.entity.js';
import { personVisibleSql, visibilityParams } from '../access/visibility.js';
import { ChronologyEntry } from './chronology-entry.entity.js';

export type ChronologySubject = { personId: string } | { householdId: string };

/** The SQL that picks a subject's entries the caller may see, narrowed by the filter. */
function selection(caller: Caller, subject: ChronologySubject, filter: ChronologyFilterData) {
  const where: string[] = [];
  const params: unknown[] = [];
  // Entries naming people come through `doorstep_entries_naming` (the GIN index on person_ids; see
  // the search migration for why not `person_ids @> …` directly under row-level security).
  if ('personId' in subject) {
    where.push(`e.id in (select id from doorstep_entries_naming(array[?::uuid]))`);
    params.push(subject.personId);
  } else {
    // The household's own entries, and its members' entries from while they lived there.
    // (Candidates first, as a union of ids, so both halves use their indexes.)
    where.push(`e.id in (select x.id from chronology_entry x where x.household_id = ?
                          union all
                          select n.id from doorstep_entries_naming(
                            array(select m.person_id from household_member m where m.household_id = ?)) n)
      and (e.household_id = ? or exists (
             select 1 from household_member m where m.household_id = ? and m.person_id = any(e.person_ids)
                and m.joined_on <= (e.occurred_at at time zone 'UTC')::date
                and (m.left_on is null or m.left_on >= (e.occurred_at at time zone 'UTC')::date)))`);
    params.push(subject.householdId, subject.householdId, subject.householdId, subject.householdId);
  }
  if (filter.kinds?.length) {
    where.push(`e.kind = any(?::text[])`);
    params.push(pgArray(filter.kinds));
  }
  if (filter.from) {
    where.push(`e.occurred_at >= ?::date`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`e.occurred_at < ?::date + 1`);
    params.push(filter.to);
  }
  if (filter.pinnedOnly) where.push(`e.pinned`);
  // An entry naming a restricted person the caller may not see is left out whole.
  where.push(
    `not exists (select 1 from person p where p.id = any(e.person_ids) and not ${personVisibleSql('p')})`,
  );
  params.push(...visibilityParams(caller));
  return { where: where.join(' and '), params };
}

const auditType = (subject: ChronologySubject) =>
  'personId' in subject ? 'PersonChronology' : 'HouseholdChronology';
const subjectId = (subject: ChronologySubject) =>
  'personId' in subject ? subject.personId : subject.householdId;

/**
 * A page of a person's or household's chronology, oldest first unless `newestFirst`. The caller's
 * services have already checked the subject is theirs to see. Audited as one read of the chronology.
 */
export async function listChronology(
  em: EntityManager,
  caller: Caller,
  subject: ChronologySubject,
  rawFilter: unknown,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<ChronologyEntry>> {
  const filter = parseInput(chronologyFilterSchema, rawFilter ?? {});
  const limit = pageSize(args.first);
  const { where, params } = selection(caller, subject, filter);
  const direction = filter.newestFirst ? 'desc' : 'asc';
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const { rows, total } = await pageAndTotal(sqlOf(em), {
    select: 'e.*',
    from: 'chronology_entry e',
    where,
    params,
    cursor: cursor && {
      where: `(e.occurred_at, e.id) ${filter.newestFirst ? '<' : '>'} (?, ?)`,
      params: [cursor.at, cursor.id],
    },
    orderBy: `e.occurred_at ${direction}, e.id ${direction}`,
    limit: limit + 1,
  });
  const entries = rows.slice(0, limit).map((row) => em.map(ChronologyEntry, row));
  audit(em, caller, 'READ', auditType(subject), [subjectId(subject)]);
  const edges = entries.map((node) => ({ cursor: encodeCursor(node.occurredAt, node.id), node }));
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

/** The most entries one export may hold: narrow by dates beyond this. */
export const EXPORT_MAX_ENTRIES = 20_000;

export interface ChronologyExportData {
  filename: string;
  contentType: string;
  entryCount: number;
  content: string;
}

const EXPORT_COLUMNS = [
  'occurredAt',
  'recordedAt',
  'kind',
  'summary',
  'pinned',
  'sourceType',
  'sourceId',
  'householdId',
  'personIds',
  'detail',
] as const;

function exportRow(e: ChronologyEntry): Record<(typeof EXPORT_COLUMNS)[number], unknown> {
  return {
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    kind: e.kind,
    summary: e.summary,
    pinned: e.pinned,
    sourceType: e.sourceType,
    sourceId: e.sourceId,
    householdId: e.household?.id ?? null,
    personIds: e.personIds.join(' '),
    detail: e.detail,
  };
}

/**
 * The whole chronology (as filtered), oldest first, as CSV or JSON, for safeguarding adults
 * reviews, child safeguarding practice reviews and domestic homicide reviews. Audited as EXPORT.
 */
export async function exportChronology(
  em: EntityManager,
  caller: Caller,
  subject: ChronologySubject,
  format: ExportFormat,
  rawFilter: unknown,
): Promise<ChronologyExportData> {
  const filter = parseInput(chronologyFilterSchema, { ...(rawFilter as object), newestFirst: false });
  const { where, params } = selection(caller, subject, filter);
  const rows = await sqlOf(em)(
    `select e.* from chronology_entry e where ${where} order by e.occurred_at, e.id limit ?`,
    [...params, EXPORT_MAX_ENTRIES + 1],
  );
  if (rows.length > EXPORT_MAX_ENTRIES) {
    throw new BadUserInputError([
      {
        field: 'filter',
        code: 'too_big',
        message: `More than ${EXPORT_MAX_ENTRIES.toLocaleString('en-GB')} entries: export a shorter period`,
      },
    ]);
  }
  const entries = rows.map((row) => em.map(ChronologyEntry, row));
  audit(em, caller, 'EXPORT', auditType(subject), [subjectId(subject)], { reason: format });
  const name = `chronology-${'personId' in subject ? 'person' : 'household'}-${subjectId(subject)}`;
  if (format === 'JSON') {
    return {
      filename: `${name}.json`,
      contentType: 'application/json',
      entryCount: entries.length,
      content: JSON.stringify({ subject, entries: entries.map(exportRow) }, null, 2),
    };
  }
  const cells = entries.map((e) => {
    const row = exportRow(e);
    return EXPORT_COLUMNS.map((c) => row[c]);
  });
  return {
    filename: `${name}.csv`,
    contentType: 'text/csv; charset=utf-8',
    entryCount: entries.length,
    content: csvFile(EXPORT_COLUMNS, cells),
  };
}

/** Marks an entry as a key event (or not). */
export async function pinEntry(
  em: EntityManager,
  caller: Caller,
  id: string,
  pinned: boolean,
): Promise<ChronologyEntry> {
  if (!isUuid(id)) throw new NotFoundError('Chronology entry');
  const [row] = await sqlOf(em)(
    `select e.* from chronology_entry e where e.id = ? and not exists (
       select 1 from person p where p.id = any(e.person_ids) and not ${personVisibleSql('p')})`,
    [id, ...visibilityParams(caller)],
  );
  if (!row) throw new NotFoundError('Chronology entry');
  const entry = em.map(ChronologyEntry, row);
  entry.pinned = pinned;
  entry.pinnedBy =
    pinned && caller.identity.kind === 'staff' ? em.getReference(User, caller.identity.userId) : null;
  audit(em, caller, 'UPDATE', 'ChronologyEntry', [entry.id]);
  await em.flush();
  return entry;
}
