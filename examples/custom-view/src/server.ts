/*
 * A housing officer's "my patch" page, built on @doorstep/client: a small Node server that asks the
 * gateway and renders plain HTML (no script in the page). See README.md.
 */
import { DoorstepError, type ClientOptions } from '@doorstep/client';
import { createServer, type ServerResponse } from 'node:http';
import { errorPage, householdPage, patchPage } from './render.js';
import { myPatch } from './patch.js';

const gateway = (process.env.DOORSTEP_URL || 'http://localhost:4000').replace(/\/+$/, '');
/** Jo Williams, the demo housing officer who is also the team's safeguarding champion. */
const demoUser = process.env.DOORSTEP_DEMO_USER || '00000000-0000-4000-8000-000000000106';
const port = Number(process.env.PORT || 4100);

/**
 * Development: a demo user's token from the gateway's /dev/token (only a development gateway has
 * it), kept until a minute before it expires. In production this is the signed-in officer's own
 * token (see README.md).
 */
let demo: { token: string; renewAt: number } | undefined;
async function demoToken(): Promise<string> {
  if (demo && Date.now() < demo.renewAt) return demo.token;
  const response = await fetch(`${gateway}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: demoUser }),
  }).catch(() => {
    throw new DoorstepError('NETWORK_ERROR', 'Could not reach Doorstep');
  });
  if (!response.ok)
    throw new DoorstepError('UNAUTHENTICATED', 'No demo token: is the gateway in development?');
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  demo = { token, renewAt: Date.parse(expiresAt) - 60_000 };
  return token;
}

const options: ClientOptions = { endpoint: `${gateway}/graphql`, token: demoToken };

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
  });
  res.end(html);
}

function failed(res: ServerResponse, error: unknown) {
  if (error instanceof DoorstepError && error.retryable) {
    return send(res, 502, errorPage('Doorstep is not answering', 'Try again in a minute.'));
  }
  if (error instanceof DoorstepError && error.code === 'UNAUTHENTICATED') {
    return send(res, 401, errorPage('Not signed in', 'Doorstep did not accept the token.'));
  }
  process.stderr.write(`my patch: ${error instanceof DoorstepError ? error.code : 'error'}\n`);
  return send(res, 500, errorPage('Something went wrong', 'The page could not be shown.'));
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  try {
    if (req.method !== 'GET') return send(res, 405, errorPage('Not allowed', 'This page only shows.'));
    if (path === '/') return send(res, 200, patchPage(await myPatch(options)));
    const household = /^\/households\/([0-9a-f-]{36})$/.exec(path);
    if (household) {
      const [entry] = await myPatch(options, { householdId: household[1], includeClosed: true });
      return entry
        ? send(res, 200, householdPage(entry))
        : send(res, 404, errorPage('Not in your patch', 'You do not work with this household today.'));
    }
    return send(res, 404, errorPage('Page not found', 'There is no such page.'));
  } catch (error) {
    return failed(res, error);
  }
});

server.listen(port, () =>
  process.stdout.write(`My patch: http://localhost:${port}/ (Doorstep at ${gateway})\n`),
);
