import {
  ConcernsDocument,
  ReferConcernDocument,
  ReferralUpdatedDocument,
  request,
  type ReferralUpdatedSubscription,
} from '@doorstep/client';
import { connectLive, subscribe } from '@doorstep/client/live';
import { repoRoot } from '@doorstep/testkit';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEMO, startDoorstep } from './doorstep.js';

/**
 * The end-to-end test of live updates: the housing provider's side watches a referral over
 * a subscription (@doorstep/client/live, a WebSocket) while the agency's system, the built
 * examples/partner-agency, acknowledges, accepts and closes it; the watcher sees each move as it
 * happens. The agency's own `watch` command prints the events and, run again, resumes after the
 * last one it saw.
 */
const NORTHSHIRE = '00000000-0000-4000-8000-000000000003';
type Event = ReferralUpdatedSubscription['referralUpdated'];

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
beforeAll(async () => {
  doorstep = await startDoorstep();
});
afterAll(async () => {
  await doorstep?.stop();
});

function partnerAgency(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const main = path.join(repoRoot, 'examples', 'partner-agency', 'dist', 'main.js');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, ...args],
      { env: { PATH: process.env.PATH ?? '', DOORSTEP_URL: doorstep.base } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

it('the provider watches a referral live while the agency acknowledges, accepts and closes it', async () => {
  const lead = { endpoint: `${doorstep.base}/graphql`, token: await doorstep.token(DEMO.lead) };
  const { concerns } = await request(lead, ConcernsDocument, { first: 1 });
  const { referConcern } = await request(lead, ReferConcernDocument, {
    input: {
      concernId: concerns.edges[0]!.node.id,
      recipientOrganisationId: NORTHSHIRE,
      reason: 'E2E: needs a care needs assessment',
      legalBasis: 'RISK_TO_ADULT',
      legalBasisReason: 'E2E: she may be being exploited',
      summary: 'E2E: live updates',
    },
  });
  const id = referConcern.id;

  // The provider's side: every event of the referral, from the start of the log (so the SENT event
  // comes first, and once it has, the subscription is live).
  const seen: Event[] = [];
  const failures: unknown[] = [];
  const live = connectLive({
    url: `${doorstep.base.replace(/^http/, 'ws')}/graphql`,
    token: lead.token,
    webSocketImpl: WebSocket,
  });
  const stop = subscribe(
    live,
    ReferralUpdatedDocument,
    { referralId: id, after: '0' },
    { next: (data) => void seen.push(data.referralUpdated), error: (error) => void failures.push(error) },
  );
  const statuses = () => seen.map((e) => e.status);
  try {
    await expect.poll(() => statuses(), { timeout: 10_000 }).toEqual(['SENT']);

    // The agency's own watcher, from the start of the log too (its position kept in a file).
    const state = path.join(await mkdtemp(path.join(os.tmpdir(), 'doorstep-watch-')), 'position');
    await writeFile(state, '0\n');
    const watching = partnerAgency(['watch', '--referral', id, '--state-file', state, '--count', '2']);

    const moves: [string[], string][] = [
      [['acknowledge', id], 'ACKNOWLEDGED'],
      [['accept', id], 'ACCEPTED'],
      [['close', id, '--outcome', 'SERVICES_PROVIDED'], 'CLOSED'],
    ];
    for (const [i, [args, status]] of moves.entries()) {
      const run = await partnerAgency(args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // Seen live, before the agency's next move.
      await expect
        .poll(() => statuses(), { timeout: 10_000 })
        .toEqual(['SENT', ...moves.slice(0, i + 1).map(([, s]) => s)]);
      expect(seen.at(-1)).toMatchObject({ kind: 'MOVED', status, referral: { id, status } });
    }
    expect(failures).toEqual([]);
    const positions = seen.map((e) => BigInt(e.id));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

    // The agency's watcher printed the first two (ids, kind, status: nothing personal) and stopped;
    // run again, it resumes after the last it saw: the two it missed while away, nothing twice.
    const first = await watching;
    expect(first.stderr).toBe('');
    const line = (e: Event) =>
      new RegExp(
        `^event ${e.id} {2}${e.kind.toLowerCase()} {2}referral ${id} {2}${e.status.toLowerCase()} \\(version ${e.version}\\) {2}at .+ UTC$`,
      );
    const lines = (out: string) => out.trim().split('\n');
    expect(lines(first.stdout)).toHaveLength(2);
    lines(first.stdout).forEach((l, i) => expect(l).toMatch(line(seen[i]!)));
    expect((await readFile(state, 'utf8')).trim()).toBe(seen[1]!.id);
    const resumed = await partnerAgency(['watch', '--referral', id, '--state-file', state, '--count', '2']);
    expect(resumed.stderr).toBe('');
    expect(lines(resumed.stdout)).toHaveLength(2);
    lines(resumed.stdout).forEach((l, i) => expect(l).toMatch(line(seen[i + 2]!)));
    expect(first.stdout + resumed.stdout).not.toContain('E2E');
  } finally {
    stop();
    await live.dispose();
  }
});
