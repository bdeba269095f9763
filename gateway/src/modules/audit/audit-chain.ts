import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain, one per organisation. Rows are written unsealed (no place, no hash)
 * by many requests at once; the sealer then takes them in order of id, gives each the next place in
 * its organisation's chain and a hash over the row and the previous hash. Sealing after commit
 * keeps requests from queueing on one lock; one sealer runs at a time across every gateway instance
 * (an advisory lock). `verifyAuditTrail` recomputes every chain and names the first row that does
 * not match.
 */

/** The columns that are hashed, as text exactly as PostgreSQL holds them (times to the microsecond). */
const ROW_COLUMNS = `id::text as id,
  to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
  organisation_id::text as organisation_id, actor_kind, actor_user_id::text as actor_user_id, actor_ref,
  action, entity_type, entity_id::text as entity_id, reason, request_id`;

interface AuditRow {
  id: string;
  at: string;
  organisation_id: string;
  actor_kind: string;
  actor_user_id: string | null;
  actor_ref: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  reason: string | null;
  request_id: string;
}

const GENESIS = '0'.repeat(64);

/** The hash of a row at place `seq` after `prev`: SHA-256 over a canonical JSON array. */
export function rowHash(row: AuditRow, seq: string, prev: string): string {
  const canonical = JSON.stringify([
    seq,
    prev,
    row.id,
    row.at,
    row.organisation_id,
    row.actor_kind,
    row.actor_user_id,
    row.actor_ref,
    row.action,
    row.entity_type,
    row.entity_id,
    row.reason,
    row.request_id,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

type Run = <T>(sql: string, params?: unknown[]) => Promise<T[]>;
const runner =
  (em: EntityManager): Run =>
  (sql, params = []) =>
    em.getConnection().execute(sql, params, 'all', em.getTransactionContext());

/** One sealing transaction: how many rows it sealed, and whether an organisation has more waiting. */
interface SealPass {
  sealed: number;
  more: boolean;
}

async function sealOnce(em: EntityManager, batch: number): Promise<SealPass> {
  return em.transactional(async (tx) => {
    const run = runner(tx);
    const [lock] = await run<{ locked: boolean }>(
      `select pg_try_advisory_xact_lock(hashtext('doorstep.audit.seal')) as locked`,
    );
    if (!lock?.locked) return { sealed: 0, more: false };
    // The unsealed rows only, from their partial index (`audit_event_unsealed`): as cheap with a
    // trail of a hundred million rows as with a hundred.
    const organisations = await run<{ organisation_id: string }>(
      `select distinct organisation_id::text from audit_event where chain_seq is null`,
    );
    let sealed = 0;
    let more = false;
    for (const { organisation_id: organisation } of organisations) {
      const [head] = await run<{ seq: string; hash: string }>(
        `select chain_seq::text as seq, hash from audit_event
          where organisation_id = ? and chain_seq is not null order by audit_event.chain_seq desc limit 1`,
        [organisation],
      );
      const rows = await run<AuditRow>(
        `select ${ROW_COLUMNS} from audit_event
          where organisation_id = ? and chain_seq is null order by audit_event.id limit ${Math.trunc(batch)}`,
        [organisation],
      );
      let seq = BigInt(head?.seq ?? 0);
      let prev = head?.hash ?? GENESIS;
      const ids: string[] = [];
      const seqs: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        seq += 1n;
        const hash = rowHash(row, seq.toString(), prev);
        ids.push(row.id);
        seqs.push(seq.toString());
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      if (ids.length) {
        await run(
          `update audit_event a set chain_seq = s.seq, prev_hash = s.prev, hash = s.hash
             from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as s(id, seq, prev, hash)
            where a.organisation_id = ? and a.id = s.id`,
          // Array literals: the values are digits and hex only.
          [...[ids, seqs, prevs, hashes].map((values) => `{${values.join(',')}}`), organisation],
        );
      }
      sealed += ids.length;
      if (rows.length === batch) more = true;
    }
    return { sealed, more };
  });
}

/**
 * Seals unsealed rows, up to `batch` per organisation, in one transaction. Needs an entity manager
 * on the owner's connection (not a request scope). Returns how many rows it sealed; 0 when another
 * sealer holds the lock.
 */
export async function sealAuditTrail(em: EntityManager, batch = 5_000): Promise<number> {
  return (await sealOnce(em, batch)).sealed;
}

/**
 * Seals until every organisation's chain has caught up, or `budgetMs` has passed: a transaction of
 * up to `batch` rows per organisation at a time, giving the event loop a turn between them. What the
 * budget leaves is sealed by the next run. `em` gives a fresh entity manager on the owner's
 * connection for each transaction.
 */
export async function sealUntilCaughtUp(
  em: () => EntityManager,
  { batch = 5_000, budgetMs = 1_500 }: { batch?: number; budgetMs?: number } = {},
): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const { sealed, more } = await sealOnce(em(), batch);
    total += sealed;
    if (!more || Date.now() - started >= budgetMs) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Where each organisation's chain ended when it was last verified: its place and hash. A run of
 * rows removed from the very end of a chain leaves no gap, so only a record of the end kept outside
 * the database (`pnpm audit:verify --checkpoint FILE`) shows that a chain was cut short.
 */
export type ChainHeads = Record<string, { seq: string; hash: string }>;

export interface VerifyResult {
  ok: boolean;
  /** Rows checked, across every organisation. */
  checked: number;
  /** Rows not sealed yet (written in the last moments, or no sealer running). */
  unsealed: number;
  /** Where each organisation's chain ends now (when every chain is intact). */
  heads: ChainHeads;
  /** The first row that breaks its chain. */
  firstBad?: { organisationId: string; id: string | null; chainSeq: string; problem: string };
}

/**
 * Recomputes every organisation's chain from the rows as stored, and, given the heads of an earlier
 * verification, checks each chain still reaches that place with that same row. Reads in pages, so
 * it runs in constant memory over any size of trail.
 */
export async function verifyAuditTrail(
  em: EntityManager,
  { since = {}, page = 10_000 }: { since?: ChainHeads; page?: number } = {},
): Promise<VerifyResult> {
  const run = runner(em);
  const organisations = (
    await run<{ organisation_id: string }>(
      `select distinct organisation_id::text from audit_event where chain_seq is not null order by 1`,
    )
  ).map((row) => row.organisation_id);
  const heads: ChainHeads = {};
  let checked = 0;
  const broken = (
    organisationId: string,
    chainSeq: string,
    problem: string,
    id: string | null = null,
  ): VerifyResult => ({
    ok: false,
    checked,
    unsealed: 0,
    heads: {},
    firstBad: { organisationId, id, chainSeq, problem },
  });

  for (const organisationId of [...new Set([...organisations, ...Object.keys(since).sort()])]) {
    const earlier = since[organisationId];
    let expectedSeq = 1n;
    let prev = GENESIS;
    for (;;) {
      const rows = await run<AuditRow & { chain_seq: string; prev_hash: string | null; hash: string | null }>(
        `select ${ROW_COLUMNS}, chain_seq::text, prev_hash, hash from audit_event
          where organisation_id = ? and chain_seq >= ? order by audit_event.chain_seq limit ?`,
        [organisationId, expectedSeq.toString(), page],
      );
      for (const row of rows) {
        if (BigInt(row.chain_seq) !== expectedSeq)
          return broken(
            organisationId,
            expectedSeq.toString(),
            `row ${expectedSeq} of the chain is missing (deleted)`,
          );
        const bad = (problem: string) => broken(organisationId, row.chain_seq, problem, row.id);
        if (row.prev_hash !== prev)
          return bad('it does not follow the row before it (re-ordered, or one was removed)');
        if (row.hash !== rowHash(row, row.chain_seq, prev))
          return bad('its contents were changed after it was written');
        if (earlier && row.chain_seq === earlier.seq && row.hash !== earlier.hash)
          return bad('it is not the row that ended the chain at the last check (the chain was rewritten)');
        prev = row.hash;
        expectedSeq += 1n;
        checked += 1;
      }
      if (rows.length < page) break;
    }
    const end = expectedSeq - 1n;
    if (earlier && end < BigInt(earlier.seq)) {
      return broken(
        organisationId,
        (end + 1n).toString(),
        `the chain ends at place ${end}, but it reached place ${earlier.seq} at the last check: ` +
          'rows were removed from its end',
      );
    }
    if (end > 0n) heads[organisationId] = { seq: end.toString(), hash: prev };
  }
  const [{ n }] = (await run<{ n: string }>(
    `select count(*)::text as n from audit_event where chain_seq is null`,
  )) as [{ n: string }];
  return { ok: true, checked, unsealed: Number(n), heads };
}
