/**
 * Setting Doorstep up for an organisation, from the command line (as the database owner): the
 * organisations, their staff, the API keys their portals use, their public tokens, their sign-in
 * (OpenID Connect), the web origins allowed to call the API and their webhook endpoints. Every change
 * is in the audit trail.
 *
 *   pnpm admin <command> [--options]      (pnpm admin help lists them)
 */
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AGENCY_TYPES,
  ORGANISATION_KINDS,
  ROLES,
  type AgencyType,
  type OrganisationKind,
  type Role,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { withToolDatabase } from '../db/connect-tool.js';
import { DatabaseUnreachableError } from '../db/orm.js';
import { ApiKey, IdentityProvider, PublicToken } from '../modules/access/credentials.entity.js';
import { createApiKey, createPublicToken, revokeApiKey } from '../modules/access/credentials.service.js';
import { AuditEvent, type AuditAction } from '../modules/audit/audit-event.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { Team } from '../modules/organisation/team.entity.js';
import { User } from '../modules/organisation/user.entity.js';
import { deactivateUser } from '../modules/organisation/user.service.js';
import {
  actAsOrganisation,
  addWebhookEndpoint,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  rotateWebhookSecret,
} from '../modules/webhook/webhooks.service.js';
import { BadUserInputError, DoorstepError } from '../errors.js';

class UsageError extends Error {}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string', multiple: true },
    kind: { type: 'string' },
    'agency-type': { type: 'string' },
    'external-subject': { type: 'string' },
    label: { type: 'string' },
    id: { type: 'string' },
    issuer: { type: 'string' },
    jwks: { type: 'string' },
    audience: { type: 'string' },
    origin: { type: 'string', multiple: true },
    url: { type: 'string' },
    team: { type: 'string' },
  },
});

const need = (name: keyof typeof values): string => {
  const value = values[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
};
const say = (line: string) => process.stdout.write(line + '\n');

/** Records an administrative change in the organisation's audit trail. */
function record(
  em: EntityManager,
  organisationId: string,
  action: AuditAction,
  type: string,
  id: string | null,
) {
  em.create(AuditEvent, {
    organisationId,
    actorKind: 'system',
    actorUserId: null,
    actorRef: `admin-cli:${os.userInfo().username}`,
    action,
    entityType: type,
    entityId: id,
    reason: null,
    requestId: randomUUID(),
  });
}

async function organisation(em: EntityManager): Promise<Organisation> {
  const id = need('org');
  const found = await em.findOne(Organisation, /^[0-9a-f-]{36}$/i.test(id) ? { id } : { name: id });
  if (!found) throw new UsageError(`no organisation ${id} (pnpm admin organisations lists them)`);
  return found;
}

function origins(list: string[] | undefined): string[] {
  return (list ?? []).map((origin) => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new UsageError(`${origin} is not a web origin like https://portal.example.org`);
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      throw new UsageError(`${origin} is not a web origin like https://portal.example.org (no path)`);
    }
    return url.origin;
  });
}

