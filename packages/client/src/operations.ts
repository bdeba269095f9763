import type {
  ConcernCategory,
  ConcernStatus,
  ConcernUrgency,
  PublicConcernInput,
  RaiseConcernInput,
} from '@doorstep/schema';

/**
 * A GraphQL document tagged with the types of its variables and result, so a call site gets both
 * checked. `test/client-operations.test.ts` in the gateway validates every document here against the
 * gateway's schema, so a drift between the two fails the build.
 */
export interface TypedDocument<TResult, TVariables> {
  readonly operationName: string;
  readonly document: string;
  /** Phantom fields: never set, only carry the types. */
  readonly __result?: TResult;
  readonly __variables?: TVariables;
}

/**
 * Marked free of side effects, so a bundle keeps only the operations it uses (the widgets use a
 * handful of the many here). A document that interpolates shared fields (`${PAGE}`) is given as a
 * function, built when first read: a bundler cannot drop a template literal with substitutions
 * (turning a value into text could run code), but it can drop an unused arrow function.
 */
/* @__NO_SIDE_EFFECTS__ */
export function typed<TResult, TVariables>(
  operationName: string,
  document: string | (() => string),
): TypedDocument<TResult, TVariables> {
  if (typeof document === 'string') return { operationName, document };
  let built: string | undefined;
  return {
    operationName,
    get document() {
      return (built ??= document());
    },
  };
}

export interface RaiseConcernResult {
  raiseConcern: { reference: string; receivedAt: string };
}

/**
 * `idempotencyKey`: make one per submission (e.g. `crypto.randomUUID()`) and send the same key on
 * every retry of it; the gateway stores the concern once and answers retries with the same receipt.
 */
export const RaiseConcern = /* @__PURE__ */ typed<
  RaiseConcernResult,
  { idempotencyKey: string; input: RaiseConcernInput }
>(
  'RaiseConcern',
  () => `mutation RaiseConcern($idempotencyKey: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $idempotencyKey, input: $input) {
    reference
    receivedAt
  }
}`,
);

export interface RaisePublicConcernResult {
  raisePublicConcern: { reference: string };
}

/** A concern from a public form (public token) or a tenant site (tenant widget token). */
export const RaisePublicConcern = /* @__PURE__ */ typed<
  RaisePublicConcernResult,
  { idempotencyKey: string; input: PublicConcernInput }
>(
  'RaisePublicConcern',
  () => `mutation RaisePublicConcern($idempotencyKey: String!, $input: PublicConcernInput!) {
  raisePublicConcern(idempotencyKey: $idempotencyKey, input: $input) {
    reference
  }
}`,
);

export interface ConcernSummary {
  id: string;
  reference: string;
  status: ConcernStatus;
  urgency: ConcernUrgency;
  primaryCategory: ConcernCategory | null;
  subjectDescription: string;
  raisedAt: string;
}

export interface ConcernsResult {
  concerns: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: ConcernSummary }[];
  };
}

export const Concerns = /* @__PURE__ */ typed<ConcernsResult, { first?: number; after?: string | null }>(
  'Concerns',
  () => `query Concerns($first: Int, $after: String) {
  concerns(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        reference
        status
        urgency
        primaryCategory
        subjectDescription
        raisedAt
      }
    }
  }
}`,
);
