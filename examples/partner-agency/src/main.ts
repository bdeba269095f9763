/*
 * A partner agency's own system, working the referrals housing providers sent to the agency through
 * Doorstep: it lists them all (every page) and reads one in full (`start`), and moves one through its
 * lifecycle (`acknowledge`, `accept`, `decline`, `close`) or writes on its thread (`message`),
 * watches them change live (`watch`), or receives the referral events Doorstep sends it as signed
 * webhooks (`receive`). See README.md.
 */
import { parseArgs } from 'node:util';
import {
  DoorstepError,
  ReferralDocument,
  ReferralsReceivedDocument,
  request,
  type ClientOptions,
  type ReferralFieldsFragment,
  type ReferralLifecycleFieldsFragment,
  type ReceivedReferralsFilter,
  type ReferralOutcome,
  type ReferralStatus,
} from '@doorstep/client';
import { readConfig, type Config } from './config.js';
import { moveReferral, sendMessage, type Move } from './moves.js';
import { receiveWebhooks } from './receive.js';
import { warn, withRetry } from './retry.js';
import { tokenSource } from './token.js';
import { watchReferrals, type ReferralEvent } from './watch.js';

const say = (line = '') => process.stdout.write(line + '\n');

// #region list-referrals
/**
 * Every referral sent to the agency that the filter lets through (all of them without one), newest
 * first, following the pages to the end.
 */