const COMMANDS: Record<string, { help: string; run: (em: EntityManager, config: Config) => Promise<void> }> =
  {
    organisations: {
      help: 'list organisations',
      async run(em) {
        for (const o of await em.find(Organisation, {}, { orderBy: { name: 'asc' } })) {
          say(
            `${o.id}  ${o.name}  ${o.kind}${o.agencyType ? ` ${o.agencyType}` : ''}  origins: ${o.allowedOrigins.join(' ') || '-'}`,
          );
        }
      },
    },
    'organisation:add': {
      help: '--name N --kind HOUSING_PROVIDER|AGENCY [--agency-type T]',
      async run(em) {
        const kind = need('kind') as OrganisationKind;
        if (!ORGANISATION_KINDS.includes(kind))
          throw new UsageError(`--kind is one of ${ORGANISATION_KINDS.join(', ')}`);
        const agencyType = (values['agency-type'] ?? null) as AgencyType | null;
        if (agencyType && !AGENCY_TYPES.includes(agencyType))
          throw new UsageError(`--agency-type is one of ${AGENCY_TYPES.join(', ')}`);
        if ((kind === 'AGENCY') !== !!agencyType)
          throw new UsageError('an agency needs --agency-type; a housing provider has none');
        const o = em.create(Organisation, { name: need('name'), kind, agencyType });
        record(em, o.id, 'CREATE', 'Organisation', o.id);
        await em.flush();
        say(o.id);
      },
    },
    users: {
      help: '--org O   list an organisation’s staff',
      async run(em) {
        const o = await organisation(em);
        for (const u of await em.find(User, { organisation: o }, { orderBy: { name: 'asc' } })) {
          say(`${u.id}  ${u.email}  ${u.roles.join(',')}${u.deactivatedAt ? '  (deactivated)' : ''}`);
        }
      },
    },
    'user:add': {
      help: '--org O --name N --email E --role R [--role R2] [--external-subject S]',
      async run(em) {
        const o = await organisation(em);
        const roles = (values.role ?? []) as Role[];
        if (!roles.length || roles.some((r) => !ROLES.includes(r)))
          throw new UsageError(`--role is one or more of ${ROLES.join(', ')}`);
        const email = need('email').toLowerCase();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
          throw new UsageError('--email is not an email address');
        if (await em.count(User, { email })) throw new UsageError(`${email} already has an account`);
        const u = em.create(User, {
          organisation: o,
          name: need('name'),
          email,
          roles,
          externalSubject: values['external-subject'] ?? null,
        });
        record(em, o.id, 'CREATE', 'User', u.id);
        await em.flush();
        say(u.id);
      },
    },
    teams: {
      help: '--org O   list an organisation’s teams (reports count concerns by the reporter’s team)',
      async run(em) {
        const o = await organisation(em);
        for (const t of await em.find(Team, { organisation: o }, { orderBy: { name: 'asc' } })) {
          const members = await em.count(User, { organisation: o, team: t, deactivatedAt: null });
          say(`${t.id}  ${t.name}  ${members} member${members === 1 ? '' : 's'}`);
        }
      },
    },
    'team:add': {
      help: '--org O --name N   a team of staff (a patch, a repairs crew…)',
      async run(em) {
        const o = await organisation(em);
        const name = need('name');
        if (name.length > 120) throw new UsageError('--name is at most 120 characters');
        if (await em.count(Team, { organisation: o, name }))
          throw new UsageError(`${o.name} has a team ${name}`);
        const t = em.create(Team, { organisation: o, name });
        record(em, o.id, 'CREATE', 'Team', t.id);
        await em.flush();
        say(t.id);
      },
    },
    'user:team': {
      help: '--email E --team T|none   their team from now on (concerns they raised keep theirs)',
      async run(em) {
        const u = await em.findOne(User, { email: need('email').toLowerCase() });
        if (!u) throw new UsageError('no such user');
        const wanted = need('team');
        let team: Team | null = null;
        if (wanted !== 'none') {
          team = await em.findOne(
            Team,
            /^[0-9a-f-]{36}$/i.test(wanted)
              ? { organisation: u.organisation, id: wanted }
              : { organisation: u.organisation, name: wanted },
          );
          if (!team)
            throw new UsageError(`no team ${wanted} in their organisation (pnpm admin teams lists them)`);
        }
        u.team = team;
        record(em, u.organisation.id, 'UPDATE', 'User', u.id);
        await em.flush();
        say(`${u.email}: ${team ? team.name : 'no team'}`);
      },
    },
    'user:deactivate': {
      help: '--email E   their tokens stop working at once',
      async run(em) {
        const u = await em.findOne(User, { email: need('email').toLowerCase() });
        if (!u) throw new UsageError('no such user');
        record(em, u.organisation.id, 'UPDATE', 'User', u.id);
        await deactivateUser(em, u);
        say(`${u.email} deactivated`);
      },
    },
    'api-key:create': {
      help: '--org O --label L   for a portal’s back end (the widget-token exchange); shown once',
      async run(em) {
        const o = await organisation(em);
        const { id, key } = await createApiKey(em, o.id, need('label'));
        record(em, o.id, 'CREATE', 'ApiKey', id);
        await em.flush();
        say(key);
        process.stderr.write(`API key ${id} made. Keep it secret: it is not shown again.\n`);
      },
    },
    'api-key:revoke': {
      help: '--id K   widget tokens made with it stop working at once',
      async run(em) {
        const key = await em.findOne(ApiKey, { id: need('id') });
        if (!key) throw new UsageError('no such API key');
        record(em, key.organisation.id, 'UPDATE', 'ApiKey', key.id);
        await revokeApiKey(em, key);
        say(`API key ${key.id} revoked`);
      },
    },
    'public-token:create': {
      help: '--org O --label L   for public forms (feedback, the public concern form)',
      async run(em, config) {
        const o = await organisation(em);
        const { id, token } = await createPublicToken(em, config.jwt, o.id, need('label'));
        record(em, o.id, 'CREATE', 'PublicToken', id);
        await em.flush();
        say(token);
      },
    },
    'public-token:revoke': {
      help: '--id T',
      async run(em) {
        const token = await em.findOne(PublicToken, { id: need('id') });
        if (!token) throw new UsageError('no such public token');
        token.revokedAt ??= new Date();
        record(em, token.organisation.id, 'UPDATE', 'PublicToken', token.id);
        await em.flush();
        say(`public token ${token.id} revoked`);
      },
    },
    'identity-provider:add': {
      help: '--org O --issuer URL --jwks URL --audience A   the organisation’s OpenID Connect sign-in',
      async run(em) {
        const o = await organisation(em);
        const jwks = need('jwks');
        let url: URL;
        try {
          url = new URL(jwks);
        } catch {
          throw new UsageError('--jwks is not an address');
        }
        if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost'].includes(url.hostname)) {
          throw new UsageError('--jwks must be an https address');
        }
        const provider = em.create(IdentityProvider, {
          organisation: o,
          issuer: need('issuer'),
          jwksUri: jwks,
          audience: need('audience'),
        });
        record(em, o.id, 'CREATE', 'IdentityProvider', provider.id);
        await em.flush();
        say(provider.id);
      },
    },
    'origins:set': {
      help: '--org O --origin https://… [--origin …]   web pages allowed to call the API (none: no --origin)',
      async run(em) {
        const o = await organisation(em);
        o.allowedOrigins = origins(values.origin);
        record(em, o.id, 'UPDATE', 'Organisation', o.id);
        await em.flush();
        say(`${o.name}: ${o.allowedOrigins.join(' ') || 'no other origins'}`);
      },
    },
  };

