import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import { actorRef } from '../auth/identity.js';
import type { Caller } from '../context.js';
import { DoorstepError } from '../errors.js';

/** The description of every `idempotencyKey` argument. */
export const IDEMPOTENCY_KEY_HELP =
  'A key you generate for this submission (a UUID is good). Sending again with the same key and the ' +
  'same input returns the first answer and records nothing new, so retries after a lost answer are safe.';

/** Keys are kept at least this long; a retry within it is recognised. */
export const IDEMPOTENCY_KEEP_DAYS = 30;

export class IdempotencyConflictError extends DoorstepError {
  constructor() {
    super(
      'IDEMPOTENCY_CONFLICT',
      'This idempotency key was already used for a different submission. Use a new key for new input.',
    );
  }
}

/** JSON with object keys sorted, so equal inputs give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs `work` once per (organisation, operation, key). Must run inside a transaction (the caller's
 * `em.transactional`): the key is claimed first, so a concurrent retry waits on it and then gets
 * the stored answer; if `work` fails, the claim rolls back with it and the key stays unused.
 * The same key with other input, or from another caller, is `IDEMPOTENCY_CONFLICT`.
 */
export async function exactlyOnce<T>(
  em: EntityManager,
  caller: Caller,
  operation: string,
  key: string,
  input: unknown,
  work: () => Promise<T>,
  revive: (stored: unknown) => T | Promise<T>,
): Promise<T> {
  const organisationId = caller.identity.organisationId;
  const who = `${caller.identity.kind}:${actorRef(caller.identity).ref}`;
  const requestHash = createHash('sha256').update(canonical(input)).digest('hex');
  const run = <R>(sql: string, params: unknown[]) =>
    em.getConnection().execute<R[]>(sql, params, 'all', em.getTransactionContext());

  const claimed = await run<{ id: string }>(
    `insert into idempotency_record (id, organisation_id, operation, key, caller, request_hash, created_at)
     values (?, ?, ?, ?, ?, ?, now())
     on conflict (organisation_id, operation, key) do nothing
     returning id`,
    [randomUUID(), organisationId, operation, key, who, requestHash],
  );
  if (claimed.length) {
    const result = await work();
    await run(`update idempotency_record set result = ?::jsonb where id = ?`, [
      JSON.stringify(result),
      claimed[0]!.id,
    ]);
    return result;
  }
  const [first] = await run<{ caller: string; request_hash: string; result: unknown }>(
    `select caller, request_hash, result from idempotency_record
      where organisation_id = ? and operation = ? and key = ?`,
    [organisationId, operation, key],
  );
  if (!first || first.caller !== who || first.request_hash !== requestHash) {
    throw new IdempotencyConflictError();
  }
  return revive(first.result);
}
