import type { LegalBasis, ReferConcernInput } from '@doorstep/schema';
import { typed } from './operations.js';

/*
 * Typed operations for referrals to partner agencies. The gateway's schema test validates every
 * document here.
 */

export interface SharedInformation {
  concernReference: string;
  raisedAt: string;
  urgency: string;
  categories: string[];
  summary: string;
  whatWasReported: string | null;
  happenedAt: string | null;
  where: string;
  viewsStatus: string;
  views: string | null;
  consentStatus: string;
  people: {
    role: 'SUBJECT' | 'ALLEGED_SOURCE';
    name: string;
    otherNames: string[];
    dateOfBirth: string | null;
    childAtEvent: boolean | null;
    pronouns: string | null;
    preferredLanguage: string | null;
    communicationNeeds: string | null;
    interpreterNeeded: boolean;
    vulnerabilityFactors: string[];
  }[];
}

export interface ReferralView {
  id: string;
  sender: string;
  recipient: string;
  reason: string;
  legalBasis: LegalBasis;
  legalBasisReason: string | null;
  status: 'SENT';
  sentAt: string;
  shared: SharedInformation;
}

const REFERRAL_FIELDS = `id
    sender
    recipient
    reason
    legalBasis
    legalBasisReason
    status
    sentAt
    shared {
      concernReference
      raisedAt
      urgency
      categories
      summary
      whatWasReported
      happenedAt
      where
      viewsStatus
      views
      consentStatus
      people {
        role
        name
        otherNames
        dateOfBirth
        childAtEvent
        pronouns
        preferredLanguage
        communicationNeeds
        interpreterNeeded
        vulnerabilityFactors
      }
    }`;

/** Safeguarding leads and champions: the agencies a concern can be referred to. */
export const PartnerAgencies = /* @__PURE__ */ typed<
  { partnerAgencies: { id: string; name: string; agencyType: string | null }[] },
  Record<string, never>
>(
  'PartnerAgencies',
  () => `query PartnerAgencies {
  partnerAgencies {
    id
    name
    agencyType
  }
}`,
);

/** Refer a concern to a partner agency under a legal basis. */
export const ReferConcern = /* @__PURE__ */ typed<
  { referConcern: ReferralView & { concernId: string } },
  { input: ReferConcernInput }
>(
  'ReferConcern',
  () => `mutation ReferConcern($input: ReferConcernInput!) {
  referConcern(input: $input) {
    ${REFERRAL_FIELDS}
    concernId
  }
}`,
);

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: ReferralView }[];
};

/** Agency officers: the referrals sent to their agency, with what was shared and its legal basis. */
export const ReferralsReceived = /* @__PURE__ */ typed<
  { referralsReceived: Page },
  { first?: number; after?: string | null }
>(
  'ReferralsReceived',
  () => `query ReferralsReceived($first: Int, $after: String) {
  referralsReceived(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ${REFERRAL_FIELDS}
      }
    }
  }
}`,
);

/** Safeguarding leads and champions: the referrals their organisation sent. */
export const ReferralsSent = /* @__PURE__ */ typed<
  { referralsSent: Page },
  { first?: number; after?: string | null }
>(
  'ReferralsSent',
  () => `query ReferralsSent($first: Int, $after: String) {
  referralsSent(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ${REFERRAL_FIELDS}
      }
    }
  }
}`,
);

export const referralOperations = [PartnerAgencies, ReferConcern, ReferralsReceived, ReferralsSent] as const;
