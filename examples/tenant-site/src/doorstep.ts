// Where the widgets get their token. In development the gateway's /dev/public-token gives the demo
// housing provider's public token (the vite server passes /dev/ to the gateway). A real tenant
// site holds the public token the gateway issued for its public forms (`pnpm admin`), or asks its
// own back end for a tenant's widget token (POST /auth/widget-token with its API key).
import type { TokenFetcher } from '@doorstep/widgets';

export const endpoint = '/graphql';

export const fetchPublicToken: TokenFetcher = async () => {
  const response = await fetch('/dev/public-token');
  if (!response.ok) throw new Error(`No public token (${response.status})`);
  return ((await response.json()) as { token: string }).token;
};
