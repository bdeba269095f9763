/**
 * Development: prints a bearer token for a demo user, for trying the API with curl or a GraphQL
 * client. Usage: pnpm demo-token --user priya   (any part of a demo user's name or email)
 *                pnpm demo-token --user jo --role FRONTLINE   (only some of the user's roles)
 */
import { ROLES, type Role } from '@doorstep/schema';
import { parseArgs } from 'node:util';
import { signSessionToken } from '../auth/tokens.js';
import { ConfigError, loadConfig } from '../config.js';
import { DEMO_USERS } from '../db/demo.js';
import { DEV_TOKEN_LIFETIME_SECONDS } from '../http/dev-routes.js';

const { values } = parseArgs({
  options: { user: { type: 'string' }, role: { type: 'string', multiple: true } },
});

function fail(message: string): never {
  process.stderr.write(`demo-token: ${message}\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : 'could not read the configuration');
}
if (config.mode !== 'development') fail('tokens are minted here only in development mode');

const wanted = (values.user ?? '').toLowerCase();
const matches = DEMO_USERS.filter(
  (u) => wanted && (u.name + ' ' + u.email + ' ' + u.id).toLowerCase().includes(wanted),
);
if (matches.length !== 1) {
  fail(
    `${matches.length ? 'more than one' : 'no'} demo user matches "${values.user ?? ''}". Demo users:\n` +
      DEMO_USERS.map((u) => `  ${u.email}  ${u.roles.join(',')}`).join('\n'),
  );
}
const user = matches[0]!;
const roles = values.role as Role[] | undefined;
const unknown = (roles ?? []).filter((r) => !ROLES.includes(r));
if (unknown.length) fail(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
const notHeld = (roles ?? []).filter((r) => !user.roles.includes(r));
if (notHeld.length) {
  const holders = DEMO_USERS.filter((u) => notHeld.every((r) => u.roles.includes(r)));
  fail(
    `${user.email} does not hold ${notHeld.join(', ')} (a token can only narrow a user's roles).` +
      (holders.length ? ` Try: ${holders.map((u) => `--user ${u.email.split('@')[0]}`).join(' or ')}` : ''),
  );
}

const { token } = await signSessionToken(
  config.jwt,
  { userId: user.id, organisationId: user.organisationId, ...(roles ? { roles } : {}) },
  DEV_TOKEN_LIFETIME_SECONDS,
);
process.stdout.write(token + '\n');
