import type {
  FeedbackChannel,
  FeedbackInput,
  FeedbackLanguage,
  FeedbackLinkState,
  FeedbackPrinciple,
  YouSaidWeDidInput,
} from '@doorstep/schema';
import { PAGE, type Page } from './connection.js';
import { typed } from './operations.js';

/*
 * Typed operations for tenant voice: feedback against the six safeguarding principles, one-time
 * feedback links, and "you said, we did". The sg-feedback widget uses SubmitFeedback,
 * FeedbackLinkStatus and YouSaidWeDidList with a public token or a tenant widget token. The
 * gateway's schema test validates every document here.
 */

// ── Giving feedback (public token or tenant widget token) ──────────────────────────────────────

/**
 * Feedback from the public form or a tenant site. `idempotencyKey`: one per submission, the same on
 * every retry of it (a retry gets the first receipt). Refusals: BAD_USER_INPUT (field messages, as
 * `feedbackInputSchema` gives them), RATE_LIMITED, IDEMPOTENCY_CONFLICT, and with `link`
 * FEEDBACK_LINK_INVALID, FEEDBACK_LINK_USED or FEEDBACK_LINK_EXPIRED.
 */
export const SubmitFeedback = /* @__PURE__ */ typed<
  { submitFeedback: { receivedAt: string } },
  { idempotencyKey: string; input: FeedbackInput }
>(
  'SubmitFeedback',
  () => `mutation SubmitFeedback($idempotencyKey: String!, $input: FeedbackInput!) {
  submitFeedback(idempotencyKey: $idempotencyKey, input: $input) {
    receivedAt
  }
}`,
);

/**
 * Staff (frontline, champions, leads, managers) enter feedback a tenant gave by phone, on paper or
 * in person: `channel` PHONE, PAPER or IN_PERSON, no `link`. Otherwise as SubmitFeedback, without
 * the rate limit.
 */
export const RecordFeedback = /* @__PURE__ */ typed<
  { recordFeedback: { receivedAt: string } },
  { idempotencyKey: string; input: FeedbackInput }
>(
  'RecordFeedback',
  () => `mutation RecordFeedback($idempotencyKey: String!, $input: FeedbackInput!) {
  recordFeedback(idempotencyKey: $idempotencyKey, input: $input) {
    receivedAt
  }
}`,
);

/** Whether a one-time link can still be used, before the form asks its questions. Rate-limited. */
export const FeedbackLinkStatus = /* @__PURE__ */ typed<
  { feedbackLink: { status: FeedbackLinkState; expiresAt: string | null } },
  { token: string }
>(
  'FeedbackLinkStatus',
  () => `query FeedbackLinkStatus($token: String!) {
  feedbackLink(token: $token) {
    status
    expiresAt
  }
}`,
);

/** A published "you said, we did", as tenants and the public see it. */
export interface YouSaidWeDidView {
  id: string;
  youSaid: string;
  weDid: string;
  principle: FeedbackPrinciple | null;
  publishedAt: string;
}

const YOU_SAID_WE_DID_FIELDS = `id
      youSaid
      weDid
      principle
      publishedAt`;

/** Everyone who can reach the organisation: its published answers, newest first. */
export const YouSaidWeDidList = /* @__PURE__ */ typed<
  { youSaidWeDid: Page<YouSaidWeDidView> },
  { first?: number; after?: string | null }
>(
  'YouSaidWeDidList',
  () => `query YouSaidWeDidList($first: Int, $after: String) {
  youSaidWeDid(first: $first, after: $after) {
    ${PAGE}
    edges {
      cursor
      node {
        ${YOU_SAID_WE_DID_FIELDS}
      }
    }
  }
}`,
);

// ── Staff: links, reading feedback, answering it ───────────────────────────────────────────────

/**
 * Safeguarding leads and champions: a one-time feedback link for a closed concern. The token is
 * shown only in this answer.
 */
export const CreateFeedbackLink = /* @__PURE__ */ typed<
  { createFeedbackLink: { token: string; expiresAt: string } },
  { concernId: string; validDays?: number | null }