/** The organisation named by --org, set for the transaction as a request's would be (webhooks.service.ts). */
async function actingFor(em: EntityManager): Promise<Organisation> {
  const o = await organisation(em);
  await actAsOrganisation(em, o.id);
  return o;
}

/** A refusal of the webhook service, in the command's words. */
async function plainly<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof BadUserInputError) {
      const fields = (error.extensions.fields ?? []) as { field: string; message: string }[];
      throw new UsageError(fields.map((f) => `--${f.field}: ${f.message}`).join('; '));
    }
    if (error instanceof DoorstepError) throw new UsageError(error.message);
    throw error;
  }
}

const WEBHOOK_COMMANDS: typeof COMMANDS = {
  'webhook:add': {
    help: '--org O --url https://…   where its systems receive signed referral events; secret shown once',
    async run(em, config) {
      const o = await actingFor(em);
      const { endpoint, secret } = await plainly(
        addWebhookEndpoint(em, o.id, need('url'), !config.webhooks.allowLocalHttp),
      );
      record(em, o.id, 'CREATE', 'WebhookEndpoint', endpoint.id);
      await em.flush();
      say(secret);
      process.stderr.write(
        `Webhook endpoint ${endpoint.id} added. Keep the secret: it is not shown again.\n`,
      );
    },
  },
  'webhook:list': {
    help: '--org O',
    async run(em) {
      const o = await actingFor(em);
      for (const e of await listWebhookEndpoints(em, o.id)) {
        say(
          `${e.id}  ${e.url}  added ${e.createdAt.toISOString()}${e.rotatedAt ? `  rotated ${e.rotatedAt.toISOString()}` : ''}`,
        );
      }
    },
  },
  'webhook:rotate': {
    help: '--org O --id E   a new secret, shown once (the old one still signs for 24 hours)',
    async run(em) {
      const o = await actingFor(em);
      const { endpoint, secret } = await plainly(rotateWebhookSecret(em, o.id, need('id')));
      record(em, o.id, 'UPDATE', 'WebhookEndpoint', endpoint.id);
      await em.flush();
      say(secret);
    },
  },
  'webhook:remove': {
    help: '--org O --id E   nothing more is sent to it; its delivery log is kept',
    async run(em) {
      const o = await actingFor(em);
      const endpoint = await plainly(removeWebhookEndpoint(em, o.id, need('id')));
      record(em, o.id, 'UPDATE', 'WebhookEndpoint', endpoint.id);
      await em.flush();
      say(`webhook endpoint ${endpoint.id} removed`);
    },
  },
};
Object.assign(COMMANDS, WEBHOOK_COMMANDS);

function help() {
  say('pnpm admin <command> [--options]\n');
  for (const [name, command] of Object.entries(COMMANDS)) say(`  ${name.padEnd(22)} ${command.help}`);
}

const command = positionals[0];
if (!command || command === 'help' || !COMMANDS[command]) {
  help();
  process.exit(command && command !== 'help' ? 2 : 0);
}
try {
  const config = loadConfig();
  await withToolDatabase(config, async ({ orm }) => {
    const em = orm.em.fork() as EntityManager;
    await em.transactional((tx) => COMMANDS[command]!.run(tx as EntityManager, config));
  });
} catch (error) {
  const plain =
    error instanceof UsageError || error instanceof ConfigError || error instanceof DatabaseUnreachableError;
  process.stderr.write(
    `admin ${command}: ${plain ? (error as Error).message : `failed (${(error as Error)?.name})`}\n`,
  );
  process.exit(2);
}