async function referralsReceived(options: ClientOptions, config: Config, filter: ReceivedReferralsFilter) {
  const referrals: ReferralFieldsFragment[] = [];
  let after: string | null | undefined;
  do {
    const { referralsReceived: page } = await withRetry(config, () =>
      request(options, ReferralsReceivedDocument, { first: config.pageSize, after, filter }),
    );
    referrals.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return referrals;
}
// #endregion list-referrals

// #region read-referral
/** One referral in full: only what the housing provider shared, and its legal basis. */
async function readReferral(options: ClientOptions, config: Config, id: string) {
  const { referral } = await withRetry(config, () => request(options, ReferralDocument, { id }));
  return referral;
}
// #endregion read-referral

const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');
const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

const respondBy = (r: ReferralFieldsFragment) =>
  r.respondBy ? `respond by ${when(r.respondBy)}${r.overdue ? ' OVERDUE' : ''}` : 'no respond-by date';

function printSummary(r: ReferralFieldsFragment) {
  say(
    `${r.shared.concernReference}  sent ${when(r.sentAt)}  from ${r.sender}  ` +
      `${words(r.shared.urgency)}  ${r.shared.categories.map(words).join(', ') || 'no categories'}  ` +
      `${words(r.status)}  ${respondBy(r)}  (id ${r.id})`,
  );
}

function printInFull(r: ReferralFieldsFragment) {
  const s = r.shared;
  const line = (label: string, value: string | null | undefined) => say(`  ${label}: ${value || '-'}`);
  say(`Referral ${s.concernReference}, in full`);
  line('From', r.sender);
  line('To', r.recipient);
  line('Sent', when(r.sentAt));
  line('Status', words(r.status));
  line('Respond by', r.respondBy ? when(r.respondBy) + (r.overdue ? ' (overdue)' : '') : null);
  line('Why referred', r.reason);
  line('Legal basis', words(r.legalBasis) + (r.legalBasisReason ? ` (${r.legalBasisReason})` : ''));
  line('Concern raised', when(s.raisedAt));
  line('Urgency', words(s.urgency));
  line('Categories', s.categories.map(words).join(', '));
  line('Summary', s.summary);
  line('What was reported', s.whatWasReported ?? 'not shared');
  line('When it happened', s.happenedAt ? when(s.happenedAt) : null);
  line('Where', s.where);
  line('Their views', words(s.viewsStatus) + (s.views ? `: ${s.views}` : ''));
  line('Consent', words(s.consentStatus));
  say('  People:');
  for (const p of s.people) {
    const details = [
      words(p.role),
      p.dateOfBirth && `born ${p.dateOfBirth}`,
      p.childAtEvent && 'a child at the time',
      p.otherNames.length > 0 && `also known as ${p.otherNames.join(', ')}`,
      p.pronouns,
      p.preferredLanguage && `speaks ${p.preferredLanguage}`,
      p.interpreterNeeded && 'needs an interpreter',
      p.communicationNeeds,
      ...p.vulnerabilityFactors.map(words),
    ].filter(Boolean);
    say(`    - ${p.name}: ${details.join('; ')}`);
  }
}

/** What to tell the person running the program when it fails, by the error's code. */
function explain(error: unknown, config: Config, referralId = config.referralId): string {
  if (!(error instanceof DoorstepError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return config.apiKey
        ? 'Doorstep did not accept the API key (DOORSTEP_API_KEY): it is wrong, or it was revoked.'
        : 'Doorstep gave no demo token: only a gateway in development has demo users. ' +
            'Set DOORSTEP_API_KEY and DOORSTEP_USER_EMAIL.';
    case 'UNKNOWN_USER':
      return `No active Doorstep user of your agency has the email ${config.userEmail} (DOORSTEP_USER_EMAIL).`;
    case 'FORBIDDEN':
      return 'That user may not read referrals: they need the AGENCY_OFFICER role.';
    case 'NOT_FOUND':
      return `No referral to your agency has the id ${referralId}.`;
    case 'INVALID_TRANSITION':
      // The gateway's message says which moves the referral's state allows.
      return error.message;
    case 'BAD_USER_INPUT':
      return error.fields.length > 0
        ? error.fields.map((field) => `${field.field}: ${field.message}`).join('\n')
        : error.message;
    case 'NETWORK_ERROR':
    case 'SERVICE_UNAVAILABLE':
      return `Could not reach Doorstep at ${config.baseUrl} after ${config.attempts} tries (DOORSTEP_URL).`;
    default:
      return `Doorstep refused: ${error.code}: ${error.message}`;
  }
}

const USAGE = `Usage:
  start [filters]                                   list the referrals, read one in full (REFERRAL_ID)
  list [filters]                                    list the referrals only
    filters: --status SENT,ACKNOWLEDGED  --overdue  --from 2026-03-01  --to 2026-03-31  --sender <organisation id>
  acknowledge <id>                                  say the referral has been received
  accept <id>                                       take it on
  decline <id> --reason "…"                         decline it, saying why
  close <id> --outcome SERVICES_PROVIDED [--detail "…"]   close it with what your agency did
  message <id> "…"                                  ask the housing provider for more information
  watch [--referral <id>] [--state-file <path>] [--count <n>] [--details]
                                                    print each event of your referrals as it happens
  receive                                           receive signed webhooks (WEBHOOK_SECRET, WEBHOOK_PORT)`;

/** The command line: what to do, on which referral. */
type Command =
  | { kind: 'start' | 'list'; filter: ReceivedReferralsFilter }
  | { kind: 'receive' }
  | { kind: 'move'; referralId: string; move: Move }
  | { kind: 'message'; referralId: string; body: string }
  | { kind: 'watch'; referralId?: string; stateFile?: string; count?: number; details: boolean };

function readCommand(args: string[]): Command {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      outcome: { type: 'string' },
      detail: { type: 'string' },
      status: { type: 'string' },
      overdue: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      sender: { type: 'string' },
      referral: { type: 'string' },
      'state-file': { type: 'string' },
      count: { type: 'string' },
      details: { type: 'boolean' },
    },
  });
  const [name = 'start', referralId, body] = positionals;
  if (name === 'start' || name === 'list') {
    // Passed on as given: Doorstep checks them (a date that is not real, a reversed range and an
    // unknown status come back as BAD_USER_INPUT with the field's message).
    const filter: ReceivedReferralsFilter = {
      status: values.status?.split(',').map((s) => s.trim().toUpperCase() as ReferralStatus),
      overdue: values.overdue,
      sentFrom: values.from,
      sentTo: values.to,
      senderId: values.sender,
    };
    return { kind: name, filter };
  }
  if (name === 'watch') {
    const count = values.count === undefined ? undefined : Number(values.count);
    if (count !== undefined && !(Number.isInteger(count) && count > 0)) {
      throw new Error('--count must be a whole number above 0');
    }
    return {
      kind: 'watch',
      referralId: values.referral,
      stateFile: values['state-file'],
      count,
      details: values.details ?? false,
    };
  }
  if (name === 'receive') return { kind: 'receive' };
  if (!referralId) throw new Error(USAGE);
  switch (name) {
    case 'acknowledge':
      return { kind: 'move', referralId, move: { to: 'ACKNOWLEDGED' } };
    case 'accept':
      return { kind: 'move', referralId, move: { to: 'ACCEPTED' } };
    case 'decline':
      if (!values.reason) throw new Error('decline needs --reason "…": the housing provider reads it');
      return { kind: 'move', referralId, move: { to: 'DECLINED', reason: values.reason } };
    case 'close':
      if (!values.outcome) throw new Error('close needs --outcome, e.g. --outcome SERVICES_PROVIDED');
      return {
        kind: 'move',
        referralId,
        move: { to: 'CLOSED', outcome: values.outcome as ReferralOutcome, outcomeDetail: values.detail },
      };
    case 'message':
      if (!body) throw new Error('message needs the words to send: message <id> "…"');
      return { kind: 'message', referralId, body };
    default:
      throw new Error(USAGE);
  }
}