>(
  'CreateFeedbackLink',
  () => `mutation CreateFeedbackLink($concernId: ID!, $validDays: Int) {
  createFeedbackLink(concernId: $concernId, validDays: $validDays) {
    token
    expiresAt
  }
}`,
);

/** One piece of feedback, as leads, champions and managers read it. */
export interface FeedbackView {
  id: string;
  receivedAt: string;
  ratings: { principle: FeedbackPrinciple; score: number }[];
  comment: string | null;
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
  language: FeedbackLanguage;
  channel: FeedbackChannel;
  fromLink: boolean;
  concernReference: string | null;
}

/** A period of UK days, both inclusive (YYYY-MM-DD), either left out. */
export interface FeedbackPeriodVariables {
  from?: string | null;
  to?: string | null;
}

/** Leads, champions and managers: the organisation's feedback, newest first. Reading it is audited. */
export const FeedbackList = /* @__PURE__ */ typed<
  { feedback: Page<FeedbackView> },
  FeedbackPeriodVariables & { first?: number; after?: string | null }
>(
  'FeedbackList',
  () => `query FeedbackList($first: Int, $after: String, $from: String, $to: String) {
  feedback(first: $first, after: $after, from: $from, to: $to) {
    ${PAGE}
    edges {
      cursor
      node {
        id
        receivedAt
        ratings {
          principle
          score
        }
        comment
        anonymous
        name
        phone
        email
        language
        channel
        fromLink
        concernReference
      }
    }
  }
}`,
);

export interface FeedbackSummaryView {
  responses: number;
  /** All six principles, in FEEDBACK_PRINCIPLES order; `averageScore` null when none scored it. */
  byPrinciple: { principle: FeedbackPrinciple; responses: number; averageScore: number | null }[];
  withComment: number;
  fromLinks: number;
}

/** Leads, champions and managers: feedback figures for a period (no free text). */
export const FeedbackSummary = /* @__PURE__ */ typed<
  { feedbackSummary: FeedbackSummaryView },
  FeedbackPeriodVariables
>(
  'FeedbackSummary',
  () => `query FeedbackSummary($from: String, $to: String) {
  feedbackSummary(from: $from, to: $to) {
    responses
    byPrinciple {
      principle
      responses
      averageScore
    }
    withComment
    fromLinks
  }
}`,
);

/** A "you said, we did" as those who publish it see it. */
export type PublishedYouSaidWeDid = YouSaidWeDidView & { withdrawnAt: string | null };

/** Safeguarding leads and managers: publish a "you said, we did". */
export const PublishYouSaidWeDid = /* @__PURE__ */ typed<
  { publishYouSaidWeDid: PublishedYouSaidWeDid },
  { input: YouSaidWeDidInput }
>(
  'PublishYouSaidWeDid',
  () => `mutation PublishYouSaidWeDid($input: YouSaidWeDidInput!) {
  publishYouSaidWeDid(input: $input) {
    ${YOU_SAID_WE_DID_FIELDS}
    withdrawnAt
  }
}`,
);

/** Safeguarding leads and managers: withdraw one; it is no longer shown. */
export const WithdrawYouSaidWeDid = /* @__PURE__ */ typed<
  { withdrawYouSaidWeDid: PublishedYouSaidWeDid },
  { id: string }
>(
  'WithdrawYouSaidWeDid',
  () => `mutation WithdrawYouSaidWeDid($id: ID!) {
  withdrawYouSaidWeDid(id: $id) {
    ${YOU_SAID_WE_DID_FIELDS}
    withdrawnAt
  }
}`,
);

export const feedbackOperations = [
  SubmitFeedback,
  RecordFeedback,
  FeedbackLinkStatus,
  YouSaidWeDidList,
  CreateFeedbackLink,
  FeedbackList,
  FeedbackSummary,
  PublishYouSaidWeDid,
  WithdrawYouSaidWeDid,
] as const;
