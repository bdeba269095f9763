/*
 * The agency's webhook receiver (`receive`): Doorstep POSTs each referral event to it, signed.
 * It checks the signature and the timestamp, drops an event it has already handled, answers at
 * once, then reads the referral through the API: the event carries ids and states only.
 */
import http from 'node:http';
import { ReferralDocument, request, verifyWebhook, type ClientOptions } from '@doorstep/client';
import type { Config } from './config.js';
import { warn, withRetry } from './retry.js';

const say = (line: string) => process.stdout.write(line + '\n');

/** Reads a request's body as it was sent: the signature covers these exact bytes. */
function rawBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024)
        req.destroy(new Error('too large')); // events are a few hundred bytes
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves the receiver until the process is stopped; resolves once it is listening. */
export async function receiveWebhooks(options: ClientOptions, config: Config): Promise<http.Server> {
  const secret = config.webhookSecret;
  if (!secret)
    throw new Error('receive needs WEBHOOK_SECRET: the secret Doorstep showed when the endpoint was added');
  // #region receive
  // Event ids already handled. A real system keeps them in its database (a unique key), so a
  // repeat is dropped after a restart too; Doorstep delivers each event at least once.
  const handled = new Set<string>();

  const server = http.createServer(async (req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const body = await rawBody(req).catch(() => undefined);
    if (body === undefined) return void res.writeHead(400).end();
    // The raw body, before any JSON parsing; stale timestamps (over 5 minutes) are refused.
    const check = await verifyWebhook(secret, body, req.headers, { toleranceSeconds: 300 });
    if (!check.ok) {
      warn(`Refused a delivery: ${check.reason}`);
      return void res.writeHead(check.reason === 'bad_body' ? 400 : 401).end();
    }
    const event = check.event;
    if (handled.has(event.id)) {
      say(`Event ${event.id} again: already handled, dropped`);
      return void res.writeHead(204).end();
    }
    handled.add(event.id);
    res.writeHead(204).end(); // answer at once: Doorstep waits at most a few seconds
    // The event says what changed; what the referral holds is read under the agency's own access.
    try {
      const { referral } = await withRetry(config, () =>
        request(options, ReferralDocument, { id: event.referralId }),
      );
      say(
        `Event ${event.id} ${event.type}: referral ${referral.shared.concernReference} ` +
          `from ${referral.sender} is ${referral.status.toLowerCase()}`,
      );
    } catch (error) {
      warn(`Event ${event.id}: could not read referral ${event.referralId}: ${(error as Error).message}`);
    }
  });
  // #endregion receive
  await new Promise<void>((resolve) => server.listen(config.webhookPort, '127.0.0.1', resolve));
  say(`Receiving Doorstep webhooks at http://127.0.0.1:${config.webhookPort}/`);
  return server;
}
