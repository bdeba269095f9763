// A housing provider's portal, as small as it can be: it serves page.html and page.js, and
// answers the page's POST /doorstep-token with a widget token for the person signed in. Your
// portal has its own sign-in: `signedInEmail` stands for it here.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { widgetToken } from './widget-token.mjs';

const file = (name) => readFile(new URL(name, import.meta.url), 'utf8');

export function portalServer({ gateway, apiKey, signedInEmail }) {
  return http.createServer(async (req, res) => {
    // #region csp
    // The page allows scripts and requests to itself and to the gateway, and nothing inline.
    const policy = `default-src 'self'; script-src 'self' ${gateway}; connect-src 'self' ${gateway}`;
    // #endregion csp
    if (req.method === 'GET' && req.url === '/') {
      const html = (await file('page.html')).replaceAll('https://doorstep.example.org', gateway);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy });
      return res.end(html);
    }
    if (req.method === 'GET' && req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(await file('page.js'));
    }
    // #region token-route
    if (req.method === 'POST' && req.url === '/doorstep-token') {
      try {
        const { token } = await widgetToken({ gateway, apiKey, email: signedInEmail(req) });
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        return res.end(JSON.stringify({ token }));
      } catch {
        res.writeHead(502, { 'content-type': 'application/json' });
        return res.end('{}');
      }
    }
    // #endregion token-route
    res.writeHead(404).end();
  });
}

// Run on its own (the quick start does), with the gateway's address and the API key:
//   DOORSTEP_API_KEY=… node docs/snippets/portal/server.mjs
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  const server = portalServer({
    gateway: process.env.DOORSTEP_URL ?? 'http://localhost:4000',
    apiKey: process.env.DOORSTEP_API_KEY,
    signedInEmail: () => process.env.PORTAL_USER_EMAIL ?? 'priya.shah@riverside.example',
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`Your portal: http://127.0.0.1:${port}/\n`));
}
