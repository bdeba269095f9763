// A canned GraphQL endpoint for the widget unit tests (the end-to-end tests use the real gateway).
// It follows the gateway contract for raiseConcern / raisePublicConcern: idempotency keys, receipts,
// IDEMPOTENCY_CONFLICT, UNAUTHENTICATED. Tests steer it through /fake-gateway/scenario and read what
// it received from /fake-gateway/log.

const fresh = () => ({
  log: [],
  receipts: new Map(),
  next: 1,
  scenario: {},
});
let state = fresh();

/**
 * Ends the connection with bytes that are not HTTP, so the browser's fetch fails as on a dropped
 * connection. (A socket closed with no bytes at all is not enough: Chromium silently retries a
 * request whose reused keep-alive connection closed before answering.)
 */
function breakConnection(ctx) {
  ctx.respond = false;
  ctx.req.socket.end('NOT HTTP\r\n\r\n');
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function reply(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

const errorBody = (code, message, extensions = {}) => ({
  errors: [{ message, extensions: { code, ...extensions } }],
});

/**
 * Scenario fields (all optional):
 * - `tokens`: accepted bearer tokens; any other (or none) is UNAUTHENTICATED.
 * - `drop`: how many requests to drop unanswered, before storing anything (a network error).
 * - `unavailable`: how many requests to answer 503 first.
 * - `dropAfterStoring`: how many requests to store, then drop the connection (the answer is lost).
 * - `badInput`: `[{ field, code, message }]` to refuse the next request with BAD_USER_INPUT.
 * - `delayMs`: wait before answering.
 */
async function graphql(ctx) {
  const body = await readJson(ctx.req);
  const auth = ctx.get('authorization');
  const token = auth.replace(/^Bearer\s+/i, '') || undefined;
  const { scenario } = state;
  const variables = body.variables ?? {};
  // The staff form's household finder asks which households the person works with: none here (the
  // finder is tested against the real gateway, in concern-form.finder.test.ts). Not logged, and no
  // scenario applies to it: the scenarios are about sending the concern.
  if (body.operationName === 'HouseholdsIWorkWith')
    return reply(ctx, 200, { data: { householdsIWorkWith: [] } });
  const entry = {
    operationName: body.operationName,
    token,
    idempotencyKey: variables.idempotencyKey,
    input: variables.input,
    answer: '',
  };
  state.log.push(entry);
  if (scenario.delayMs) await new Promise((resolve) => setTimeout(resolve, scenario.delayMs));

  if (scenario.drop > 0) {
    scenario.drop--;
    entry.answer = 'dropped before storing';
    return breakConnection(ctx);
  }
  if (scenario.unavailable > 0) {
    scenario.unavailable--;
    entry.answer = '503';
    return reply(ctx, 503, errorBody('SERVICE_UNAVAILABLE', 'Try again later'));
  }
  if (scenario.tokens && !scenario.tokens.includes(token)) {
    entry.answer = 'UNAUTHENTICATED';
    return reply(
      ctx,
      401,
      errorBody('UNAUTHENTICATED', 'The token is not valid or has expired. Sign in again.'),
    );
  }
  if (scenario.badInput) {
    const fields = scenario.badInput;
    delete scenario.badInput;
    entry.answer = 'BAD_USER_INPUT';
    return reply(ctx, 200, errorBody('BAD_USER_INPUT', 'Invalid input', { fields }));
  }
  const field = body.operationName === 'RaisePublicConcern' ? 'raisePublicConcern' : 'raiseConcern';
  const key = variables.idempotencyKey;
  if (typeof key !== 'string' || !/^[A-Za-z0-9_-]{16,100}$/.test(key)) {
    entry.answer = 'BAD_USER_INPUT';
    return reply(ctx, 200, errorBody('BAD_USER_INPUT', 'idempotencyKey is not valid'));
  }
  const input = JSON.stringify(variables.input);
  let receipt = state.receipts.get(key);
  if (receipt && receipt.input !== input) {
    entry.answer = 'IDEMPOTENCY_CONFLICT';
    return reply(ctx, 200, errorBody('IDEMPOTENCY_CONFLICT', 'This key was used for another concern'));
  }
  if (!receipt) {
    const reference = `SG-2026-${String(state.next++).padStart(6, '0')}`;
    receipt = { input, reference, receivedAt: new Date().toISOString(), stored: state.receipts.size + 1 };
    state.receipts.set(key, receipt);
  }
  entry.answer = receipt.reference;
  if (scenario.dropAfterStoring > 0) {
    scenario.dropAfterStoring--;
    entry.answer = 'dropped';
    return breakConnection(ctx);
  }
  const data =
    field === 'raisePublicConcern'
      ? { raisePublicConcern: { reference: receipt.reference } }
      : { raiseConcern: { reference: receipt.reference, receivedAt: receipt.receivedAt } };
  return reply(ctx, 200, { data });
}

/** Koa middleware for web-test-runner's dev server. */
export async function fakeGateway(ctx, next) {
  if (!ctx.path.startsWith('/fake-gateway/')) return next();
  if (ctx.path === '/fake-gateway/graphql' && ctx.method === 'POST') return graphql(ctx);
  if (ctx.path === '/fake-gateway/reset' && ctx.method === 'POST') {
    state = fresh();
    return reply(ctx, 200, { ok: true });
  }
  if (ctx.path === '/fake-gateway/scenario' && ctx.method === 'POST') {
    state.scenario = { ...state.scenario, ...(await readJson(ctx.req)) };
    return reply(ctx, 200, { ok: true });
  }
  if (ctx.path === '/fake-gateway/log') {
    return reply(ctx, 200, { log: state.log, stored: [...state.receipts.values()].map((r) => r.reference) });
  }
  return next();
}
