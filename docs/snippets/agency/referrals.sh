#!/bin/sh
# The same request with curl. DOORSTEP_URL is the gateway (https://doorstep.example.org);
# DOORSTEP_TOKEN a bearer token for one of the agency's officers.
set -eu
#region curl
curl -sS "$DOORSTEP_URL/graphql" \
  -H "authorization: Bearer $DOORSTEP_TOKEN" \
  -H 'content-type: application/json' \
  -d '{"query":"{ referralsReceived(first: 20) { totalCount edges { node { id sentAt sender shared { concernReference urgency summary } } } } }"}'
#endregion curl
