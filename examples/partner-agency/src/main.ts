/*
 * A partner agency's own system, reading the referrals housing providers sent to the agency through
 * Doorstep: it lists them all (every page), reads one in full and prints them. See README.md.
 */
import {
  DoorstepError,
  ReferralDocument,
  ReferralsReceivedDocument,
  request,
  type ClientOptions,
  type ReferralFieldsFragment,
} from '@doorstep/client';
import { readConfig, type Config } from './config.js';
import { tokenSource } from './token.js';

const say = (line = '') => process.stdout.write(line + '\n');
const warn = (line: string) => process.stderr.write(line + '\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send` again, waiting 0.5 s, 1 s, 2 s…, while Doorstep may not have received it. */
async function withRetry<T>(config: Config, send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof DoorstepError) || !error.retryable || attempt >= config.attempts) throw error;
      const wait = 500 * 2 ** (attempt - 1);
      warn(`Could not reach Doorstep (${error.code}); trying again in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}

// #region list-referrals
/** Every referral sent to the agency, newest first, following the pages to the end. */
async function referralsReceived(options: ClientOptions, config: Config) {
  const referrals: ReferralFieldsFragment[] = [];
  let after: string | null | undefined;
  do {
    const { referralsReceived: page } = await withRetry(config, () =>
      request(options, ReferralsReceivedDocument, { first: config.pageSize, after }),
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

function printSummary(r: ReferralFieldsFragment) {
  say(
    `${r.shared.concernReference}  sent ${when(r.sentAt)}  from ${r.sender}  ` +
      `${words(r.shared.urgency)}  ${r.shared.categories.map(words).join(', ') || 'no categories'}  ` +
      `(id ${r.id})`,
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
function explain(error: unknown, config: Config): string {
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
      return `No referral to your agency has the id ${config.referralId} (REFERRAL_ID).`;
    case 'NETWORK_ERROR':
    case 'SERVICE_UNAVAILABLE':
      return `Could not reach Doorstep at ${config.baseUrl} after ${config.attempts} tries (DOORSTEP_URL).`;
    default:
      return `Doorstep refused: ${error.code}: ${error.message}`;
  }
}

async function main() {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    warn((error as Error).message);
    process.exitCode = 1;
    return;
  }
  const options: ClientOptions = { endpoint: `${config.baseUrl}/graphql`, token: tokenSource(config) };
  try {
    const referrals = await referralsReceived(options, config);
    say(`Referrals sent to your agency: ${referrals.length}`);
    referrals.forEach(printSummary);
    const id = config.referralId ?? referrals[0]?.id;
    if (id) {
      say();
      printInFull(await readReferral(options, config, id));
    }
  } catch (error) {
    warn(explain(error, config));
    process.exitCode = 1;
  }
}

await main();
