import { GraphQLError } from 'graphql';
import type { FieldError } from '@doorstep/schema';
import type { ErrorCode } from './error-codes.js';

/**
 * Expected failures: each has a stable `extensions.code` that clients can act on (the codes and
 * their meanings: error-codes.ts). Anything that is
 * not one of these is masked as INTERNAL_SERVER_ERROR (see `formatError` in server.ts).
 */
const BRAND = Symbol.for('doorstep.expected-error');

export class DoorstepError extends GraphQLError {
  readonly [BRAND] = true;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/**
 * True if `error`, or any error it wraps, is one of ours. Walks `originalError` by shape, not by
 * class: graphql-js may be loaded twice (its CommonJS and ES builds), so `instanceof` is unreliable.
 */
export function isExpectedError(error: unknown): boolean {
  for (let e = error as { originalError?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if ((e as Record<symbol, unknown>)[BRAND] === true) return true;
    e = e.originalError as typeof e;
  }
  return false;
}

export class UnauthenticatedError extends DoorstepError {
  constructor() {
    super('UNAUTHENTICATED', 'Sign in to do this: the request has no valid token');
  }
}

export class ForbiddenError extends DoorstepError {
  constructor() {
    super('FORBIDDEN', 'You do not have access to this');
  }
}

/** Also used for records that exist but are not the caller's to see: existence is not leaked. */
export class NotFoundError extends DoorstepError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

/** `extensions.http` sets the HTTP status of a refusal before the operation runs (400, as Apollo's own). */
export class BadUserInputError extends DoorstepError {
  constructor(fields: FieldError[], extensions: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input', {
      ...extensions,
      fields,
    });
  }
}

/** A refusal of one field's answer: `custom` for a rule of the service (the schema's codes otherwise). */
export const fieldError = (field: string, message: string, code = 'custom') =>
  new BadUserInputError([{ field, code, message }]);

/** A lifecycle move the record's state does not allow (closing an untriaged concern …). Nothing changed. */
export class InvalidTransitionError extends DoorstepError {
  constructor(message: string, from: string, to: string) {
    super('INVALID_TRANSITION', message, { from, to });
  }
}

/**
 * A check that needs a second person was asked of the one whose work it checks (signing off a
 * warning they wrote). Nothing changed; someone else must do it.
 */
export class SamePersonError extends DoorstepError {
  constructor(message: string) {
    super('SAME_PERSON', message);
  }
}

/**
 * The client acted on an old view of the record: someone else changed it first. Nothing changed;
 * reload and decide again. `current` says what it is now: the record's version (a number, given as
 * `currentVersion`), or extensions of its own (an append-only history's `currentAnswerId`).
 */
export class StaleVersionError extends DoorstepError {
  constructor(current: number | Record<string, unknown>) {
    super(
      'STALE_VERSION',
      'Someone else changed this record since you loaded it. Reload it and try again.',
      typeof current === 'number' ? { currentVersion: current } : current,
    );
  }
}

/** Codes produced by graphql-js or Apollo itself that are safe to pass through. */
export const PASS_THROUGH_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] satisfies ErrorCode[]);

/** A self-assessment round is open already: one at a time. Nothing changed. */
export class RoundAlreadyOpenError extends DoorstepError {
  constructor(openRoundId: string) {
    super('ROUND_ALREADY_OPEN', 'A self-assessment round is already open: sign it off first', {
      openRoundId,
    });
  }
}

/** A self-assessment round signed off with questions it has no answer to. Nothing changed. */
export class UnansweredQuestionsError extends DoorstepError {
  constructor(questionIds: readonly string[]) {
    super('UNANSWERED_QUESTIONS', `Answer every question before signing off: ${questionIds.join(', ')}`, {
      questionIds,
    });
  }
}