const version = (r: Pick<ReferralLifecycleFieldsFragment, 'status' | 'version'>) =>
  `${words(r.status)} (version ${r.version})`;

/** One event: ids, kind and status only (no personal data), unless the officer asks for details. */
function printEvent(event: ReferralEvent) {
  say(
    `event ${event.id}  ${event.kind.toLowerCase()}  referral ${event.referral.id}  ` +
      `${version(event)}  at ${when(event.at)}`,
  );
}

async function run(command: Command, options: ClientOptions, config: Config) {
  switch (command.kind) {
    case 'watch': {
      await watchReferrals(config, options.token as () => Promise<string>, {
        referralId: command.referralId,
        stateFile: command.stateFile,
        count: command.count,
        onEvent: async (event) => {
          printEvent(event);
          if (command.details) printInFull(await readReferral(options, config, event.referral.id));
        },
      });
      return;
    }
    case 'start':
    case 'list': {
      const referrals = await referralsReceived(options, config, command.filter);
      const filtered = Object.values(command.filter).some((v) => v !== undefined);
      say(`Referrals sent to your agency${filtered ? ' (filtered)' : ''}: ${referrals.length}`);
      referrals.forEach(printSummary);
      const id = command.kind === 'start' ? (config.referralId ?? referrals[0]?.id) : undefined;
      if (id) {
        say();
        printInFull(await readReferral(options, config, id));
      }
      return;
    }
    case 'move': {
      const result = await moveReferral(options, config, command.referralId, command.move);
      if ('moved' in result) {
        say(`Referral ${command.referralId} is now ${version(result.moved)}`);
        return;
      }
      // Someone moved it between our read and our move: nothing changed. Never retried blindly.
      warn(
        `Someone moved referral ${command.referralId} since it was read: it is now ` +
          `${version(result.stale)}. Nothing was changed; read it and decide again.`,
      );
      process.exitCode = 1;
      return;
    }
    case 'receive':
      await receiveWebhooks(options, config); // runs until stopped
      return;
    case 'message': {
      const message = await sendMessage(options, command.referralId, command.body);
      say(`Message sent on referral ${command.referralId} at ${when(message.sentAt)}`);
      return;
    }
  }
}

async function main() {
  let config: Config;
  let command: Command;
  try {
    config = readConfig();
    command = readCommand(process.argv.slice(2));
  } catch (error) {
    warn((error as Error).message);
    process.exitCode = 1;
    return;
  }
  const options: ClientOptions = { endpoint: `${config.baseUrl}/graphql`, token: tokenSource(config) };
  try {
    await run(command, options, config);
  } catch (error) {
    warn(explain(error, config, 'referralId' in command ? command.referralId : undefined));
    process.exitCode = 1;
  }
}

await main();
