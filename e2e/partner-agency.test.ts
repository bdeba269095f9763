import {
  AcknowledgeReferralDocument,
  ConcernsDocument,
  ReferConcernDocument,
  ReferralLifecycleDocument,
  request,
  type ClientOptions,
} from '@doorstep/client';
import { freePort, repoRoot } from '@doorstep/testkit';
import { execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveReferral } from '../examples/partner-agency/src/moves.js';
import { DEMO, startDoorstep } from './doorstep.js';

/**
 * examples/partner-agency, built, run as the agency's system would run it: a child process told
 * only the gateway's address and its credentials, against the real gateway with its demo data.
 */
let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
const NORTHSHIRE = '00000000-0000-4000-8000-000000000003';
/** The demo housing provider, Riverside Homes. */
const DEMO_PROVIDER = '00000000-0000-4000-8000-000000000001';
/** The demo agency's officer. */
const DEE_PATEL = '00000000-0000-4000-8000-000000000301';
const references: string[] = [];
const referralIds: string[] = [];
let lead: { endpoint: string; token: string };

function partnerAgency(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const main = path.join(repoRoot, 'examples', 'partner-agency', 'dist', 'main.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      { env: { PATH: process.env.PATH ?? '', DOORSTEP_URL: doorstep.base, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** `pnpm admin …` (built) on the gateway's database, as Doorstep's administrator runs it; its output. */
async function admin(...args: string[]): Promise<string> {
  const [{ port }] = (await doorstep.sql<{ port: number }>('select inet_server_port() as port')) as [
    { port: number },
  ];
  const password = (await readFile(path.join(doorstep.dataDir, 'pg-password'), 'utf8')).trim();
  return new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(repoRoot, 'gateway', 'dist', 'scripts', 'admin.js'), ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:${port}/doorstep`,
          DOORSTEP_DATA_DIR: doorstep.dataDir,
        },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    ),
  );
}

beforeAll(async () => {
  doorstep = await startDoorstep();
  // The demo has no referrals: the demo provider's safeguarding lead refers two of its concerns
  // to the demo agency, through the API as the lead's portal would.
  lead = { endpoint: `${doorstep.base}/graphql`, token: await doorstep.token(DEMO.lead) };
  const { concerns } = await request(lead, ConcernsDocument, { first: 10 });
  for (const { node } of concerns.edges.slice(0, 2)) {
    const { referConcern } = await request(lead, ReferConcernDocument, {
      input: {
        concernId: node.id,
        recipientOrganisationId: NORTHSHIRE,
        reason: 'E2E: needs a care needs assessment',
        legalBasis: 'RISK_TO_ADULT',
        legalBasisReason: 'E2E: she may be being exploited',
        summary: `E2E summary of ${node.reference}`,
      },
    });
    references.push(node.reference);
    referralIds.push(referConcern.id);
  }
});

afterAll(async () => {
  await doorstep?.stop();
});

describe('examples/partner-agency', () => {
  it('lists every referral sent to the demo agency, page by page, and reads the newest in full', async () => {
    // The newest is past its respond-by date (as if sent long ago): the program says it is overdue.
    await doorstep.sql(`update referral set respond_by = now() - interval '1 day' where id = $1`, [
      referralIds[1],
    ]);
    // One referral a page: it must follow the pages to see both.
    const run = await partnerAgency({ PAGE_SIZE: '1' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Referrals sent to your agency: 2');
    // Each with its status and respond-by date; the newest overdue.
    references.forEach((reference, i) =>
      expect(run.stdout).toMatch(
        new RegExp(
          `^${reference}  sent .* from Riverside Homes .*  sent  respond by \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC` +
            `${i === 1 ? ' OVERDUE' : ''}  \\(id ${referralIds[i]}\\)$`,
          'm',
        ),
      ),
    );
    // Newest first: the second referral is read in full, with only what was shared.
    const [, newest] = references;
    const full = run.stdout.slice(run.stdout.indexOf(`Referral ${newest}, in full`));
    expect(full).toContain(`Referral ${newest}, in full`);
    expect(full).toContain('To: Northshire Adult Social Care');
    expect(full).toContain('Status: sent');
    expect(full).toMatch(/^ {2}Respond by: \d{4}-\d\d-\d\d \d\d:\d\d UTC \(overdue\)$/m);
    expect(full).toContain('Legal basis: risk to adult (E2E: she may be being exploited)');
    expect(full).toContain(`Summary: E2E summary of ${newest}`);
    expect(full).toContain('What was reported: not shared');
  });

  it('lists only the referrals its filters let through, and says why a filter is refused', async () => {
    const env = { PAGE_SIZE: '1' };
    const overdue = await partnerAgency(env, ['list', '--status', 'sent,acknowledged', '--overdue']);
    expect(overdue.stderr).toBe('');
    expect(overdue.stdout).toContain('Referrals sent to your agency (filtered): 1');
    expect(overdue.stdout).toContain(`(id ${referralIds[1]})`);
    expect(overdue.stdout).not.toContain(`(id ${referralIds[0]})`);
    expect(overdue.stdout).not.toContain('in full');
    const today = new Date().toISOString().slice(0, 10);
    const bySender = await partnerAgency(env, ['list', '--sender', DEMO_PROVIDER, '--from', '2020-01-01']);
    expect(bySender.stdout).toContain('Referrals sent to your agency (filtered): 2');
    const none = await partnerAgency(env, ['list', '--to', '2020-01-01']);
    expect(none.stdout).toContain('Referrals sent to your agency (filtered): 0');
    const reversed = await partnerAgency(env, ['list', '--from', today, '--to', '2020-01-01']);
    expect(reversed.code).toBe(1);
    expect(reversed.stdout).toBe('');
    expect(reversed.stderr).toContain('filter.sentTo: The end date must be on or after the start date');
  });

  it('exchanges the agency’s API key for a token, as its system does in production', async () => {
    // The key made as an administrator makes one: `pnpm admin api-key:create`, on the gateway's database.
    const key = await admin('api-key:create', '--org', NORTHSHIRE, '--label', 'Case system');
    const run = await partnerAgency({
      DOORSTEP_API_KEY: key,
      DOORSTEP_USER_EMAIL: 'dee.patel@northshire.example',
      // Not the agency's officer: the key decides whose token it is, never this.
      DOORSTEP_DEMO_USER: DEMO.lead,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Referrals sent to your agency: 2');
    // The exchange is in the agency's audit trail, under the key.
    const exchanges = await doorstep.sql(
      `select 1 from audit_event where organisation_id = $1 and entity_type = 'WidgetTokenForUser'
          and actor_ref like 'api-key:%'`,
      [NORTHSHIRE],
    );
    expect(exchanges.length).toBe(1);
  });

  it('says the API key is wrong when Doorstep does not accept it', async () => {
    const run = await partnerAgency({
      DOORSTEP_API_KEY: `dsk_aaaaaaaaaaaa_${'a'.repeat(43)}`,
      DOORSTEP_USER_EMAIL: 'dee.patel@northshire.example',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Doorstep did not accept the API key (DOORSTEP_API_KEY)');
  });

  it('tries again, waiting longer each time, when Doorstep cannot be reached, then says so', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const run = await partnerAgency({ DOORSTEP_URL: nobody, DOORSTEP_ATTEMPTS: '3' });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'Could not reach Doorstep (NETWORK_ERROR); trying again in 0.5 s',
      'Could not reach Doorstep (NETWORK_ERROR); trying again in 1 s',
      `Could not reach Doorstep at ${nobody} after 3 tries (DOORSTEP_URL).`,
    ]);
  });

  it('acknowledges, accepts and closes a referral with an outcome, which the housing provider then reads', async () => {
    const [id] = referralIds as [string];
    const DEE = 'Dee Patel (social worker)';
    // First the agency asks for more information on the referral's thread.
    const asked = await partnerAgency({}, ['message', id, 'E2E: is she known to your team?']);
    expect(asked.stderr).toBe('');
    expect(asked.stdout).toMatch(new RegExp(`^Message sent on referral ${id} at .* UTC\\n$`));
    for (const [args, now] of [
      [['acknowledge', id], 'acknowledged (version 2)'],
      [['accept', id], 'accepted (version 3)'],
      [
        ['close', id, '--outcome', 'SERVICES_PROVIDED', '--detail', 'E2E: care package in place'],
        'closed (version 4)',
      ],
    ] as const) {
      const run = await partnerAgency({}, [...args]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`Referral ${id} is now ${now}\n`);
    }
    // The provider's side: the referral is closed, with each of the agency's three moves, who and when.
    const { referral } = await request(lead, ReferralLifecycleDocument, { id });
    expect(referral.status).toBe('CLOSED');
    expect(referral.messages).toEqual([
      expect.objectContaining({ body: 'E2E: is she known to your team?', byName: DEE, byAgency: true }),
    ]);
    expect(referral.moves.map(({ from, to, byName, byAgency }) => ({ from, to, byName, byAgency }))).toEqual([
      { from: 'SENT', to: 'ACKNOWLEDGED', byName: DEE, byAgency: true },
      { from: 'ACKNOWLEDGED', to: 'ACCEPTED', byName: DEE, byAgency: true },
      { from: 'ACCEPTED', to: 'CLOSED', byName: DEE, byAgency: true },
    ]);
    for (const move of referral.moves) expect(Date.parse(move.at)).not.toBeNaN();
    expect(referral.moves[2]).toMatchObject({
      outcome: 'SERVICES_PROVIDED',
      outcomeDetail: 'E2E: care package in place',
    });
    // And the agency's list shows it closed, no longer due.
    const list = await partnerAgency({});
    expect(list.stdout).toMatch(new RegExp(`  closed  respond by .*UTC  \\(id ${id}\\)$`, 'm'));
  });

  it('says plainly, and exits 1, when the referral’s state does not allow the move', async () => {
    const [, id] = referralIds as [string, string];
    const run = await partnerAgency({}, ['close', id, '--outcome', 'SERVICES_PROVIDED']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    // The gateway's own message, which names the moves open from SENT; nothing changed.
    expect(run.stderr).toBe(
      'This referral is sent: you cannot close it. From here you may acknowledge it.\n',
    );
    const { referral } = await request(lead, ReferralLifecycleDocument, { id });
    expect(referral).toMatchObject({ status: 'SENT', version: 1, moves: [] });
  });

  it('reads the referral again when someone moved it first, and never sends the move twice', async () => {
    const [, id] = referralIds as [string, string];
    const agency = { endpoint: `${doorstep.base}/graphql`, token: await doorstep.token(DEE_PATEL) };
    // The program's own requests, to the real gateway; a colleague acknowledges the referral
    // between the program's read and its move.
    const sent: string[] = [];
    let colleagueMoved = false;
    const options: ClientOptions = {
      ...agency,
      fetch: async (url, init) => {
        const { operationName } = JSON.parse(String(init?.body)) as { operationName: string };
        sent.push(operationName);
        if (operationName === 'AcknowledgeReferral' && !colleagueMoved) {
          colleagueMoved = true;
          await request(agency, AcknowledgeReferralDocument, { input: { referralId: id, version: 1 } });
        }
        return fetch(url, init);
      },
    };
    const config = { baseUrl: doorstep.base, demoUserId: DEE_PATEL, pageSize: 20, attempts: 1 } as const;
    const result = await moveReferral(
      options,
      {
        ...config,
        apiKey: undefined,
        userEmail: undefined,
        referralId: undefined,
        webhookSecret: undefined,
        webhookPort: 0,
      },
      id,
      { to: 'ACKNOWLEDGED' },
    );
    expect(result).toEqual({ stale: expect.objectContaining({ status: 'ACKNOWLEDGED', version: 2 }) });
    expect(sent).toEqual(['ReferralLifecycle', 'AcknowledgeReferral', 'ReferralLifecycle']);
    const { referral } = await request(lead, ReferralLifecycleDocument, { id });
    expect(referral.moves).toHaveLength(1);
    // Read again, the officer decides again: the referral is acknowledged, and the agency declines it.
    const declined = await partnerAgency({}, ['decline', id, '--reason', 'E2E: not eligible']);
    expect(declined.stderr).toBe('');
    expect(declined.stdout).toBe(`Referral ${id} is now declined (version 3)\n`);
    const after = await request(lead, ReferralLifecycleDocument, { id });
    expect(after.referral.moves[1]).toMatchObject({ to: 'DECLINED', reason: 'E2E: not eligible' });
  });

  it('receives the referral events as signed webhooks, refuses forged and stale ones, drops repeats, and reads the referral', async () => {
    const receiverPort = await freePort();
    const secret = await admin(
      'webhook:add',
      '--org',
      NORTHSHIRE,
      '--url',
      `http://127.0.0.1:${receiverPort}/`,
    );
    const main = path.join(repoRoot, 'examples', 'partner-agency', 'dist', 'main.js');
    const receiver = spawn(process.execPath, [main, 'receive'], {
      env: {
        PATH: process.env.PATH ?? '',
        DOORSTEP_URL: doorstep.base,
        WEBHOOK_SECRET: secret,
        WEBHOOK_PORT: String(receiverPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    receiver.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    receiver.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const until = async (what: () => boolean) => {
      for (let waited = 0; !what(); waited += 50) {
        if (waited > 30_000) throw new Error(`receiver: ${out}\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await until(() => out.includes('Receiving Doorstep webhooks'));
      const { concerns } = await request(lead, ConcernsDocument, { first: 10 });
      const concern = concerns.edges[2]!.node;
      await request(lead, ReferConcernDocument, {
        input: {
          concernId: concern.id,
          recipientOrganisationId: NORTHSHIRE,
          reason: 'E2E: webhook',
          legalBasis: 'CONSENT',
          summary: 'E2E: webhook',
        },
      });
      await until(() => /Event \d+ referral\.sent: referral /.test(out));
      expect(out).toContain(`referral ${concern.reference} from Riverside Homes is sent`);

      // Deliveries signed as Doorstep signs them: again (dropped), forged, and replayed late.
      const url = `http://127.0.0.1:${receiverPort}/`;
      const id = /Event (\d+) referral\.sent/.exec(out)![1]!;
      const body = JSON.stringify({ id, type: 'referral.sent', referralId: referralIds[0] });
      const send = (timestamp: number, signedBody = body, key = secret) =>
        fetch(url, {
          method: 'POST',
          body,
          headers: {
            'doorstep-event-id': id,
            'doorstep-timestamp': String(timestamp),
            'doorstep-signature': `v1=${createHmac('sha256', key).update(`${timestamp}.${signedBody}`).digest('hex')}`,
          },
        }).then((response) => response.status);
      const now = Math.floor(Date.now() / 1000);
      expect(await send(now)).toBe(204);
      await until(() => out.includes(`Event ${id} again: already handled, dropped`));
      expect(await send(now, body, 'whsec_not-the-secret')).toBe(401);
      expect(await send(now, body.replace('sent', 'moved'))).toBe(401);
      expect(await send(now - 301)).toBe(401);
      await until(() => err.includes('Refused a delivery: stale_timestamp'));
      expect(err.split('\n').filter(Boolean)).toEqual([
        'Refused a delivery: bad_signature',
        'Refused a delivery: bad_signature',
        'Refused a delivery: stale_timestamp',
      ]);
    } finally {
      receiver.kill('SIGINT');
    }
  });
});
