// #region referrals
/**
 * A partner agency's system: the referrals housing providers have sent to the agency, newest
 * first. `token` is a bearer token for one of the agency's officers: from the agency's own
 * sign-in, once Doorstep knows its identity provider (`pnpm admin identity-provider:add`).
 */
const REFERRALS = `
  query Referrals($first: Int, $after: String) {
    referralsReceived(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id sentAt sender legalBasis legalBasisReason reason
          shared { concernReference urgency categories summary }
        }
      }
    }
  }`;

export async function referralsReceived({ gateway, token, first = 20, after }) {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: REFERRALS, variables: { first, after } }),
  });
  const { data, errors } = await response.json();
  // Each error has a stable code: UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, …
  if (errors) throw new Error(errors.map((e) => e.extensions?.code).join(', '));
  return data.referralsReceived;
}
// #endregion referrals
