/**
 * Every `extensions.code` a client of Doorstep can meet, with what it means. The one list:
 * `DoorstepError` and `errorBody` take only these codes (a new code does not compile until it is
 * here), and the documentation site's GraphQL reference is generated from it
 * (docs/scripts/reference.mjs).
 */
export const ERROR_CODES = {
  UNAUTHENTICATED:
    'The request has no valid token: none, expired, not signed by Doorstep or a registered identity provider, or for a user who is no longer active (HTTP 401). For `POST /auth/widget-token`: the API key is missing, unknown or revoked. Get a new token and try again; the widgets do this once by themselves.',
  FORBIDDEN:
    'The caller is signed in but their role or relationship to the record does not allow this. For `POST /auth/widget-token`: the user holds none of the roles asked for.',
  FORBIDDEN_ORIGIN:
    "The web page's origin is not on the organisation's list of allowed origins (`pnpm admin origins:set`), so the browser's request is refused (HTTP 403).",
  NOT_FOUND:
    'No such record, or one the caller may not see: Doorstep does not say which, so that a record’s existence is not leaked.',
  UNKNOWN_USER:
    '`POST /auth/widget-token`: no active user of the API key’s organisation matches the user asked for (HTTP 404).',
  BAD_USER_INPUT:
    'The input is not valid. `extensions.fields` lists each problem as `{ field, code, message }` (the field’s dotted path, a machine code and a plain-English message). Nothing was saved.',
  INVALID_TRANSITION:
    'A lifecycle step the record’s state does not allow (closing a concern that has not been triaged, …). `extensions.from` and `extensions.to` name the states. Nothing changed.',
  SAME_PERSON:
    'A check that needs a second person was asked of the person whose work it checks (signing off a warning they wrote). Someone else must do it. Nothing changed.',
  STALE_VERSION:
    'Someone else changed the record since the caller loaded it (`extensions.currentVersion`, or `currentAnswerId` for an answer history). Reload it and decide again. Nothing changed.',
  ROUND_ALREADY_OPEN:
    'A self-assessment round is already open (`extensions.openRoundId`): sign it off before opening another. Nothing changed.',
  UNANSWERED_QUESTIONS:
    'The self-assessment round cannot be signed off: `extensions.questionIds` lists the questions not answered in it. Nothing changed.',
  IDEMPOTENCY_CONFLICT:
    'The idempotency key was already used for different input, or by another caller. Use a new key for new input; send the same input with the same key to get the first answer again.',
  RATE_LIMITED:
    'Too many requests from this public token, organisation’s tenants, network address or API key (HTTP 429). `extensions.retryAfterSeconds` and the `Retry-After` header say when to try again.',
  FEEDBACK_LINK_INVALID:
    'The feedback link is not one Doorstep issued (not copied in full, or long gone). The tenant can still give feedback without it.',
  FEEDBACK_LINK_USED:
    'Feedback has already been given through this link. The tenant can still give feedback without it.',
  FEEDBACK_LINK_EXPIRED: 'The feedback link has expired. The tenant can still give feedback without it.',
  SERVICE_UNAVAILABLE:
    'The database is unavailable or recovering (HTTP 503, `Retry-After: 2`). Nothing was stored, or the operation is safe to repeat: send the same request again.',
  OUTCOME_UNKNOWN:
    'The connection to the database was lost while a mutation without an idempotency key was being committed (HTTP 503): it may or may not have been saved. Reload and check before doing it again.',
  BAD_REQUEST: 'The HTTP request is malformed: its body is not valid JSON, or it is not a GraphQL request.',
  METHOD_NOT_ALLOWED:
    'The wrong HTTP method for this address (HTTP 405): `/auth/widget-token` takes POST, `/events` GET.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the gateway accepts (`MAX_BODY_BYTES`, HTTP 413).',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax (from Apollo Server).',
  GRAPHQL_VALIDATION_FAILED:
    'The query does not fit the schema: an unknown field, a missing argument, a wrong type (from Apollo Server).',
  OPERATION_RESOLUTION_FAILURE:
    'The request names no operation, or one its document does not contain (from Apollo Server).',
  PERSISTED_QUERY_NOT_SUPPORTED:
    'The request sent an automatic persisted query (a hash instead of the query): Doorstep takes none, so send the query text (from Apollo Server).',
  PERSISTED_QUERY_NOT_FOUND:
    'Apollo Server’s answer to an unknown persisted-query hash. Doorstep turns persisted queries off, so it answers PERSISTED_QUERY_NOT_SUPPORTED instead.',
  INTERNAL_SERVER_ERROR:
    'Something unexpected went wrong. The gateway logged it (without personal data) and told the client nothing more; any other error is reported as this.',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;
