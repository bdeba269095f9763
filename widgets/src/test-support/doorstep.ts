// The real Doorstep, for widget tests that talk to the gateway (test/real-gateway.mjs starts it).
import { executeServerCommand } from '@web/test-runner-commands';

/** The gateway's GraphQL address, on the test page's own origin. */
export const GATEWAY = '/doorstep/graphql';

/** Demo users (gateway/src/db/demo.ts). */
export const DEMO = {
  lead: '00000000-0000-4000-8000-000000000101',
  frontline: '00000000-0000-4000-8000-000000000102',
  contractor: '00000000-0000-4000-8000-000000000103',
  manager: '00000000-0000-4000-8000-000000000104',
  auditor: '00000000-0000-4000-8000-000000000105',
  champion: '00000000-0000-4000-8000-000000000106',
  /** Dee Patel, an officer of Northshire Adult Social Care (a partner agency). */
  agency: '00000000-0000-4000-8000-000000000301',
} as const;

/** Starts Doorstep if it is not running yet (the first time takes a few seconds). */
export async function doorstepReady(): Promise<void> {
  // The first call starts Doorstep (its database, migrations, demo data). The runner gives a command
  // 20 s to answer; on a busy machine starting takes longer, so ask again while it starts (the
  // start is shared: a second call waits for the same one), up to the caller's own timeout.
  for (;;) {
    try {
      await sql('select 1');
      return;
    } catch (error) {
      if (!/Did not receive a server response/.test(String(error))) throw error;
    }
  }
}

/** Runs SQL on Doorstep's database, as its owner: to see what was really stored. */
export function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  return executeServerCommand<T[], { text: string; values: unknown[] }>('doorstep-sql', { text, values });
}

/**
 * Takes the page's connection to the gateway down (`false`) or up again (`true`): while it is down,
 * every GraphQL request fails as a dropped connection does, before Doorstep sees it.
 */
export async function connection(up: boolean): Promise<void> {
  await executeServerCommand<boolean, { up: boolean }>('doorstep-connection', { up });
}

/** A development token for a demo user. */
export async function tokenFor(userId: string): Promise<string> {
  return (await executeServerCommand<string, { userId: string }>('doorstep-token', { userId }))!;
}

/** The demo housing provider's public token, as its public pages get it. */
export async function publicToken(): Promise<string> {
  return ((await (await fetch('/doorstep/dev/public-token')).json()) as { token: string }).token;
}

/** A tenant's widget token, as the tenant site's back end would get it. */
export async function tenantToken(reference: string): Promise<string> {
  const response = await fetch('/doorstep/dev/tenant-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reference }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** One GraphQL request to the real gateway; fails the test on any error. */
export async function graphql<T>(query: string, variables: object, token: string): Promise<T> {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** How many live streams (server-sent events) pass through the page's connection to the gateway now. */
export async function openStreams(): Promise<number> {
  return (await executeServerCommand<number, object>('doorstep-streams', {}))!;
}

/**
 * One GraphQL request straight to the gateway, not through the page's connection (which a test may
 * have down, see `connection`): another person's move while this page is offline. Fails on errors.
 */
export async function graphqlDirect<T>(query: string, variables: object, token: string): Promise<T> {
  const body = (await executeServerCommand<{ data: T; errors?: { message: string }[] }, object>(
    'doorstep-graphql',
    { query, variables, token },
  ))!;
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}
