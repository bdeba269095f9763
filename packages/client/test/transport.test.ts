import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DoorstepError,
  HouseholdsIWorkWithDocument,
  operationName,
  RaiseConcernDocument,
  ReferralsReceivedDocument,
  request,
} from '../src/index.js';

/** What the server was sent, and what it answers next: a real HTTP server on a free port. */
let received: { body: Record<string, unknown>; authorization: string | undefined }[] = [];
let answer: { status: number; body: string } = { status: 200, body: '{"data":{}}' };
let server: Server;
let endpoint: string;

const read = async (incoming: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

beforeAll(async () => {
  server = createServer(async (incoming, response) => {
    received.push({ body: JSON.parse(await read(incoming)), authorization: incoming.headers.authorization });
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('request', () => {
  it('sends the document, its operation name, the variables and the token, and resolves with the data', async () => {
    received = [];
    answer = { status: 200, body: '{"data":{"referralsReceived":{"totalCount":0}}}' };
    const data = await request({ endpoint, token: () => 'a-token' }, ReferralsReceivedDocument, {
      first: 20,
    });
    expect(data.referralsReceived.totalCount).toBe(0);
    expect(received).toEqual([
      {
        body: {
          query: ReferralsReceivedDocument.toString(),
          operationName: 'ReferralsReceived',
          variables: { first: 20 },
        },
        authorization: 'Bearer a-token',
      },
    ]);
    expect(ReferralsReceivedDocument.toString()).toMatch(/^query ReferralsReceived\(/);
  });

  it('sends empty variables when an operation has none to give', async () => {
    received = [];
    answer = { status: 200, body: '{"data":{"householdsIWorkWith":[]}}' };
    await request({ endpoint }, HouseholdsIWorkWithDocument);
    expect(received[0]?.body.variables).toEqual({});
    expect(received[0]?.authorization).toBeUndefined();
  });

  it("rejects with the gateway's code and field messages", async () => {
    answer = {
      status: 200,
      body: JSON.stringify({
        errors: [
          {
            message: 'Check the concern',
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ field: 'summary', code: 'too_small', message: 'Enter a summary' }],
            },
          },
        ],
      }),
    };
    const refused = request({ endpoint }, RaiseConcernDocument, {
      idempotencyKey: 'k',
      input: {} as never,
    });
    await expect(refused).rejects.toMatchObject({
      name: 'DoorstepError',
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'summary', code: 'too_small', message: 'Enter a summary' }],
      retryable: false,
    });
  });

  it('rejects as retryable when the gateway cannot be reached or answers with no JSON', async () => {
    answer = { status: 503, body: 'unavailable' };
    const unavailable = await request({ endpoint }, HouseholdsIWorkWithDocument).catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(DoorstepError);
    expect(unavailable).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const closed = await request(
      { endpoint: 'http://127.0.0.1:1/graphql' },
      HouseholdsIWorkWithDocument,
    ).catch((e: unknown) => e);
    expect(closed).toMatchObject({ code: 'NETWORK_ERROR', retryable: true });
  });
});

describe('operationName', () => {
  it("is the document's operation's name", () => {
    expect(operationName(RaiseConcernDocument)).toBe('RaiseConcern');
    expect(operationName(HouseholdsIWorkWithDocument)).toBe('HouseholdsIWorkWith');
  });
});
