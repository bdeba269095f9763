// The real Doorstep for the widget tests that talk to the gateway: the built program on its own
// embedded PostgreSQL with the demo data, started the first time a test needs it and stopped with
// the test runner. The test page reaches it through `/doorstep/…` on its own origin (this
// middleware passes requests through), and tests read what it stored with the `doorstep-sql`
// command (see src/test-support/doorstep.ts).
import { startDoorstep } from '@doorstep/testkit';
import { Readable } from 'node:stream';

/** Generous public limits: the tests send many forms from one address within a minute. */
const ENV = { PUBLIC_LIMIT_PER_ADDRESS: '10000', PUBLIC_LIMIT_PER_TOKEN: '10000' };

export function realGateway() {
  /** @type {Promise<Awaited<ReturnType<typeof startDoorstep>>> | undefined} */
  let starting;
  const doorstep = () => (starting ??= startDoorstep(ENV));
  const local = async () => (await doorstep()).base.replace('//localhost:', '//127.0.0.1:');

  async function readBody(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** False while a test has the connection to the gateway down (`doorstep-connection`). */
  let connected = true;
  /** How to cut each server-sent event stream passed through now (when the connection goes down). */
  const streams = new Set();

  /**
   * Passes `/doorstep/<path>` to the gateway's `/<path>`, as a same-origin request. While the
   * connection is down, GraphQL requests end with bytes that are not HTTP, so the browser's fetch
   * fails as on a dropped connection (as the fake gateway's `drop` does), before reaching Doorstep.
   */
  async function middleware(ctx, next) {
    if (!ctx.path.startsWith('/doorstep/')) return next();
    if (!connected && ctx.path.startsWith('/doorstep/graphql')) {
      ctx.respond = false;
      ctx.req.socket.end('NOT HTTP\r\n\r\n');
      return;
    }
    const headers = {};
    const names = ['content-type', 'authorization'];
    if (ctx.path === '/doorstep/graphql/stream') names.push('accept');
    for (const name of names) {
      const value = ctx.get(name);
      if (value) headers[name] = value;
    }
    const hasBody = !['GET', 'HEAD'].includes(ctx.method);
    const response = await fetch(`${await local()}${ctx.url.slice('/doorstep'.length)}`, {
      method: ctx.method,
      headers,
      body: hasBody ? await readBody(ctx.req) : undefined,
    });
    ctx.status = response.status;
    for (const name of ['content-type', 'retry-after']) {
      const value = response.headers.get(name);
      if (value) ctx.set(name, value);
    }
    if (response.headers.get('content-type')?.startsWith('text/event-stream') && response.body) {
      // Passed on as it comes (subscriptions over server-sent events), until either end closes.
      const stream = Readable.fromWeb(response.body);
      const cut = () => {
        stream.destroy();
        ctx.res.destroy();
      };
      streams.add(cut);
      const done = () => {
        streams.delete(cut);
        stream.destroy();
      };
      stream.on('close', done);
      ctx.req.on('close', done);
      ctx.body = stream;
      return;
    }
    ctx.body = Buffer.from(await response.arrayBuffer());
  }

  const plugin = {
    name: 'real-gateway',
    async executeCommand({ command, payload }) {
      if (command === 'doorstep-sql') {
        return (await doorstep()).sql(payload.text, payload.values ?? []);
      }
      if (command === 'doorstep-token') return (await doorstep()).token(payload.userId);
      if (command === 'doorstep-streams') return streams.size;
      if (command === 'doorstep-graphql') {
        // Straight to the gateway, not through the page's connection (which a test may have down).
        const response = await fetch(`${await local()}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${payload.token}` },
          body: JSON.stringify({ query: payload.query, variables: payload.variables }),
        });
        return response.json();
      }
      if (command === 'doorstep-connection') {
        connected = payload.up;
        if (!connected) for (const cut of streams) cut();
        return true;
      }
      return undefined;
    },
    async serverStop() {
      if (starting) await (await starting).stop();
    },
  };

  return { middleware, plugin };
}
