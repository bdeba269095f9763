import { freePort } from '@doorstep/testkit';
import http from 'node:http';

/** A request a webhook receiver got: its path, headers and raw body. */
export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP server on a free port standing for an agency's webhook receiver: it keeps every
 * request and answers with what `answer` says (a status, or `'hold'` to never answer).
 */
export async function startReceiver(
  answer: (request: Received, index: number) => number | 'hold' = () => 204,
) {
  const received: Received[] = [];
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body };
      received.push(request);
      const reply = answer(request, received.length - 1);
      if (reply === 'hold') held.push(res);
      else res.writeHead(reply).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    /** Waits until `predicate` holds of what was received (or fails after `ms`). */
    async until(predicate: (received: Received[]) => boolean, ms = 20_000) {
      for (const started = Date.now(); !predicate(received);) {
        if (Date.now() - started > ms) throw new Error(`receiver: not received in ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
