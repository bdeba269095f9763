import { errorBody } from './respond.js';

/** How long a client is asked to wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 2;

/**
 * The answer while the database is unavailable or recovering: HTTP 503 in the usual error shape.
 * `SERVICE_UNAVAILABLE` with `Retry-After`: nothing was stored, or the operation is safe to repeat
 * (its idempotency key), so the same request may be sent again. `OUTCOME_UNKNOWN`, without
 * `Retry-After`: the connection went away while a mutation without an idempotency key was being
 * committed, so it may or may not have been stored; check before sending it again.
 */
export function unavailableAnswer(outcomeUnknown = false) {
  return outcomeUnknown
    ? {
        body: errorBody(
          'OUTCOME_UNKNOWN',
          'The connection to the database was lost while this was being saved, so it may or may not have been saved. Reload and check before trying again.',
        ),
        headers: {} as Record<string, string>,
      }
    : {
        body: errorBody('SERVICE_UNAVAILABLE', 'Doorstep is unavailable for a moment. Try again shortly.'),
        headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } as Record<string, string>,
      };
}
